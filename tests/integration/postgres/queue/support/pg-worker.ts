/**
 * A worker or scheduler process for the PostgreSQL queue tests, configured by environment
 * variables: DATABASE_URL, WORKER_ID, ROLE (worker | scheduler), LEASE_MS, HEARTBEAT_MS,
 * POLL_MS, BACKOFF_BASE_MS, MAINTENANCE_SECONDS; a scheduler also reads SCHEDULE (JSON
 * QueueSchedule) and TICKS (JSON array of ISO times).
 * Prints "ready" once its queue is started. A scheduler then waits for a row in the `go`
 * table, so that all schedulers tick at once, ticks every time in TICKS concurrently and exits.
 * Every handler run first inserts a row into `handler_runs`, so a second run of a job shows
 * even if it never completes.
 */
import pg from "pg";
import { z } from "zod";
import { PermanentJobError } from "#jobs/errors";
import { openPgBossQueue } from "#jobs/postgres/pg-boss-queue";
import { type QueueSchedule, queueScheduleTick } from "#jobs/queue-schedule";
import { HandlerRegistry, type JobContext } from "#jobs/registry";
import { runWorkerUntilSignalled } from "#jobs/worker";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`pg-worker needs ${name}`);
  return value;
};
const url = env("DATABASE_URL");
const workerId = env("WORKER_ID");
const backoffBaseMs = Number(env("BACKOFF_BASE_MS"));
const backoff = { baseMs: backoffBaseMs, maxMs: 60_000, random: Math.random };
const sql = new pg.Pool({ connectionString: url, max: 2 });
const queue = await openPgBossQueue({
  connectionString: url,
  backoff,
  maintenanceIntervalSeconds: Number(env("MAINTENANCE_SECONDS")),
  poolSize: 3,
  log: () => {},
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recordRun(ctx: JobContext<string>, kind: string, dueAt?: string) {
  await sql.query(
    "INSERT INTO handler_runs (job_id, kind, worker_id, attempt, due_at) VALUES ($1, $2, $3, $4, $5)",
    [ctx.jobId, kind, workerId, ctx.attempt, dueAt ?? null],
  );
}

async function distinctWorkers(): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    "SELECT count(DISTINCT worker_id) AS n FROM handler_runs",
  );
  return Number(rows[0]?.n ?? 0);
}

const handlers = new HandlerRegistry<string>();
// With `awaitWorkers`, the job holds its worker until that many workers have started a job:
// a worker runs one job at a time, so the next jobs must go to the others.
handlers.register(
  "record",
  z.object({ awaitWorkers: z.number().int().min(1).optional() }),
  async (payload, ctx) => {
    await recordRun(ctx, "record");
    while ((await distinctWorkers()) < (payload.awaitWorkers ?? 0)) {
      ctx.signal.throwIfAborted();
      await sleep(10);
    }
    return { workerId };
  },
);
// The first attempt hangs until its worker is killed; a later attempt completes.
handlers.register("crash-once", z.object({}), async (_payload, ctx) => {
  await recordRun(ctx, "crash-once");
  if (ctx.attempt === 1) {
    await new Promise((_resolve, reject) => {
      ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason), { once: true });
    });
  }
  await sql.query("INSERT INTO handler_done (job_id, worker_id) VALUES ($1, $2)", [
    ctx.jobId,
    workerId,
  ]);
  return { workerId };
});
handlers.register("always-fail", z.object({}), async (_payload, ctx) => {
  await recordRun(ctx, "always-fail");
  throw new Error("boom");
});
handlers.register("permanent", z.object({}), async (_payload, ctx) => {
  await recordRun(ctx, "permanent");
  throw new PermanentJobError("cannot be done");
});
handlers.register("scheduled", z.object({ dueAt: z.string() }), async (payload, ctx) => {
  await recordRun(ctx, "scheduled", payload.dueAt);
  return { dueAt: payload.dueAt };
});

console.log("ready");
if (env("ROLE") === "scheduler") {
  const schedule = JSON.parse(env("SCHEDULE")) as QueueSchedule;
  if (schedule.since) schedule.since = new Date(schedule.since);
  const ticks = (JSON.parse(env("TICKS")) as string[]).map((at) => new Date(at));
  for (;;) {
    const { rowCount } = await sql.query("SELECT 1 FROM go");
    if (rowCount) break;
    await sleep(5);
  }
  await Promise.all(ticks.map((now) => queueScheduleTick(queue, [schedule], now)));
  console.log("ticked");
} else {
  await runWorkerUntilSignalled({
    queue,
    workerId,
    handlers,
    leaseMs: Number(env("LEASE_MS")),
    heartbeatMs: Number(env("HEARTBEAT_MS")),
    pollMs: Number(env("POLL_MS")),
    backoff,
    log: () => {},
  });
}
await queue.stop();
await sql.end();
process.exit(0);
