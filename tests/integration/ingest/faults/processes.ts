/** Child processes for the fault tests: the real CLI and a web server, to kill with -9. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../../..");

export interface Child {
  child: ChildProcess;
  /** Resolves with the exit code, or the signal's name when killed. */
  exited: Promise<number | string>;
  /** Resolves once the child has printed `text` (stdout or stderr). */
  printed(text: string): Promise<void>;
  output(): string;
}

/** `node --import tsx <script> ...args` in the repository, with the test's environment. */
export function spawnTsx(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of waiting.splice(0)) {
      if (output.includes(wait.text)) wait.resolve();
      else waiting.push(wait);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return {
    child,
    exited,
    output: () => output,
    printed: (text) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(text)) return resolve();
        waiting.push({ text, resolve });
        exited.then((how) =>
          reject(new Error(`exited (${how}) before printing "${text}":\n${output}`)),
        );
      }),
  };
}

/** Kills with SIGKILL and waits until the process is gone (reaped: its pid is free). */
export async function killHard(process: Child): Promise<number | string> {
  process.child.kill("SIGKILL");
  return process.exited;
}

/**
 * Polls until `condition` returns something other than undefined or false. The deadline
 * only bounds a failure (a loaded machine is slow); nothing waits a guessed time.
 */
export async function waitUntil<T>(
  condition: () => T | undefined | false,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
