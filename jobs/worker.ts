/**
 * The worker: claims one job at a time, runs its handler while a heartbeat renews the
 * lease, and records the outcome. `npm run worker` runs this file; tests call `runWorker`
 * in-process or start it as a child process.
 *
 * Note: the heartbeat is a timer, so a handler must not block the event loop for longer
 * than the lease (yield between batches), or its lease expires and another worker takes
 * over; before a long synchronous step it calls `ctx.holdLease` with what it expects.
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { type Db, getDb } from "#db/client";
import { recoverAtStart, recoverExpiredImports } from "~/datasets/stale-imports.server";
import { importLeaseMs } from "~/ingest/import-lease.server";
import { type BackoffOptions, defaultBackoff } from "./backoff";
import { errorMessage } from "./errors";
import { allHandlers } from "./handlers";
import { throttledProgress } from "./progress";
import {
  claimNext,
  complete,
  fail,
  type Job,
  type JobResult,
  release,
  renewLease,
  reportProgress,
} from "./queue";
import { type HandlerRegistry, handlerRegistry, type JobContext } from "./registry";
import { runScheduler } from "./schedule";

export interface WorkerOptions {
  db: Db;
  workerId: string;
  handlers: HandlerRegistry;
  /** Stops the loop; a running job gets `shutdownGraceMs` to finish, then is released. */
  signal: AbortSignal;
  /** Wait between claims when the queue is empty. */
  pollMs?: number;
  leaseMs?: number;
  /** How often the lease is renewed; well under `leaseMs` so one late tick does no harm. */
  heartbeatMs?: number;
  progressIntervalMs?: number;
  shutdownGraceMs?: number;
  backoff?: BackoffOptions;
  log?: (line: string) => void;
}

type Settings = Required<WorkerOptions>;

export async function runWorker(options: WorkerOptions): Promise<void> {
  const leaseMs = options.leaseMs ?? 30_000;
  const settings: Settings = {
    pollMs: 1_000,
    heartbeatMs: Math.max(1, Math.floor(leaseMs / 3)),
    progressIntervalMs: 1_000,
    shutdownGraceMs: 10_000,
    backoff: defaultBackoff,
    log: (line) => console.log(line),
    ...options,
    leaseMs,
  };
  const { db, workerId, handlers, signal, log } = settings;
  while (!signal.aborted) {
    let job: Job | undefined;
    try {
      job = claimNext(db, workerId, leaseMs, Date.now(), handlers.kinds());
    } catch (error) {
      // Typically SQLITE_BUSY after busy_timeout: try again on the next poll.
      log(`[worker ${workerId}] claim failed: ${errorMessage(error)}`);
    }
    if (job) await runJob(job, settings);
    else await sleep(settings.pollMs, signal);
  }
}

type Outcome =
  | { kind: "returned"; result: JobResult }
  | { kind: "threw"; error: unknown }
  | { kind: "abandoned" };

