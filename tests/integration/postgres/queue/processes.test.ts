/**
 * The pg-boss queue (jobs/postgres/pg-boss-queue.ts) with worker and scheduler processes on
 * one throwaway PostgreSQL database: the SQLite queue's guarantees, across processes.
 * Every wait polls for a state with a deadline; nothing sleeps a guessed time.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobView } from "#jobs/job-queue";
import { openPgBossQueue, type PgBossJobQueue } from "#jobs/postgres/pg-boss-queue";
import { type PostgresCluster, startPostgresCluster } from "../../../helpers/postgres-cluster";
import { type PgWorkerProcess, spawnPgWorker, waitFor } from "./support/helpers";

const BACKOFF_BASE_MS = 400;
let cluster: PostgresCluster;
let url: string;
let sql: pg.Pool;
let queue: PgBossJobQueue;
const workers: PgWorkerProcess[] = [];
const others: PgWorkerProcess[] = [];

function processEnv(role: "worker" | "scheduler", extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: url,
    ROLE: role,
    LEASE_MS: "1500",
    HEARTBEAT_MS: "300",
    POLL_MS: "20",
    BACKOFF_BASE_MS: String(BACKOFF_BASE_MS),
    MAINTENANCE_SECONDS: "1",
    ...extra,
  };
}

interface Run {
  job_id: string;
  kind: string;
  worker_id: string;
  attempt: number;
  due_at: string | null;
  ran_at: Date;
}

async function runsOf(kind: string): Promise<Run[]> {
  const { rows } = await sql.query<Run>(
    "SELECT * FROM handler_runs WHERE kind = $1 ORDER BY ran_at, attempt",
    [kind],
  );
  return rows;
}

function waitForStatus(id: string, statuses: JobView["status"][]): Promise<JobView<string>> {
  return waitFor(
    async () => {
      const job = await queue.get(id);
      return job && statuses.includes(job.status) ? job : undefined;
    },
    `job ${id} to be ${statuses.join(" or ")}`,
  );
}

// Child processes start slowly on a loaded machine (tsx compiles on start-up), so the
// deadlines only bound a failure.
describe("pg-boss queue across processes", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    url = cluster.createDatabase("queue_processes");
    sql = new pg.Pool({ connectionString: url, max: 3 });
    await sql.query(`CREATE TABLE handler_runs (
      job_id uuid NOT NULL, kind text NOT NULL, worker_id text NOT NULL, attempt int NOT NULL,
      due_at text, ran_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await sql.query("CREATE TABLE handler_done (job_id uuid NOT NULL, worker_id text NOT NULL)");
    await sql.query("CREATE TABLE go (at timestamptz)");
    // The test's own queue only enqueues and reads: no maintenance in this process.
    queue = await openPgBossQueue({ connectionString: url, supervise: false, log: () => {} });
    for (const id of ["alpha", "beta", "gamma"]) {
      workers.push(spawnPgWorker(id, processEnv("worker")));
    }
    await Promise.all(workers.map((worker) => worker.ready));
  }, 120_000);

  afterAll(async () => {
    for (const child of [...workers, ...others]) {
      if (child.child.exitCode === null && child.child.signalCode === null) {
        child.child.kill("SIGKILL");
        await child.exited;
      }
    }
    await queue?.stop();
    await sql?.end();
    cluster?.stop();
  });

  it("three workers run each of 60 jobs exactly once", async () => {
    // The first three jobs each hold their worker until three workers have started a job,
    // so all three take part however the operating system schedules them.
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(await queue.enqueue({ kind: "record", payload: i < 3 ? { awaitWorkers: 3 } : {} }));
    }
    const finished: JobView<string>[] = [];
    for (const id of ids) finished.push(await waitForStatus(id, ["succeeded", "dead"]));

    const runs = await runsOf("record");
    expect(runs.map((run) => run.job_id).sort()).toEqual([...ids].sort());
    expect(new Set(runs.map((run) => run.worker_id))).toEqual(new Set(["alpha", "beta", "gamma"]));
    expect(finished.every((job) => job.status === "succeeded" && job.attempts === 1)).toBe(true);
    for (const job of finished) {
      expect(job.result).toEqual({
        workerId: runs.find((run) => run.job_id === job.id)?.worker_id,
      });
    }
  });

  it("one dedupe key enqueued from several processes at once is one job, even after it ran", async () => {
    const second = await openPgBossQueue({
      connectionString: url,
      supervise: false,
      log: () => {},
    });
    try {
      const key = "dedupe:probe";
      const ids = await Promise.all(
        [queue, second, queue, second].map((q) =>
          q.enqueue({ kind: "record", payload: {}, dedupeKey: key }),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      const id = ids[0] as string;
      await waitForStatus(id, ["succeeded"]);
      expect(await second.enqueue({ kind: "record", payload: {}, dedupeKey: key })).toBe(id);
      const { rows } = await sql.query<{ n: string }>(
        "SELECT count(*) AS n FROM pgboss.job WHERE singleton_key = $1",
        [key],
      );
      expect(Number(rows[0]?.n)).toBe(1);
      expect((await runsOf("record")).filter((run) => run.job_id === id)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("retries a failing job with backoff, then dead-letters it after its last attempt", async () => {
    const payload = { probe: "always-fail" };
    const id = await queue.enqueue({
      kind: "always-fail",
      payload,
      maxAttempts: 3,
      workspaceId: 7,
    });
    const job = await waitForStatus(id, ["dead"]);
    expect(job).toMatchObject({ attempts: 3, maxAttempts: 3, error: "boom", workspaceId: 7 });

    const runs = (await runsOf("always-fail")).filter((run) => run.job_id === id);
    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    // jobs/backoff.ts: after attempt n the wait is at least half of base·2^(n-1).
    const gap = (a: Run, b: Run) => b.ran_at.getTime() - a.ran_at.getTime();
    const [first, second, third] = runs as [Run, Run, Run];
    expect(gap(first, second)).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
    expect(gap(second, third)).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);

    const letters = await waitFor(async () => {
      const all = await queue.deadLetters();
      const mine = all.filter((letter) => letter.data.kind === "always-fail");
      return mine.length > 0 ? mine : undefined;
    }, "the dead letter");
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ data: { workspaceId: 7, payload }, error: "boom" });
  });

  it("a permanent error is dead at once, without retries", async () => {
    const id = await queue.enqueue({ kind: "permanent", payload: {}, maxAttempts: 3 });
    const job = await waitForStatus(id, ["dead"]);
    expect(job).toMatchObject({ attempts: 1, error: "cannot be done" });
    expect((await runsOf("permanent")).map((run) => run.attempt)).toEqual([1]);
    const letters = await waitFor(async () => {
      const mine = (await queue.deadLetters()).filter((l) => l.data.kind === "permanent");
      return mine.length > 0 ? mine : undefined;
    }, "the dead letter");
    expect(letters).toHaveLength(1);
  });

  it("a schedule ticked by three schedulers at once fires once per due time", async () => {
    const t0 = Date.parse("2026-01-05T00:00:00.000Z");
    const minutes = [0, 1, 4, 5, 7, 10, 14];
    const ticks = minutes.map((m) => new Date(t0 + m * 60_000).toISOString());
    const schedule = {
      key: "every-5",
      cron: "*/5 * * * *",
      kind: "scheduled",
      payload: {},
      since: new Date(t0).toISOString(),
    };
    const schedulers = ["s1", "s2", "s3"].map((id) =>
      spawnPgWorker(
        id,
        processEnv("scheduler", {
          SCHEDULE: JSON.stringify(schedule),
          TICKS: JSON.stringify(ticks),
        }),
      ),
    );
    others.push(...schedulers);
    await Promise.all(schedulers.map((s) => s.ready));
    await sql.query("INSERT INTO go VALUES (now())");
    expect(await Promise.all(schedulers.map((s) => s.exited))).toEqual([0, 0, 0]);

    const expectedDue = [0, 5, 10].map((m) => new Date(t0 + m * 60_000).toISOString());
    const { rows } = await sql.query<{ id: string; data: { payload: { dueAt: string } } }>(
      "SELECT id, data FROM pgboss.job WHERE name = 'scheduled'",
    );
    expect(rows.map((row) => row.data.payload.dueAt).sort()).toEqual(expectedDue);
    for (const row of rows) await waitForStatus(row.id, ["succeeded"]);
    const runs = await runsOf("scheduled");
    expect(runs.map((run) => run.due_at).sort()).toEqual(expectedDue);
  });

  it("a SIGKILLed worker's job completes exactly once on another worker after its lease expires", async () => {
    const id = await queue.enqueue({ kind: "crash-once", payload: {}, maxAttempts: 3 });
    const [firstRun] = await waitFor(async () => {
      const runs = (await runsOf("crash-once")).filter((run) => run.job_id === id);
      return runs.length > 0 ? runs : undefined;
    }, "the first attempt to start");
    const victim = workers.find((worker) => worker.id === firstRun?.worker_id);
    if (!victim) throw new Error(`no worker ${firstRun?.worker_id}`);
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");

    const job = await waitForStatus(id, ["succeeded", "dead"]);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });
    const runs = (await runsOf("crash-once")).filter((run) => run.job_id === id);
    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    const { rows: done } = await sql.query<{ worker_id: string }>(
      "SELECT worker_id FROM handler_done WHERE job_id = $1",
      [id],
    );
    expect(done).toHaveLength(1);
    expect(done[0]?.worker_id).not.toBe(victim.id);
    expect(job.result).toEqual({ workerId: done[0]?.worker_id });
  });
});
