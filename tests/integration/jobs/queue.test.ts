import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workspaces } from "#db/schema";
import {
  cancel,
  claimNext,
  complete,
  enqueue,
  getJob,
  listJobs,
  renewLease,
  waitForJob,
} from "#jobs/queue";
import { type TempDb, tempDb } from "./support/helpers";

const t0 = Date.UTC(2025, 0, 1, 12, 0, 0);
let temp: TempDb;
beforeEach(() => {
  temp = tempDb();
});
afterEach(() => temp.cleanup());

describe("enqueue, claim, complete", () => {
  it("leases the job to the claiming worker and records the result", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "echo", payload: { word: "hi" }, runAt: t0 });
    expect(getJob(db, id)).toMatchObject({ status: "queued", attempts: 0, maxAttempts: 3 });

    const claimed = claimNext(db, "w1", 30_000, t0);
    expect(claimed).toMatchObject({ id, status: "running", attempts: 1, leaseOwner: "w1" });
    expect(claimed?.payload).toEqual({ word: "hi" });
    expect(claimed?.leaseExpiresAt?.getTime()).toBe(t0 + 30_000);
    expect(claimed?.startedAt?.getTime()).toBe(t0);
    // The only job is leased: nothing left for a second worker.
    expect(claimNext(db, "w2", 30_000, t0)).toBeUndefined();

    expect(complete(db, id, "w1", { echoed: "hi" }, t0 + 500)).toBe(true);
    const done = getJob(db, id);
    expect(done).toMatchObject({ status: "succeeded", result: { echoed: "hi" }, leaseOwner: null });
    expect(done?.finishedAt?.getTime()).toBe(t0 + 500);
    expect(claimNext(db, "w2", 30_000, t0 + 60_000)).toBeUndefined();
  });

  it("does not hand out a job before its run_at, and takes due jobs oldest run_at first", () => {
    const { db } = temp;
    const later = enqueue(db, { kind: "echo", payload: {}, runAt: t0 + 2_000 });
    const sooner = enqueue(db, { kind: "echo", payload: {}, runAt: t0 + 1_000 });
    expect(claimNext(db, "w1", 1_000, t0 + 999)).toBeUndefined();
    expect(claimNext(db, "w1", 60_000, t0 + 5_000)?.id).toBe(sooner);
    expect(claimNext(db, "w1", 60_000, t0 + 5_000)?.id).toBe(later);
  });

  it("claims only the kinds the worker can handle", () => {
    const { db } = temp;
    const scrape = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    const ingest = enqueue(db, { kind: "ingest", payload: {}, runAt: t0 });
    expect(claimNext(db, "w1", 1_000, t0, [])).toBeUndefined();
    expect(claimNext(db, "w1", 1_000, t0, ["ingest"])?.id).toBe(ingest);
    expect(claimNext(db, "w1", 1_000, t0, ["ingest"])).toBeUndefined();
    expect(claimNext(db, "w1", 1_000, t0)?.id).toBe(scrape);
  });

  it("waitForJob resolves once the job finishes and times out otherwise", async () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "echo", payload: {} });
    await expect(waitForJob(db, id, 60, 10)).rejects.toThrow(/still queued/);
    const claimed = claimNext(db, "w1", 1_000);
    setTimeout(() => complete(db, id, "w1", { ok: true }), 30);
    expect(claimed?.id).toBe(id);
    expect(await waitForJob(db, id, 20_000, 10)).toMatchObject({ status: "succeeded" });
  });
});

describe("dedupe", () => {
  it("returns the existing job for a known key, also after it finished", () => {
    const { db } = temp;
    const first = enqueue(db, { kind: "scrape", payload: { n: 1 }, dedupeKey: "src-7@2025-01-01" });
    const again = enqueue(db, { kind: "scrape", payload: { n: 2 }, dedupeKey: "src-7@2025-01-01" });
    expect(again).toBe(first);
    expect(getJob(db, first)?.payload).toEqual({ n: 1 });

    claimNext(db, "w1", 1_000);
    complete(db, first, "w1", {});
    expect(enqueue(db, { kind: "scrape", payload: {}, dedupeKey: "src-7@2025-01-01" })).toBe(first);
    const other = enqueue(db, { kind: "scrape", payload: {}, dedupeKey: "src-7@2025-01-02" });
    expect(other).not.toBe(first);
    // Without a key, every enqueue is a new job.
    expect(enqueue(db, { kind: "scrape", payload: {} })).not.toBe(
      enqueue(db, { kind: "scrape", payload: {} }),
    );
  });
});

describe("listJobs and cancel", () => {
  it("lists one workspace's jobs newest first, filtered by kind", () => {
    const { db } = temp;
    const [a, b] = db
      .insert(workspaces)
      .values([
        { slug: "a", name: "A" },
        { slug: "b", name: "B" },
      ])
      .returning()
      .all();
    if (!a || !b) throw new Error("workspaces not created");
    const a1 = enqueue(db, { kind: "ingest", payload: {}, workspaceId: a.id });
    enqueue(db, { kind: "ingest", payload: {}, workspaceId: b.id });
    const a2 = enqueue(db, { kind: "scrape", payload: {}, workspaceId: a.id });
    const a3 = enqueue(db, { kind: "ingest", payload: {}, workspaceId: a.id });

    expect(listJobs(db, { workspaceId: a.id }).map((job) => job.id)).toEqual([a3, a2, a1]);
    expect(listJobs(db, { workspaceId: a.id, kind: "ingest" }).map((j) => j.id)).toEqual([a3, a1]);
    expect(listJobs(db, { workspaceId: a.id, limit: 1 }).map((job) => job.id)).toEqual([a3]);
    // Cancelling through another workspace does nothing.
    expect(cancel(db, a1, { workspaceId: b.id })).toBe(false);
    expect(cancel(db, a1, { workspaceId: a.id })).toBe(true);
    expect(getJob(db, a1)).toMatchObject({ status: "dead", error: "cancelled" });
  });

  it("cancelling a running job takes its lease away and cannot undo a finished job", () => {
    const { db } = temp;
    const id = enqueue(db, { kind: "scrape", payload: {}, runAt: t0 });
    claimNext(db, "w1", 30_000, t0);
    expect(cancel(db, id, { reason: "stopped by operator", now: t0 + 10 })).toBe(true);
    expect(renewLease(db, id, "w1", 30_000, t0 + 20)).toBe(false);
    expect(complete(db, id, "w1", { late: true })).toBe(false);
    expect(getJob(db, id)).toMatchObject({ status: "dead", error: "stopped by operator" });
    expect(cancel(db, id)).toBe(false);
  });
});
