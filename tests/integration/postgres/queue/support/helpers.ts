import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../../..");

export interface PgWorkerProcess {
  id: string;
  child: ChildProcess;
  /** Resolves when the process printed "ready" (its queue is started). */
  ready: Promise<void>;
  /** Resolves with the exit code, or the signal name when killed. */
  exited: Promise<number | string>;
}

export function spawnPgWorker(id: string, env: Record<string, string>): PgWorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "pg-worker.ts")], {
    cwd: repoRoot,
    env: { ...process.env, ...env, WORKER_ID: id },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  const ready = new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
    exited.then((how) => reject(new Error(`process ${id} exited early (${how})`)));
  });
  return { id, child, ready, exited };
}

/**
 * Polls until `condition` resolves to a value other than undefined or false, and returns
 * it. The deadline only bounds a failure, so it is generous.
 */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
