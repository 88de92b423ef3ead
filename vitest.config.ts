import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so the Remix plugin never runs under vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Generous: child processes (CLI, worker) start slowly on a loaded CI machine; speed is
    // measured by bench/, never by a test timing out.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/setup-env.ts"],
  },
});
