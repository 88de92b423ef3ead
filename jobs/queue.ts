/**
 * The job queue, kept in the `jobs` table of the app's SQLite file.
 *
 * Why leases: a worker can die at any moment (deploy, OOM, SIGKILL) without telling
 * anyone. So a worker never "owns" a job outright; it holds a lease (`lease_owner`,
 * `lease_expires_at`) that it renews while it works. If the lease runs out, the worker
 * is presumed dead and any worker may claim the job again. Consequences:
 * - Claiming is one write (inside BEGIN IMMEDIATE): SQLite lets one writer in at a time,
 *   so two workers can never both see a job as free and both take it.
 * - Every later write by a worker (progress, renew, complete, fail, release) carries
 *   `lease_owner = me AND status = 'running'`. A worker that was merely slow and lost its
 *   lease finds zero rows updated and cannot overwrite the new owner's result.
 * - Each claim counts an attempt, including claims after a crash, so a job that keeps
 *   killing its worker ends up `dead` instead of looping forever.
 * - Handlers therefore run at least once, not exactly once: a job whose worker died is
 *   run again, so handlers must be idempotent (upserts, dedupe keys).
 *
 * Statuses: `queued` waits for `run_at`; `running` is leased; `failed` means the last
 * attempt failed and a retry is scheduled at `run_at`; `succeeded`; `dead` means retries
 * are exhausted, the error was permanent, or the job was cancelled (`error` says which).
 */
import { and, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { Db } from "#db/client";
import { type JobStatus, jobs } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { type BackoffOptions, backoffDelayMs, defaultBackoff } from "./backoff";
import { errorMessage, PermanentJobError } from "./errors";

export type Job = typeof jobs.$inferSelect;
export type JobPayload = Record<string, unknown>;
export type JobResult = Record<string, unknown>;

export interface EnqueueOptions {
  kind: string;
  payload: JobPayload;
  workspaceId?: number | null;
  runAt?: Date | number;
  maxAttempts?: number;
  /** Enqueueing twice with the same key returns the first job, even after it finished. */
  dedupeKey?: string;
}

/** Statuses a job never leaves. */
export const finishedStatuses: readonly JobStatus[] = ["succeeded", "dead"];

/** Adds a job and returns its id; with a known `dedupeKey`, returns the existing job's id. */
export function enqueue(db: Db, options: EnqueueOptions): number {
  const inserted = db
    .insert(jobs)
    .values({
      kind: options.kind,
      payload: options.payload,
      workspaceId: options.workspaceId ?? null,
      runAt: new Date(options.runAt ?? Date.now()),
      maxAttempts: options.maxAttempts ?? 3,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id })
    .get();
  if (inserted) return inserted.id;
  const existing = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.dedupeKey, options.dedupeKey ?? ""))
    .get();
  if (!existing) throw new Error(`enqueue: insert of ${options.kind} was ignored`);
  return existing.id;
}

/**
 * Leases the next due job to `workerId`, or returns undefined. Due = queued or awaiting
 * retry with `run_at <= now`, or running under an expired lease (its worker died).
 * `kinds` limits the claim to kinds this worker can handle.
 */
