/**
 * Worker processes against one SQLite file: the guarantees that matter only when
 * separate processes (separate connections) compete for the same jobs.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { enqueue, getJob, type Job, waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import {
  readRunLog,
  spawnWorker,
  type TempDb,
  tempDb,
  type WorkerProcess,
  waitForJobState,
  waitUntil,
} from "./support/helpers";

let temp: TempDb;
let runLog: string;
const started: WorkerProcess[] = [];
beforeEach(() => {
  temp = tempDb();
  runLog = path.join(temp.dir, "runs.log");
});
afterEach(async () => {
  for (const worker of started.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill("SIGKILL");
      await worker.exited;
    }
  }
  temp.cleanup();
});

function startWorkerProcess(workerId: string, leaseMs: number): WorkerProcess {
  const worker = spawnWorker({
    dbFile: temp.file,
    workerId,
    runLog,
    leaseMs,
    heartbeatMs: Math.floor(leaseMs / 4),
    pollMs: 5,
  });
  started.push(worker);
  return worker;
}

// Child processes start slowly on a loaded machine (tsx compiles on start-up); the deadlines
// below only bound a failure, so they are generous.
const startUpMs = 60_000;
describe("worker processes", { timeout: 120_000 }, () => {
  it("two workers run each of 50 jobs exactly once", async () => {
    const { db } = temp;
    const workers = [startWorkerProcess("alpha", 10_000), startWorkerProcess("beta", 10_000)];
    await Promise.all(workers.map((worker) => worker.ready));
    // The first two jobs each wait until both workers have started a job, so both workers
    // take part even if the scheduler starves one of them for a while.
    const ids = Array.from({ length: 50 }, (_, i) =>
      enqueue(db, {
        kind: "record",
        payload: i < 2 ? { delayMs: 5, awaitWorkers: 2 } : { delayMs: 5 },
      }),
    );
    // One job at a time: fifty pollers at once would load the machine the workers run on.
    const finished: Job[] = [];
    for (const id of ids) finished.push(await waitForJob(db, id, 60_000));
    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);

    const runs = readRunLog(runLog);
    expect(runs.map((run) => run.jobId).sort((a, b) => a - b)).toEqual(ids);
    expect(finished.every((job) => job.status === "succeeded" && job.attempts === 1)).toBe(true);
    // Each job's recorded result names the worker that ran it, and both took part.
    for (const job of finished) {
      expect(job.result).toEqual({ workerId: runs.find((run) => run.jobId === job.id)?.workerId });
    }
    const ranBy = new Set(runs.map((run) => run.workerId));
    expect(ranBy).toEqual(new Set(["alpha", "beta"]));
  });

  it("a SIGKILLed worker's job is taken over once its lease expires", async () => {
    const { db } = temp;
    const leaseMs = 1_000;
    const dying = startWorkerProcess("dying", leaseMs);
    const id = enqueue(db, { kind: "hang", payload: {} });
    // Killed once its handler has started (the run is logged), not merely once the job is
    // leased: between the claim and the handler's first line the kill could land first.
    await waitUntil(
      () => readRunLog(runLog).length > 0,
      "the dying worker to start the job",
      startUpMs,
    );
    const leased = await waitForJobState(db, id, (job) => job.leaseOwner === "dying");
    dying.child.kill("SIGKILL");
    expect(await dying.exited).toBe("SIGKILL");
    const lastLease = getJob(db, id)?.leaseExpiresAt?.getTime() ?? 0;
    expect(lastLease).toBeGreaterThanOrEqual(leased.leaseExpiresAt?.getTime() ?? 0);

    const handlers = new HandlerRegistry();
    handlers.register("hang", z.object({}), async () => ({ recoveredBy: "rescuer" }));
    const stop = new AbortController();
    const rescuer = runWorker({
      db,
      workerId: "rescuer",
      handlers,
      signal: stop.signal,
      pollMs: 20,
      leaseMs,
      log: () => {},
    });
    const job = await waitForJob(db, id, 30_000);
    stop.abort();
    await rescuer;
    expect(job).toMatchObject({
      status: "succeeded",
      attempts: 2,
      result: { recoveredBy: "rescuer" },
    });
    // Not taken while the dead worker's lease was still valid.
    expect(job.startedAt?.getTime()).toBeGreaterThan(lastLease);
    expect(readRunLog(runLog)).toEqual([{ jobId: id, workerId: "dying" }]);
  });

  it("SIGTERM releases the running job without counting the attempt", async () => {
    const { db } = temp;
    const worker = startWorkerProcess("leaving", 10_000);
    const id = enqueue(db, { kind: "hang", payload: {} });
    await waitForJobState(db, id, (job) => job.leaseOwner === "leaving", startUpMs);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(getJob(db, id)).toMatchObject({
      status: "queued",
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
    });
  });
});
