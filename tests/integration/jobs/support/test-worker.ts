/**
 * A worker process for the multi-process tests, configured by environment variables:
 * JOBS_DB_FILE, WORKER_ID, RUN_LOG, LEASE_MS, HEARTBEAT_MS, POLL_MS.
 * Prints "ready" once it is about to poll, so a test knows when to start the clock.
 */
import fs from "node:fs";
import { z } from "zod";
import { openDb } from "#db/client";
import { HandlerRegistry } from "#jobs/registry";
import { runWorkerUntilSignalled } from "#jobs/worker";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`test-worker needs ${name}`);
  return value;
};
const workerId = env("WORKER_ID");
const runLog = env("RUN_LOG");
const db = openDb(env("JOBS_DB_FILE"), { migrate: false });

const handlers = new HandlerRegistry();
/** Worker ids in the run log: who has started a job so far (in any process). */
const workersInRunLog = () =>
  new Set(
    (fs.existsSync(runLog) ? fs.readFileSync(runLog, "utf8") : "")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" ")[1]),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Records the run before doing anything else, so a second run of the same job shows up
// even if it never completes. appendFileSync opens with O_APPEND: short lines from
// several processes never interleave. With `awaitWorkers`, the job then holds its worker
// until that many workers have started a job: a worker runs one job at a time, so the
// next job must go to another worker, however the operating system schedules them.
handlers.register(
  "record",
  z.object({ delayMs: z.number().int().min(0), awaitWorkers: z.number().int().min(1).optional() }),
  async (payload, ctx) => {
    fs.appendFileSync(runLog, `${ctx.jobId} ${workerId}\n`);
    while (workersInRunLog().size < (payload.awaitWorkers ?? 0)) {
      ctx.signal.throwIfAborted();
      await sleep(10);
    }
    await sleep(payload.delayMs);
    return { workerId };
  },
);
// Never finishes on its own; gives up only when the worker stops or loses the lease.
handlers.register("hang", z.object({}), async (_payload, ctx) => {
  fs.appendFileSync(runLog, `${ctx.jobId} ${workerId}\n`);
  await new Promise((_resolve, reject) => {
    if (ctx.signal.aborted) reject(ctx.signal.reason);
    ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason), { once: true });
  });
  return {};
});

console.log("ready");
await runWorkerUntilSignalled({
  db,
  workerId,
  handlers,
  leaseMs: Number(env("LEASE_MS")),
  heartbeatMs: Number(env("HEARTBEAT_MS")),
  pollMs: Number(env("POLL_MS")),
  log: () => {},
});
db.$client.close();
