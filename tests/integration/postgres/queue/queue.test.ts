/**
 * The pg-boss queue in one process: progress where pages can read it, writes fenced on the
 * worker's own claim, release, cancel and workspace scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openPgBossQueue, type PgBossJobQueue } from "#jobs/postgres/pg-boss-queue";
import { HandlerRegistry } from "#jobs/registry";
import { isPostgresUrl, runWorker } from "#jobs/worker";
import { type PostgresCluster, startPostgresCluster } from "../../../helpers/postgres-cluster";
import { waitFor } from "./support/helpers";

let cluster: PostgresCluster;
let queue: PgBossJobQueue;

describe("pg-boss queue", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = cluster.createDatabase("queue_single");
    queue = await openPgBossQueue({ connectionString: url, supervise: false, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await queue?.stop();
    cluster?.stop();
  });

  it("stores a running job's progress where get() reads it, and keeps the last report", async () => {
    let finish = () => {};
    const handlers = new HandlerRegistry<string>();
    handlers.register("count", z.object({ total: z.number() }), async ({ total }, ctx) => {
      ctx.progress({ rows: total / 2, total, message: "half" });
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      ctx.progress({ rows: total, total, message: "done" });
      return { rows: total };
    });
    const stop = new AbortController();
    const done = runWorker({
      queue,
      workerId: "w1",
      handlers,
      signal: stop.signal,
      pollMs: 10,
      progressIntervalMs: 10_000,
      log: () => {},
    });
    const id = await queue.enqueue({ kind: "count", payload: { total: 10 }, workspaceId: 3 });
    const running = await waitFor(async () => {
      const job = await queue.get(id);
      return job?.progress ? job : undefined;
    }, "progress");
    expect(running).toMatchObject({ status: "running", progress: { rows: 5, percent: 50 } });
    finish();
    const finished = await waitFor(async () => {
      const job = await queue.get(id);
      return job?.status === "succeeded" ? job : undefined;
    }, "success");
    stop.abort();
    await done;
    // The throttle held the last report back; it was flushed before the job completed.
    expect(finished).toMatchObject({
      attempts: 1,
      result: { rows: 10 },
      progress: { rows: 10, total: 10, percent: 100, message: "done" },
    });
    expect(await queue.get(id, { workspaceId: 4 })).toBeUndefined();
    expect(await queue.get(id, { workspaceId: 3 })).toBeDefined();
  });

  it("a cancelled job's worker can write nothing more", async () => {
    const id = await queue.enqueue({ kind: "fence", payload: {}, workspaceId: 1 });
    const claimed = await queue.claim("w1", 60_000, ["fence"]);
    expect(claimed).toMatchObject({ id, attempts: 1, maxAttempts: 3 });
    if (!claimed) return;
    expect(await queue.cancel(id, { workspaceId: 2 })).toBe(false);
    expect(await queue.cancel(id, { workspaceId: 1, reason: "stopped by user" })).toBe(true);
    expect(await queue.renew(claimed, "w1", 60_000)).toBe(false);
    expect(await queue.progress(claimed, "w1", { rows: 1 })).toBe(false);
    expect(await queue.complete(claimed, "w1", { late: true })).toBe(false);
    expect(
      await queue.fail(claimed, "w1", new Error("late"), { baseMs: 1, maxMs: 1, random: () => 0 }),
    ).toBeUndefined();
    expect(await queue.get(id)).toMatchObject({
      status: "dead",
      error: "stopped by user",
      result: null,
      progress: null,
    });
  });

  it("release hands the job back without counting the attempt", async () => {
    const id = await queue.enqueue({ kind: "released", payload: {} });
    const first = await queue.claim("w1", 60_000, ["released"]);
    expect(first).toMatchObject({ id, attempts: 1 });
    if (!first) return;
    expect(await queue.release(first, "w1")).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: "queued", attempts: 0 });
    const again = await queue.claim("w2", 60_000, ["released"]);
    expect(again).toMatchObject({ id, attempts: 1 });
    // Same attempt number, but the first claim's writes no longer match: the job is the
    // second claim's now.
    if (!again) return;
    expect(await queue.complete(first, "w1", { by: "w1" })).toBe(false);
    expect(await queue.complete(again, "w2", { by: "w2" })).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: "succeeded", result: { by: "w2" } });
  });

  it("picks pg-boss for postgres:// URLs only", () => {
    expect(isPostgresUrl("postgres://u@127.0.0.1/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u@127.0.0.1/db")).toBe(true);
    expect(isPostgresUrl("sqlite:data/x.db")).toBe(false);
    expect(isPostgresUrl("./data/channelscope.db")).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });
});
