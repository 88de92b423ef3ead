/**
 * The worker: claims one job at a time, runs its handler while a heartbeat renews the
 * lease, and records the outcome. `npm run worker` runs this file; tests call `runWorker`
 * in-process or start it as a child process. The queue is jobs/job-queue.ts's interface:
 * SQLite's `jobs` table by default, pg-boss when DATABASE_URL is postgres:// (ADR 032; only
 * the handlers in jobs/postgres/handlers.ts run there, none of the app's yet).
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
import { type ClaimedJob, type JobId, type JobQueue, sqliteJobQueue } from "./job-queue";
import { throttledProgress } from "./progress";
import type { JobResult } from "./queue";
import { type HandlerRegistry, handlerRegistry, type JobContext } from "./registry";
import { runScheduler } from "./schedule";

export interface WorkerOptions<Id extends JobId = number> {
  /** The queue to run on; without it, the SQLite queue in `db`. */
  queue?: JobQueue<Id>;
  /** The SQLite database whose queue is run when `queue` is not given. */
  db?: Db;
  workerId: string;
  handlers: HandlerRegistry<Id>;
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

type Settings<Id extends JobId> = Required<Omit<WorkerOptions<Id>, "db" | "queue">> & {
  queue: JobQueue<Id>;
};

function queueOf<Id extends JobId>(options: WorkerOptions<Id>): JobQueue<Id> {
  if (options.queue) return options.queue;
  if (!options.db) throw new Error("runWorker needs a queue or a SQLite db");
  // Without a queue the ids are SQLite's numbers, which is what `Id` defaults to.
  return sqliteJobQueue(options.db) as unknown as JobQueue<Id>;
}

