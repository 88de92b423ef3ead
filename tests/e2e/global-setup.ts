/**
 * Starts the built app (production mode) on a free loopback port with a throw-away
 * database, and the job worker on the same database (analysis runs and imports are jobs),
 * and hands the URL to the tests through E2E_BASE_URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default async function globalSetup() {
  if (!fs.existsSync("build/server/index.js"))
    throw new Error("Run `npm run build` before the e2e tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: path.join(dir, "e2e.db"),
    DATA_DIR: dir,
    // The scraping spec serves its fixture site on 127.0.0.1, which the guard blocks otherwise.
    SCRAPER_ALLOW_HOSTS: "127.0.0.1",
  };
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env,
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
  // Started after the server, which has migrated the database by the time it listens.
  const worker: ChildProcess = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], {
    env: { ...env, WORKER_POLL_MS: "200" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_DATA_DIR = dir;
  return async () => {
    worker.kill("SIGTERM");
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
