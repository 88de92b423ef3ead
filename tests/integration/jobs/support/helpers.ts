import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Db, openDb } from "#db/client";
import { getJob, type Job } from "#jobs/queue";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../..");

export interface TempDb {
  db: Db;
  dir: string;
  file: string;
  cleanup(): void;
}

/** A fresh, migrated SQLite file in its own temp directory. */
export function tempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-jobs-"));
  const file = path.join(dir, "jobs.db");
  const db = openDb(file);
  return {
    db,
    dir,
    file,
    cleanup() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the worker printed "ready". */
  ready: Promise<void>;
  /** Resolves with the exit code, or the signal name when killed. */
  exited: Promise<number | string>;
}

export function spawnWorker(env: {
  dbFile: string;
  workerId: string;
  runLog: string;
  leaseMs: number;
  heartbeatMs: number;
  pollMs: number;
}): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "test-worker.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      JOBS_DB_FILE: env.dbFile,
      WORKER_ID: env.workerId,
      RUN_LOG: env.runLog,
      LEASE_MS: String(env.leaseMs),
      HEARTBEAT_MS: String(env.heartbeatMs),
      POLL_MS: String(env.pollMs),
    },
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
    exited.then((how) => reject(new Error(`worker ${env.workerId} exited early (${how})`)));
  });
  return { child, ready, exited };
}

/**
 * Polls until `condition` returns a value other than undefined or false, and returns it.
 * Tests wait for the state they need rather than sleeping a guessed time: the deadline
 * only bounds a failure, so it is generous (a loaded CI machine can be very slow).
 */
export async function waitUntil<T>(
  condition: () => T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls until `predicate` holds for the job; throws after `timeoutMs`. */
export function waitForJobState(
  db: Db,
  id: number,
  predicate: (job: Job) => boolean,
  timeoutMs = 20_000,
): Promise<Job> {
  return waitUntil(
    () => {
      const job = getJob(db, id);
      return job && predicate(job) ? job : undefined;
    },
    `job ${id} to reach the expected state`,
    timeoutMs,
  );
}

/** Lines "jobId workerId" written by the test worker's handlers. */
export function readRunLog(file: string): { jobId: number; workerId: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [jobId, workerId] = line.split(" ");
      return { jobId: Number(jobId), workerId: workerId ?? "" };
    });
}