export async function runWorker<Id extends JobId = number>(
  options: WorkerOptions<Id>,
): Promise<void> {
  const leaseMs = options.leaseMs ?? 30_000;
  const { db: _db, queue: _queue, ...rest } = options;
  const settings: Settings<Id> = {
    pollMs: 1_000,
    heartbeatMs: Math.max(1, Math.floor(leaseMs / 3)),
    progressIntervalMs: 1_000,
    shutdownGraceMs: 10_000,
    backoff: defaultBackoff,
    log: (line) => console.log(line),
    ...rest,
    leaseMs,
    queue: queueOf(options),
  };
  const { queue, workerId, handlers, signal, log } = settings;
  while (!signal.aborted) {
    let job: ClaimedJob<Id> | undefined;
    try {
      job = await queue.claim(workerId, leaseMs, handlers.kinds());
    } catch (error) {
      // Typically SQLITE_BUSY after busy_timeout, or a PostgreSQL connection that dropped:
      // try again on the next poll.
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

async function runJob<Id extends JobId>(job: ClaimedJob<Id>, settings: Settings<Id>) {
  const { queue, workerId, leaseMs, log } = settings;
  const handler = settings.handlers.get(job.kind);
  if (!handler) throw new Error(`Claimed job ${job.id} of unknown kind ${job.kind}`);
  const label = `[worker ${workerId}] job ${job.id} ${job.kind}`;
  const startedAt = Date.now();
  log(`${label} started (attempt ${job.attempts}/${job.maxAttempts})`);

  const jobAbort = new AbortController();
  const stopJob = () => jobAbort.abort(new Error("worker is stopping"));
  settings.signal.addEventListener("abort", stopJob, { once: true });
  let leaseLost = false;
  /**
   * Renews the lease for `ms`; a lease found lost aborts the job. On SQLite the write
   * happens during this call (see sqliteJobQueue); on PostgreSQL it is sent now and
   * lands once the event loop runs again.
   */
  const renew = (ms: number) => {
    queue.renew(job, workerId, ms).then(
      (held) => {
        if (held || leaseLost) return;
        leaseLost = true;
        clearInterval(heartbeat);
        jobAbort.abort(new Error("lease lost (job cancelled or taken over)"));
      },
      // The lease is still valid until it expires; the next tick tries again.
      (error: unknown) => log(`${label} lease renewal failed: ${errorMessage(error)}`),
    );
  };
  const heartbeat = setInterval(() => renew(leaseMs), settings.heartbeatMs);
  // Progress writes go one after another, and the last one lands before the outcome.
  let progressWrites: Promise<unknown> = Promise.resolve();
  const progress = throttledProgress(
    (figures) => {
      // Progress is best effort: it may be written from a timer, where a busy database
      // (another connection holding the write lock past busy_timeout) must not end the worker.
      const write = () =>
        queue.progress(job, workerId, { ...figures }).catch((error: unknown) => {
          log(`${label} progress not saved: ${errorMessage(error)}`);
        });
      progressWrites = progressWrites.then(write);
    },
    settings.progressIntervalMs,
    startedAt,
  );
  const ctx: JobContext<Id> = {
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
    await progressWrites;
    if (leaseLost) {
      log(`${label} lease lost after ${seconds}; outcome discarded`);
    } else if (
      outcome.kind === "abandoned" ||
      (outcome.kind === "threw" && jobAbort.signal.aborted)
    ) {
      // Stopping: hand the job back so the next worker starts it without losing an attempt.
      log(`${label} released after ${seconds} (worker stopping)`);
      await queue.release(job, workerId);
    } else if (outcome.kind === "returned") {
      const written = await queue.complete(job, workerId, outcome.result);
      log(`${label} ${written ? "succeeded" : "finished but lease was lost"} in ${seconds}`);
    } else {
      const status = await queue.fail(job, workerId, outcome.error, settings.backoff);
      const next = status === "failed" ? "will retry" : (status ?? "lease was lost");
      log(`${label} failed in ${seconds} (${next}): ${errorMessage(outcome.error)}`);
    }
  } catch (error) {
    // Recording the outcome failed (the database went away): the lease runs out and
    // another worker takes the job again.
    log(`${label} outcome not recorded: ${errorMessage(error)}`);
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
export async function runWorkerUntilSignalled<Id extends JobId = number>(
  options: Omit<WorkerOptions<Id>, "signal">,
) {
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

/** postgres:// or postgresql:// selects pg-boss; a file path or sqlite: keeps SQLite. */
export function isPostgresUrl(url = process.env.DATABASE_URL): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The worker on PostgreSQL: the pg-boss queue, the handlers registered for that backend
 * (jobs/postgres/handlers.ts) and its schedules. The app's handlers still need the SQLite
 * data path (docs/decisions/031), so none are registered there yet.
 */
async function mainOnPostgres(connectionString: string) {
  const workerId = process.env.WORKER_ID || `${os.hostname()}:${process.pid}`;
  const { openPgBossQueue } = await import("./postgres/pg-boss-queue");
  const { postgresHandlers, postgresSchedules } = await import("./postgres/handlers");
  const { runQueueScheduler } = await import("./queue-schedule");
  const { HandlerRegistry } = await import("./registry");
  const handlers = new HandlerRegistry<string>(postgresHandlers);
  const queue = await openPgBossQueue({ connectionString });
  console.log(
    `[worker ${workerId}] on PostgreSQL (pg-boss), handling: ${handlers.kinds().join(", ") || "(none yet: see jobs/postgres/handlers.ts)"}`,
  );
  const stopScheduler = new AbortController();
  const scheduler = runQueueScheduler({
    queue,
    schedules: postgresSchedules,
    signal: stopScheduler.signal,
    intervalMs: positiveIntFromEnv("SCHEDULER_TICK_MS", 5_000),
  });
  await runWorkerUntilSignalled({
    queue,
    workerId,
    handlers,
    pollMs: positiveIntFromEnv("WORKER_POLL_MS", 1_000),
    leaseMs: positiveIntFromEnv("WORKER_LEASE_MS", 30_000),
  });
  stopScheduler.abort();
  await scheduler;
  await queue.stop();
  process.exit(0);
}

async function main() {
  if (isPostgresUrl()) return mainOnPostgres(process.env.DATABASE_URL as string);
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
