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
// Records the run before doing anything else, so a second run of the same job shows up
// even if it never completes. appendFileSync opens with O_APPEND: short lines from
// several processes never interleave.
handlers.register(
  "record",
  z.object({ delayMs: z.number().int().min(0) }),
  async (payload, ctx) => {
    fs.appendFileSync(runLog, `${ctx.jobId} ${workerId}\n`);
    await new Promise((resolve) => setTimeout(resolve, payload.delayMs));
    return { workerId };
  },
);
// Never finishes on its own; gives up only when the worker stops or loses the lease.
handlers.register("hang", z.object({}), async (_payload, ctx) => {
  fs.appendFileSync(runLog, `${ctx.jobId} ${workerId}\n`);
  await new Promise((_resolve, reject) => {
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