async function runJob(job: Job, settings: Settings): Promise<void> {
  const { db, workerId, leaseMs, log } = settings;
  const handler = settings.handlers.get(job.kind);
  if (!handler) throw new Error(`Claimed job ${job.id} of unknown kind ${job.kind}`);
  const label = `[worker ${workerId}] job ${job.id} ${job.kind}`;
  const startedAt = Date.now();
  log(`${label} started (attempt ${job.attempts}/${job.maxAttempts})`);

  const jobAbort = new AbortController();
  const stopJob = () => jobAbort.abort(new Error("worker is stopping"));
  settings.signal.addEventListener("abort", stopJob, { once: true });
  let leaseLost = false;
  /** Renews the lease for `ms`; a lease found lost aborts the job. */
  const renew = (ms: number) => {
    try {
      if (renewLease(db, job.id, workerId, ms)) return;
      leaseLost = true;
      clearInterval(heartbeat);
      jobAbort.abort(new Error("lease lost (job cancelled or taken over)"));
    } catch (error) {
      // The lease is still valid until it expires; the next tick tries again.
      log(`${label} lease renewal failed: ${errorMessage(error)}`);
    }
  };
  const heartbeat = setInterval(() => renew(leaseMs), settings.heartbeatMs);
  const progress = throttledProgress(
    (figures) => {
      // Progress is best effort: it may be written from a timer, where a busy database
      // (another connection holding the write lock past busy_timeout) must not end the worker.
      try {
        reportProgress(db, job.id, workerId, { ...figures });
      } catch (error) {
        log(`${label} progress not saved: ${errorMessage(error)}`);
      }
    },
    settings.progressIntervalMs,
    startedAt,
  );
  const ctx: JobContext = {
    jobId: job.id,
    workspaceId: job.workspaceId,
    attempt: job.attempts,
    maxAttempts: job.maxAttempts,
    signal: jobAbort.signal,
    progress: (update) => progress.report(update),
    holdLease: (ms) => renew(Math.max(leaseMs, ms)),
  };

  try {
    const outcome = await settle(
      handler.execute(job.payload, ctx),
      settings.signal,
      settings.shutdownGraceMs,
    );
    const seconds = `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
    if (outcome.kind === "returned") progress.flush();
    else progress.stop();
    if (leaseLost) {
      log(`${label} lease lost after ${seconds}; outcome discarded`);
    } else if (
      outcome.kind === "abandoned" ||
      (outcome.kind === "threw" && jobAbort.signal.aborted)
    ) {
      // Stopping: hand the job back so the next worker starts it without losing an attempt.
      log(`${label} released after ${seconds} (worker stopping)`);
      release(db, job.id, workerId);
    } else if (outcome.kind === "returned") {
      const written = complete(db, job.id, workerId, outcome.result);
      log(`${label} ${written ? "succeeded" : "finished but lease was lost"} in ${seconds}`);
    } else {
      const status = fail(db, job.id, workerId, outcome.error, Date.now(), settings.backoff);
      const next = status === "failed" ? "will retry" : (status ?? "lease was lost");
      log(`${label} failed in ${seconds} (${next}): ${errorMessage(outcome.error)}`);
    }
  } finally {
    clearInterval(heartbeat);
    progress.stop();
    settings.signal.removeEventListener("abort", stopJob);
  }
}

/** Waits for the handler; once the worker is stopping, waits at most `graceMs` more. */
function settle(work: Promise<JobResult>, stopping: AbortSignal, graceMs: number) {
  return new Promise<Outcome>((resolve) => {
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const startGrace = () => {
      graceTimer = setTimeout(() => resolve({ kind: "abandoned" }), graceMs);
    };
    if (stopping.aborted) startGrace();
    else stopping.addEventListener("abort", startGrace, { once: true });
    work
      .then(
        (result) => resolve({ kind: "returned", result }),
        (error: unknown) => resolve({ kind: "threw", error }),
      )
      .finally(() => {
        clearTimeout(graceTimer);
        stopping.removeEventListener("abort", startGrace);
      });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Runs the worker until SIGTERM or SIGINT, then finishes or releases the current job.
 * A second signal is not caught, so it ends the process at once.
 */
export async function runWorkerUntilSignalled(options: Omit<WorkerOptions, "signal">) {
  const log = options.log ?? ((line: string) => console.log(line));
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    log(`[worker ${options.workerId}] ${signal}: stopping after the current job`);
    controller.abort();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  try {
    await runWorker({ ...options, signal: controller.signal });
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
  }
}

/** How often the worker looks for imports whose process died (at most the lease's length). */
const IMPORT_SWEEP_MS = 10_000;

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main() {
  const db = getDb();
  for (const handler of allHandlers) handlerRegistry.add(handler);
  const workerId = process.env.WORKER_ID || `${os.hostname()}:${process.pid}`;
  console.log(`[worker ${workerId}] handling: ${handlerRegistry.kinds().join(", ") || "(none)"}`);
  // Every worker also ticks the scrape scheduler; dedupe keys make concurrent ticks safe.
  // Imports whose process died are settled at start and every few seconds after.
  recoverAtStart(db);
  const importSweep = setInterval(
    () => {
      try {
        recoverExpiredImports(db);
      } catch (error) {
        console.log(`[worker ${workerId}] import sweep failed: ${errorMessage(error)}`);
      }
    },
    Math.min(IMPORT_SWEEP_MS, importLeaseMs()),
  );
  const stopScheduler = new AbortController();
  const scheduler = runScheduler({
    db,
    signal: stopScheduler.signal,
    intervalMs: positiveIntFromEnv("SCHEDULER_TICK_MS", 5_000),
  });
  await runWorkerUntilSignalled({
    db,
    workerId,
    handlers: handlerRegistry,
    pollMs: positiveIntFromEnv("WORKER_POLL_MS", 1_000),
    leaseMs: positiveIntFromEnv("WORKER_LEASE_MS", 30_000),
  });
  stopScheduler.abort();
  clearInterval(importSweep);
  await scheduler;
  db.$client.close();
  // A handler that ignored the stop signal may still hold timers or sockets; its job has
  // been released, so nothing of value is lost by ending here.
  process.exit(0);
}

const entryScript = process.argv[1];
if (entryScript && import.meta.url === pathToFileURL(entryScript).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