export function claimNext(
  db: Db,
  workerId: string,
  leaseMs: number,
  now = Date.now(),
  kinds?: readonly string[],
): Job | undefined {
  if (kinds && kinds.length === 0) return undefined;
  const at = new Date(now);
  const leaseExpired = and(eq(jobs.status, "running"), lt(jobs.leaseExpiresAt, at));
  return db.transaction(
    (tx) => {
      // A job whose worker died on its last allowed attempt is not run again.
      tx.update(jobs)
        .set({
          status: "dead",
          error: "worker stopped renewing its lease on the last attempt",
          leaseOwner: null,
          leaseExpiresAt: null,
          finishedAt: at,
        })
        .where(and(leaseExpired, gte(jobs.attempts, jobs.maxAttempts)))
        .run();
      const next = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            or(and(inArray(jobs.status, ["queued", "failed"]), lte(jobs.runAt, at)), leaseExpired),
            kinds ? inArray(jobs.kind, [...kinds]) : undefined,
          ),
        )
        .orderBy(jobs.runAt, jobs.id)
        .limit(1);
      return tx
        .update(jobs)
        .set({
          status: "running",
          leaseOwner: workerId,
          leaseExpiresAt: new Date(now + leaseMs),
          attempts: sqlPlus(jobs.attempts, 1),
          startedAt: at,
        })
        .where(inArray(jobs.id, next))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

/** Extends the lease; false means the lease was lost and the worker should stop. */
export function renewLease(
  db: Db,
  jobId: number,
  workerId: string,
  leaseMs: number,
  now = Date.now(),
): boolean {
  return updateOwned(db, jobId, workerId, { leaseExpiresAt: new Date(now + leaseMs) });
}

export function reportProgress(
  db: Db,
  jobId: number,
  workerId: string,
  progress: Record<string, unknown>,
): boolean {
  return updateOwned(db, jobId, workerId, { progress });
}

export function complete(
  db: Db,
  jobId: number,
  workerId: string,
  result: JobResult,
  now = Date.now(),
): boolean {
  return updateOwned(db, jobId, workerId, {
    status: "succeeded",
    result,
    error: null,
    ...leaseCleared,
    finishedAt: new Date(now),
  });
}

/**
 * Records a failed attempt: schedules a retry with backoff, or marks the job `dead` when
 * attempts are exhausted or the error is a PermanentJobError. Returns the new status, or
 * undefined when the lease was lost (nothing written).
 */
export function fail(
  db: Db,
  jobId: number,
  workerId: string,
  error: unknown,
  now = Date.now(),
  backoff: BackoffOptions = defaultBackoff,
): "failed" | "dead" | undefined {
  const job = getJob(db, jobId);
  if (!job || job.leaseOwner !== workerId || job.status !== "running") return undefined;
  const exhausted = job.attempts >= job.maxAttempts || error instanceof PermanentJobError;
  const changes = exhausted
    ? { status: "dead" as const, finishedAt: new Date(now) }
    : { status: "failed" as const, runAt: new Date(now + backoffDelayMs(job.attempts, backoff)) };
  const written = updateOwned(db, jobId, workerId, {
    ...changes,
    error: errorMessage(error),
    ...leaseCleared,
  });
  return written ? changes.status : undefined;
}

/** Gives the job back unfinished (worker shutting down): the attempt is not counted. */
export function release(db: Db, jobId: number, workerId: string): boolean {
  return updateOwned(db, jobId, workerId, {
    status: "queued",
    attempts: sqlPlus(jobs.attempts, -1),
    ...leaseCleared,
  });
}

/**
 * Stops a job that has not finished. A running job's worker notices at its next lease
 * renewal (the job is no longer leased to it) and aborts the handler's signal.
 */
export function cancel(
  db: Db,
  jobId: number,
  options: { workspaceId?: number; reason?: string; now?: number } = {},
): boolean {
  const result = db
    .update(jobs)
    .set({
      status: "dead",
      error: options.reason ?? "cancelled",
      ...leaseCleared,
      finishedAt: new Date(options.now ?? Date.now()),
    })
    .where(
      and(
        eq(jobs.id, jobId),
        inArray(jobs.status, ["queued", "failed", "running"]),
        options.workspaceId === undefined ? undefined : eq(jobs.workspaceId, options.workspaceId),
      ),
    )
    .run();
  return result.changes === 1;
}

/** Any job by id: for the worker and the queue itself, which work across workspaces. */
export function getJob(db: Db, id: number): Job | undefined {
  return db.select().from(jobs).where(eq(jobs.id, id)).get();
}

/** A job of one workspace by id, for pages: another workspace's job reads as missing. */
export function getWorkspaceJob(scope: WorkspaceScope, id: number): Job | undefined {
  return scope.first(jobs, eq(jobs.id, id));
}

/** A workspace's jobs, newest first. */
export function listJobs(
  db: Db,
  options: { workspaceId: number; kind?: string; status?: JobStatus; limit?: number },
): Job[] {
  return db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.workspaceId, options.workspaceId),
        options.kind === undefined ? undefined : eq(jobs.kind, options.kind),
        options.status === undefined ? undefined : eq(jobs.status, options.status),
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(options.limit ?? 50)
    .all();
}

/** Polls until the job has finished (succeeded or dead); throws after `timeoutMs`. */
export async function waitForJob(db: Db, id: number, timeoutMs: number, pollMs = 25): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = getJob(db, id);
    if (!job) throw new Error(`Job ${id} does not exist`);
    if (finishedStatuses.includes(job.status)) return job;
    if (Date.now() >= deadline) {
      throw new Error(`Job ${id} still ${job.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

const leaseCleared = { leaseOwner: null, leaseExpiresAt: null };

/** Applies `changes` only while the job is still running under this worker's lease. */
function updateOwned(
  db: Db,
  jobId: number,
  workerId: string,
  changes: SQLiteUpdateSetSource<typeof jobs>,
): boolean {
  const result = db
    .update(jobs)
    .set(changes)
    .where(and(eq(jobs.id, jobId), eq(jobs.leaseOwner, workerId), eq(jobs.status, "running")))
    .run();
  return result.changes === 1;
}

function sqlPlus(column: typeof jobs.attempts, amount: number): SQL {
  return sql`${column} + ${amount}`;
}
