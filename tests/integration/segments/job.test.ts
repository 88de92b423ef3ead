/** Runs queued through the job worker: the row goes queued → succeeded with its result. */

import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { segmentRunHandler } from "#jobs/handlers/segment-run";
import { waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { enqueueSegmentRun } from "~/segments/enqueue.server";
import { getRun } from "~/segments/runs.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();

async function withWorker<T>(work: () => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const done = runWorker({
    db,
    workerId: "test",
    handlers: new HandlerRegistry([segmentRunHandler]),
    signal: stop.signal,
    pollMs: 5,
    log: () => {},
  });
  try {
    return await work();
  } finally {
    stop.abort();
    await done;
  }
}

describe("segment-run job", () => {
  const ws = addWorkspace(db, "jobs");
  for (let i = 0; i < 12; i++) {
    const id = addCustomer(db, ws, { consentDataProcessing: true, income: 1000 * (i % 3) + i });
    addTransaction(db, ws, {
      customerId: id,
      date: `2025-01-${String(10 + i).padStart(2, "0")}`,
      amount: 10 * (i + 1),
    });
  }

  it("runs RFM and clustering from queued rows", async () => {
    const rfm = enqueueSegmentRun(scopeTo(db, ws), "rfm", { asOf: "2025-02-01" }, null);
    const cluster = enqueueSegmentRun(
      scopeTo(db, ws),
      "cluster",
      { features: ["income", "monetary"], k: 3 },
      null,
    );
    expect(getRun(scopeTo(db, ws), rfm.runId)).toMatchObject({
      status: "queued",
      jobId: rfm.jobId,
    });

    const [rfmJob, clusterJob] = await withWorker(async () => [
      await waitForJob(db, rfm.jobId, 10_000),
      await waitForJob(db, cluster.jobId, 10_000),
    ]);
    expect(rfmJob).toMatchObject({ status: "succeeded", result: { kind: "rfm", customers: 12 } });
    expect(clusterJob).toMatchObject({ status: "succeeded", result: { kind: "cluster", k: 3 } });
    expect(clusterJob?.progress).toMatchObject({ percent: 100, message: "Done" });
    const run = getRun(scopeTo(db, ws), cluster.runId);
    expect(run.status).toBe("succeeded");
    expect(run.result).toMatchObject({ k: 3, chosen_by: "fixed", customers_used: 12 });
  });

  it("fails a run with bad parameters permanently and marks the run failed", async () => {
    const bad = enqueueSegmentRun(
      scopeTo(db, ws),
      "cluster",
      { features: ["no_such_feature"] },
      null,
    );
    const job = await withWorker(() => waitForJob(db, bad.jobId, 10_000));
    expect(job).toMatchObject({ status: "dead", attempts: 1 });
    expect(job.error).toContain("Unknown feature(s): no_such_feature");
    expect(getRun(scopeTo(db, ws), bad.runId)).toMatchObject({ status: "failed" });
  });

  it("refuses parameters that do not fit before queueing anything", () => {
    expect(() => enqueueSegmentRun(scopeTo(db, ws), "cluster", { features: [] }, null)).toThrow(
      "choose at least one feature",
    );
  });
});
