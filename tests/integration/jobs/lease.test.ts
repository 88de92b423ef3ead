import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  claimNext,
  complete,
  enqueue,
  fail,
  getJob,
  release,
  renewLease,
  reportProgress,
} from "#jobs/queue";
import { type TempDb, tempDb } from "./support/helpers";

const t0 = Date.UTC(2025, 0, 1, 12, 0, 0);
let temp: TempDb;
beforeEach(() => {
  temp = tempDb();
});
afterEach(() => temp.cleanup());

describe("leases", () => {
  it("re-claims a running job only after its lease expired, counting the attempt", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    claimNext(db, "dead-worker", 1_000, t0);
    expect(claimNext(db, "w2", 1_000, t0 + 999)).toBeUndefined();
    // lease_expires_at < now: exactly at the expiry instant the lease still holds.
    expect(claimNext(db, "w2", 1_000, t0 + 1_000)).toBeUndefined();
    const retaken = claimNext(db, "w2", 1_000, t0 + 1_001);
    expect(retaken).toMatchObject({ id, leaseOwner: "w2", attempts: 2, status: "running" });
    expect(retaken?.leaseExpiresAt?.getTime()).toBe(t0 + 2_001);
  });

  it("renewing keeps the lease alive past its first expiry", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    claimNext(db, "w1", 1_000, t0);
    expect(renewLease(db, id, "w1", 1_000, t0 + 800)).toBe(true);
    expect(claimNext(db, "w2", 1_000, t0 + 1_500)).toBeUndefined();
    expect(claimNext(db, "w2", 1_000, t0 + 1_801)?.leaseOwner).toBe("w2");
  });

  it("a worker that lost its lease cannot renew, report, complete or fail the job", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    claimNext(db, "slow", 1_000, t0);
    claimNext(db, "fresh", 30_000, t0 + 2_000);

    expect(renewLease(db, id, "slow", 1_000, t0 + 2_100)).toBe(false);
    expect(reportProgress(db, id, "slow", { rows: 1 })).toBe(false);
    expect(complete(db, id, "slow", { from: "slow" })).toBe(false);
    expect(fail(db, id, "slow", new Error("slow gave up"))).toBeUndefined();
    expect(release(db, id, "slow")).toBe(false);
    expect(getJob(db, id)).toMatchObject({
      status: "running",
      leaseOwner: "fresh",
      progress: null,
      error: null,
      attempts: 2,
    });

    expect(reportProgress(db, id, "fresh", { rows: 5 })).toBe(true);
    expect(complete(db, id, "fresh", { from: "fresh" })).toBe(true);
    // Late completion by the old owner after the new one finished changes nothing either.
    expect(complete(db, id, "slow", { from: "slow" })).toBe(false);
    expect(getJob(db, id)).toMatchObject({
      status: "succeeded",
      result: { from: "fresh" },
      progress: { rows: 5 },
    });
  });

  it("release hands the job back without counting the attempt", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    claimNext(db, "stopping", 30_000, t0);
    expect(release(db, id, "stopping")).toBe(true);
    expect(getJob(db, id)).toMatchObject({
      status: "queued",
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
    });
    expect(claimNext(db, "next", 30_000, t0 + 1)).toMatchObject({ id, attempts: 1 });
  });

  it("a job whose worker died on its last attempt goes to dead instead of running again", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0, maxAttempts: 2 });
    claimNext(db, "crash-1", 1_000, t0);
    expect(claimNext(db, "crash-2", 1_000, t0 + 2_000)?.attempts).toBe(2);
    expect(claimNext(db, "w3", 1_000, t0 + 4_000)).toBeUndefined();
    const job = getJob(db, id);
    expect(job).toMatchObject({ status: "dead", attempts: 2, leaseOwner: null });
    expect(job?.error).toMatch(/lease/);
    expect(job?.finishedAt?.getTime()).toBe(t0 + 4_000);
  });
});
