import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { cancel, claimNext, enqueue, getJob, waitForJob } from "#jobs/queue";
import { HandlerRegistry, type JobContext } from "#jobs/registry";
import { runWorker, type WorkerOptions } from "#jobs/worker";
import { type TempDb, tempDb, waitForJobState, waitUntil } from "./support/helpers";

let temp: TempDb;
beforeEach(() => {
  temp = tempDb();
});
afterEach(() => temp.cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(handlers: HandlerRegistry, options: Partial<WorkerOptions> = {}) {
  const stop = new AbortController();
  const lines: string[] = [];
  const done = runWorker({
    db: temp.db,
    workerId: "w1",
    handlers,
    signal: stop.signal,
    pollMs: 5,
    log: (line) => lines.push(line),
    ...options,
  });
  return { stop: () => stop.abort(), done, lines };
}

describe("runWorker", () => {
  it("renews the lease while a handler runs longer than the lease", async () => {
    const { db } = temp;
    const leaseMs = 200;
    let finish = () => {};
    const handlers = new HandlerRegistry();
    handlers.register("slow", z.object({}), async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { finished: true };
    });
    const worker = startWorker(handlers, { leaseMs, heartbeatMs: 50 });
    const id = enqueue(db, { kind: "slow", payload: {} });
    const claimed = await waitForJobState(db, id, (job) => job.status === "running");
    const firstExpiry = claimed.leaseExpiresAt?.getTime() ?? 0;
    // Wait (however long the machine takes) for a renewal made after the first lease had
    // run out: the handler has then run longer than a lease, and still holds the job.
    const renewed = await waitForJobState(
      db,
      id,
      (job) => (job.leaseExpiresAt?.getTime() ?? 0) > firstExpiry + leaseMs,
    );
    // Asked just after that renewal, past the first expiry, nobody else may take the job.
    const renewedAt = (renewed.leaseExpiresAt?.getTime() ?? 0) - leaseMs;
    expect(renewedAt).toBeGreaterThan(firstExpiry);
    expect(claimNext(db, "intruder", leaseMs, renewedAt)).toBeUndefined();
    finish();
    const job = await waitForJob(db, id, 20_000);
    worker.stop();
    await worker.done;
    expect(job).toMatchObject({ status: "succeeded", attempts: 1, result: { finished: true } });
    expect(worker.lines).toEqual([
      expect.stringMatching(/^\[worker w1\] job \d+ slow started \(attempt 1\/3\)$/),
      expect.stringMatching(/^\[worker w1\] job \d+ slow succeeded in \d+\.\d s$/),
    ]);
  });

  it("holdLease keeps the job through a step that blocks longer than the lease", async () => {
    const { db } = temp;
    const leaseMs = 200;
    let heldUntil = 0;
    const handlers = new HandlerRegistry();
    handlers.register("blocking", z.object({}), async (_payload, ctx: JobContext) => {
      const before = Date.now();
      ctx.holdLease(60_000);
      heldUntil = getJob(db, ctx.jobId)?.leaseExpiresAt?.getTime() ?? 0;
      expect(heldUntil).toBeGreaterThanOrEqual(before + 60_000);
      // Blocks the event loop past the short lease: no heartbeat can run meanwhile.
      const until = Date.now() + 3 * leaseMs;
      while (Date.now() < until) {}
      expect(claimNext(db, "intruder", leaseMs, Date.now())).toBeUndefined();
      return { done: true };
    });
    const worker = startWorker(handlers, { leaseMs, heartbeatMs: 50 });
    const id = enqueue(db, { kind: "blocking", payload: {} });
    const job = await waitForJob(db, id, 20_000);
    worker.stop();
    await worker.done;
    expect(job).toMatchObject({ status: "succeeded", attempts: 1, result: { done: true } });
    expect(heldUntil).toBeGreaterThan(0);
  });

  it("stores the last progress with percent and rate derived", async () => {
    const { db } = temp;
    const handlers = new HandlerRegistry();
    handlers.register("count", z.object({ total: z.number() }), async ({ total }, ctx) => {
      // A rate needs time to pass since the job started; a fast machine can report all
      // rows within the same millisecond.
      await sleep(5);
      for (let rows = 1; rows <= total; rows++) ctx.progress({ rows, total, message: "loading" });
      return { rows: total };
    });
    const worker = startWorker(handlers, { progressIntervalMs: 60_000 });
    const id = enqueue(db, { kind: "count", payload: { total: 400 } });
    const job = await waitForJob(db, id, 20_000);
    worker.stop();
    await worker.done;
    // 400 of 400 rows; the many reports in between were throttled but the last one is kept.
    expect(job.progress).toMatchObject({ rows: 400, total: 400, percent: 100, message: "loading" });
    expect(job.progress?.rate).toBeGreaterThan(0);
  });

  it("aborts the handler's signal when the job is cancelled while running", async () => {
    const { db } = temp;
    let seen: JobContext | undefined;
    const handlers = new HandlerRegistry();
    handlers.register("wait", z.object({}), async (_payload, ctx) => {
      seen = ctx;
      await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
      return { stopped: true };
    });
    const worker = startWorker(handlers, { leaseMs: 300, heartbeatMs: 20 });
    const id = enqueue(db, { kind: "wait", payload: {} });
    await waitForJobState(db, id, (job) => job.status === "running");
    cancel(db, id, { reason: "user cancelled" });
    await waitUntil(() => worker.lines.length === 2, "the worker to record the outcome");
    expect(seen?.signal.aborted).toBe(true);
    worker.stop();
    await worker.done;
    // The handler returned, but its result is discarded: the job stays cancelled.
    expect(getJob(db, id)).toMatchObject({ status: "dead", error: "user cancelled", result: null });
    expect(worker.lines.at(-1)).toMatch(/lease lost/);
  });

  it("on stop, finishes a job that ends within the grace period", async () => {
    const { db } = temp;
    let finish = () => {};
    const handlers = new HandlerRegistry();
    handlers.register("short", z.object({}), async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { finished: true };
    });
    const worker = startWorker(handlers, { shutdownGraceMs: 20_000 });
    const id = enqueue(db, { kind: "short", payload: {} });
    await waitForJobState(db, id, (job) => job.status === "running");
    worker.stop();
    // The handler ends after the stop, inside the grace period.
    finish();
    await worker.done;
    expect(getJob(db, id)).toMatchObject({ status: "succeeded", result: { finished: true } });
  });

  it("on stop, releases a job that outlasts the grace period, attempt not counted", async () => {
    const { db } = temp;
    const handlers = new HandlerRegistry();
    handlers.register("stubborn", z.object({}), () => new Promise(() => {}));
    const worker = startWorker(handlers, { shutdownGraceMs: 50 });
    const id = enqueue(db, { kind: "stubborn", payload: {} });
    await waitForJobState(db, id, (job) => job.status === "running");
    worker.stop();
    await worker.done;
    expect(getJob(db, id)).toMatchObject({ status: "queued", attempts: 0, leaseOwner: null });
    expect(worker.lines.at(-1)).toMatch(/released/);
  });
});
