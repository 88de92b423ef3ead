/**
 * The queue the worker runs on, whatever keeps the jobs: the SQLite `jobs` table
 * (jobs/queue.ts, behind `sqliteJobQueue`) or pg-boss on PostgreSQL
 * (jobs/postgres/pg-boss-queue.ts). Both give the same guarantees
 * (docs/decisions/005 and 032):
 * - a claimed job is leased to one worker; the lease is renewed while it works, and a job
 *   whose lease ran out (its worker died) is taken again by another worker;
 * - every write a worker makes about a job (progress, renew, complete, fail, release) is
 *   fenced on its own lease: a worker that lost the lease writes nothing;
 * - a failed attempt is retried after jobs/backoff.ts's delay until `maxAttempts`, then
 *   the job is dead (at once for a PermanentJobError); a job whose worker died on its last
 *   attempt is dead too;
 * - enqueueing twice with one dedupe key gives one job, even after it finished.
 *
 * Ids are the backend's own: numbers on SQLite, uuids on pg-boss.
 */
import type { Db } from "#db/client";
import type { JobStatus } from "#db/schema";
import type { BackoffOptions } from "./backoff";
import {
  cancel,
  claimNext,
  complete,
  type EnqueueOptions,
  enqueue,
  fail,
  getJob,
  type Job,
  type JobResult,
  release,
  renewLease,
  reportProgress,
} from "./queue";

export type JobId = number | string;

/** What a worker needs of a job it holds. */
export interface ClaimedJob<Id extends JobId = number> {
  id: Id;
  kind: string;
  payload: unknown;
  workspaceId: number | null;
  /** 1 on the first attempt; a claim after a crash counts as an attempt. */
  attempts: number;
  maxAttempts: number;
}

/** A job as pages and tests see it, in the SQLite queue's vocabulary. */
export interface JobView<Id extends JobId = number> {
  id: Id;
  kind: string;
  status: JobStatus;
  payload: unknown;
  workspaceId: number | null;
  attempts: number;
  maxAttempts: number;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: string | null;
  /** When a queued job, or the retry of a failed one, may start. */
  runAt: Date | null;
  finishedAt: Date | null;
}

export interface JobQueue<Id extends JobId = number> {
  readonly backend: "sqlite" | "postgres";
  /** Adds a job and returns its id; with a known `dedupeKey`, the existing job's id. */
  enqueue(options: EnqueueOptions): Promise<Id>;
  /** Leases the next due job of one of `kinds` to `workerId` for `leaseMs`. */
  claim(
    workerId: string,
    leaseMs: number,
    kinds: readonly string[],
  ): Promise<ClaimedJob<Id> | undefined>;
  /** Extends the lease to `leaseMs` from now; false means it was lost (stop working). */
  renew(job: ClaimedJob<Id>, workerId: string, leaseMs: number): Promise<boolean>;
  progress(
    job: ClaimedJob<Id>,
    workerId: string,
    progress: Record<string, unknown>,
  ): Promise<boolean>;
  complete(job: ClaimedJob<Id>, workerId: string, result: JobResult): Promise<boolean>;
  /** Retry after backoff, or dead; undefined when the lease was lost (nothing written). */
  fail(
    job: ClaimedJob<Id>,
    workerId: string,
    error: unknown,
    backoff: BackoffOptions,
  ): Promise<"failed" | "dead" | undefined>;
  /** Hands the job back unfinished (worker stopping); the attempt is not counted. */
  release(job: ClaimedJob<Id>, workerId: string): Promise<boolean>;
  /** Stops a job that has not finished; a running job's worker notices at its next renewal. */
  cancel(id: Id, options?: { workspaceId?: number; reason?: string }): Promise<boolean>;
  /** A job by id; with `workspaceId`, another workspace's job reads as missing. */
  get(id: Id, options?: { workspaceId?: number }): Promise<JobView<Id> | undefined>;
}

export function jobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    payload: job.payload,
    workspaceId: job.workspaceId,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: job.progress ?? null,
    result: job.result ?? null,
    error: job.error,
    runAt: job.runAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * The SQLite queue behind the interface, unchanged: every method runs jobs/queue.ts's
 * synchronous function at call time (better-sqlite3 is synchronous), so a write such as
 * `renew` has happened by the time the call returns, before any await.
 */
export function sqliteJobQueue(db: Db): JobQueue<number> {
  return {
    backend: "sqlite",
    enqueue: async (options) => enqueue(db, options),
    claim: async (workerId, leaseMs, kinds) => claimNext(db, workerId, leaseMs, Date.now(), kinds),
    renew: async (job, workerId, leaseMs) => renewLease(db, job.id, workerId, leaseMs),
    progress: async (job, workerId, progress) => reportProgress(db, job.id, workerId, progress),
    complete: async (job, workerId, result) => complete(db, job.id, workerId, result),
    fail: async (job, workerId, error, backoff) =>
      fail(db, job.id, workerId, error, Date.now(), backoff),
    release: async (job, workerId) => release(db, job.id, workerId),
    cancel: async (id, options) => cancel(db, id, options),
    async get(id, options) {
      const job = getJob(db, id);
      if (!job) return undefined;
      if (options?.workspaceId !== undefined && job.workspaceId !== options.workspaceId) {
        return undefined;
      }
      return jobView(job);
    },
  };
}
