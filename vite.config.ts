import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixOptions from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixOptions), tsconfigPaths()],
  server: { port: 3000 },
  build: { target: "es2022" },
  // Server-only native modules: Vite's dependency scan would try to bundle their optional
  // platform packages (e.g. @node-rs/argon2-wasm32-wasi) for the browser and stop dev start-up.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3"] },
});
