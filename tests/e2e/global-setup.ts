/**
 * Starts the built app (production mode) on a free loopback port with a throw-away
 * database, and hands its URL to the tests through E2E_BASE_URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default async function globalSetup() {
  if (!fs.existsSync("build/server/index.js"))
    throw new Error("Run `npm run build` before the e2e tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-e2e-"));
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: path.join(dir, "e2e.db"),
      DATA_DIR: dir,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 30 s")), 30_000);
    server.stdout?.on("data", (chunk: Buffer) => {
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_DATA_DIR = dir;
  return async () => {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
