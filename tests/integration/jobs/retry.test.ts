import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type BackoffOptions, backoffDelayMs } from "#jobs/backoff";
import { PermanentJobError } from "#jobs/errors";
import { claimNext, enqueue, fail, getJob, waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { type TempDb, tempDb } from "./support/helpers";

const t0 = Date.UTC(2025, 0, 1, 12, 0, 0);
let temp: TempDb;
beforeEach(() => {
  temp = tempDb();
});
afterEach(() => temp.cleanup());

describe("backoffDelayMs", () => {
  // Equal jitter: half of base * 2^(attempt-1) (capped) is fixed, the other half random.
  it("doubles per attempt, spreads by jitter and stops at the cap", () => {
    const at = (random: number): BackoffOptions => ({
      baseMs: 1_000,
      maxMs: 8_000,
      random: () => random,
    });
    expect(backoffDelayMs(1, at(0))).toBe(500);
    expect(backoffDelayMs(1, at(0.5))).toBe(750);
    expect(backoffDelayMs(2, at(0.5))).toBe(1_500);
    expect(backoffDelayMs(3, at(0.999))).toBe(3_998); // 2000 + 0.999 * 2000
    expect(backoffDelayMs(4, at(0))).toBe(4_000);
    expect(backoffDelayMs(10, at(0))).toBe(4_000); // 512 000 capped at 8 000
  });
});

describe("fail", () => {
  const backoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 };

  it("retries after a growing delay, then stays dead with the last error", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "flaky", payload: {}, runAt: t0, maxAttempts: 3 });

    claimNext(db, "w", 30_000, t0);
    expect(fail(db, id, "w", new Error("timeout 1"), t0 + 100, backoff)).toBe("failed");
    // attempt 1 failed: 1000 ms base, half fixed + 0.5 of the other half = 750 ms
    expect(getJob(db, id)).toMatchObject({
      status: "failed",
      error: "timeout 1",
      leaseOwner: null,
    });
    expect(getJob(db, id)?.runAt.getTime()).toBe(t0 + 100 + 750);
    expect(claimNext(db, "w", 30_000, t0 + 849)).toBeUndefined();
    expect(claimNext(db, "w", 30_000, t0 + 850)?.attempts).toBe(2);

    expect(fail(db, id, "w", new Error("timeout 2"), t0 + 1_000, backoff)).toBe("failed");
    // attempt 2 failed: 2000 ms, 1000 + 0.5 * 1000 = 1500 ms
    expect(getJob(db, id)?.runAt.getTime()).toBe(t0 + 2_500);
    expect(claimNext(db, "w", 30_000, t0 + 2_500)?.attempts).toBe(3);

    expect(fail(db, id, "w", new Error("timeout 3"), t0 + 3_000, backoff)).toBe("dead");
    const job = getJob(db, id);
    expect(job).toMatchObject({ status: "dead", attempts: 3, error: "timeout 3" });
    expect(job?.finishedAt?.getTime()).toBe(t0 + 3_000);
    expect(claimNext(db, "w", 30_000, t0 + 3_600_000)).toBeUndefined();
  });

  it("a PermanentJobError goes to dead on the first attempt", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0, maxAttempts: 5 });
    claimNext(db, "w", 30_000, t0);
    expect(fail(db, id, "w", new PermanentJobError("layout changed"), t0, backoff)).toBe("dead");
    expect(getJob(db, id)).toMatchObject({ status: "dead", attempts: 1, error: "layout changed" });
  });
});

describe("the worker loop", () => {
  it("retries a throwing handler up to max_attempts, then leaves it dead", async () => {
    const { db } = temp;
    let calls = 0;
    const handlers = new HandlerRegistry();
    handlers.register("always-fails", z.object({}), async (_payload, ctx) => {
      calls += 1;
      throw new Error(`broken on attempt ${ctx.attempt}`);
    });
    const stop = new AbortController();
    const running = runWorker({
      db,
      workerId: "w",
      handlers,
      signal: stop.signal,
      pollMs: 5,
      backoff: { baseMs: 20, maxMs: 100, random: () => 0 },
      log: () => {},
    });
    const id = enqueue(db, { kind: "always-fails", payload: {}, maxAttempts: 3 });
    const job = await waitForJob(db, id, 20_000);
    stop.abort();
    await running;
    expect(calls).toBe(3);
    expect(job).toMatchObject({ status: "dead", attempts: 3, error: "broken on attempt 3" });
  });

  it("rejects a payload that does not fit the handler's schema without retrying", async () => {
    const { db } = temp;
    let calls = 0;
    const handlers = new HandlerRegistry();
    handlers.register("needs-url", z.object({ url: z.url() }), async () => {
      calls += 1;
      return {};
    });
    const stop = new AbortController();
    const running = runWorker({
      db,
      workerId: "w",
      handlers,
      signal: stop.signal,
      pollMs: 5,
      log: () => {},
    });
    const id = enqueue(db, { kind: "needs-url", payload: { url: "not a url" }, maxAttempts: 3 });
    const job = await waitForJob(db, id, 20_000);
    stop.abort();
    await running;
    expect(calls).toBe(0);
    expect(job).toMatchObject({ status: "dead", attempts: 1 });
    expect(job.error).toMatch(/Invalid needs-url payload[\s\S]*url/);
  });
});
