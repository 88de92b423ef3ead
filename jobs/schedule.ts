/**
 * Scheduled scrapes. Each source has a cron expression, read in its workspace's time zone;
 * `sources.next_run_at` holds the next due time. A scheduler tick (run by every worker,
 * see jobs/worker.ts) enqueues one `scrape-source` job per due source and moves
 * next_run_at forward.
 *
 * Why it is safe with several workers: the job's dedupe key is the source and the due time
 * (`scrape:<id>:<dueISO>`), so two ticks that both see the same due source enqueue one
 * job between them; and next_run_at only moves if it still holds the due time that tick
 * read (compare-and-set), so a slow tick cannot move it back.
 *
 * Why missed runs collapse to one: next_run_at is computed from *now*, not from the due
 * time, so after a day of downtime a 15-minute schedule runs once, not 96 times.
 */
import { Cron } from "croner";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "#db/client";
import { sources, workspaces } from "#db/schema";
import { deliverySchedulerTick } from "./delivery-schedule";
import { enqueue } from "./queue";

export const SCRAPE_SOURCE_JOB = "scrape-source";

/** A scrape retries pages inside the fetcher; the queue retries only a worker that died. */
export const SCRAPE_MAX_ATTEMPTS = 2;

/** Schedules may not fire more often than this: the sites we read are not ours. */
export const MIN_SCHEDULE_INTERVAL_MS = 5 * 60_000;

export type ScrapeTrigger = "schedule" | "manual" | "cli";

export interface ScrapePayload {
  workspaceId: number;
  sourceId: number;
  trigger: ScrapeTrigger;
  /** The due time a scheduled run was enqueued for. */
  dueAt?: string;
}

function cronOf(expression: string, timeZone: string): Cron {
  // No callback: croner only evaluates the pattern and never starts a timer.
  return new Cron(expression.trim(), { timezone: timeZone, mode: "5-part" });
}

/** Why the expression cannot be used (croner's own words for a pattern it cannot read). */
export type CronProblem =
  | { kind: "notCron"; detail: string }
  | { kind: "neverFires" }
  | { kind: "tooOften" };

/** Why the expression cannot be used, or undefined when it can. */
export function cronProblemOf(expression: string, timeZone = "UTC"): CronProblem | undefined {
  let cron: Cron;
  try {
    cron = cronOf(expression, timeZone);
  } catch (error) {
    return { kind: "notCron", detail: error instanceof Error ? error.message : String(error) };
  }
  const runs = cron.nextRuns(12, new Date());
  if (runs.length === 0) return { kind: "neverFires" };
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    if (gap < MIN_SCHEDULE_INTERVAL_MS) return { kind: "tooOften" };
  }
  return undefined;
}

/** The problem in English (logs, tests), or undefined when the expression can be used. */
export function cronProblem(expression: string, timeZone = "UTC"): string | undefined {
  const problem = cronProblemOf(expression, timeZone);
  if (!problem) return undefined;
  if (problem.kind === "notCron")
    return `not a cron expression (minute hour day month weekday): ${problem.detail}`;
  return problem.kind === "neverFires"
    ? "this schedule never fires"
    : "runs at most every 5 minutes, to be polite";
}

/** The first time strictly after `after` that the schedule fires, in the workspace's zone. */
export function nextDueAfter(expression: string, timeZone: string, after: Date): Date | null {
  return cronOf(expression, timeZone).nextRun(after);
}

function safeNextDue(expression: string, timeZone: string, after: Date): Date | null {
  try {
    return nextDueAfter(expression, timeZone, after);
  } catch {
    return null;
  }
}

export function scrapeDedupeKey(sourceId: number, dueAt: Date): string {
  return `scrape:${sourceId}:${dueAt.toISOString()}`;
}

/** "Run now" twice within a minute is one run (a double click, two tabs). */
export function manualDedupeKey(sourceId: number, now: Date): string {
  return `scrape:${sourceId}:manual:${now.toISOString().slice(0, 16)}`;
}

export function enqueueScrape(db: Db, payload: ScrapePayload, dedupeKey: string): number {
  return enqueue(db, {
    kind: SCRAPE_SOURCE_JOB,
    workspaceId: payload.workspaceId,
    payload: { ...payload },
    maxAttempts: SCRAPE_MAX_ATTEMPTS,
    dedupeKey,
  });
}

export interface DueSource {
  source: typeof sources.$inferSelect;
  timeZone: string;
}

/**
 * Enabled sources whose next_run_at has passed (or was never set). Reads all workspaces:
 * the scheduler runs in the worker, for every tenant; each write below names the source's
 * own workspace.
 */
export function dueSources(db: Db, now = new Date()): DueSource[] {
  return db
    .select({ source: sources, timeZone: workspaces.timeZone })
    .from(sources)
    .innerJoin(workspaces, eq(workspaces.id, sources.workspaceId))
    .where(
      and(eq(sources.enabled, true), or(isNull(sources.nextRunAt), lte(sources.nextRunAt, now))),
    )
    .all();
}

/**
 * Moves the source's next_run_at from the due time it was read with to the first due time
 * after `now`, and enqueues the run for that due time. Returns the job id, or undefined
 * when another scheduler got there first (next_run_at no longer holds the due time read)
 * or the source had no due time yet (it only gets one).
 */
export function fireDueSource(db: Db, { source, timeZone }: DueSource, now = new Date()) {
  return db.transaction(
    (tx) => {
      const dueAt = source.nextRunAt;
      const next = safeNextDue(source.schedule, timeZone, now);
      const sameDueTime = and(
        eq(sources.id, source.id),
        eq(sources.workspaceId, source.workspaceId),
        eq(sources.enabled, true),
        dueAt ? eq(sources.nextRunAt, dueAt) : isNull(sources.nextRunAt),
      );
      // A schedule with no future run (or one that no longer parses) stops, visibly.
      const changes = next
        ? { nextRunAt: next }
        : { nextRunAt: null, enabled: false, lastError: "the schedule has no future run" };
      const moved = tx.update(sources).set(changes).where(sameDueTime).run();
      if (moved.changes === 0 || !dueAt) return undefined;
      const payload = {
        workspaceId: source.workspaceId,
        sourceId: source.id,
        trigger: "schedule" as const,
        dueAt: dueAt.toISOString(),
      };
      // Same connection as `tx` (better-sqlite3 is synchronous), so this is inside it.
      return enqueueScrape(db, payload, scrapeDedupeKey(source.id, dueAt));
    },
    { behavior: "immediate" },
  );
}

/** One scheduler tick: fires every due source; returns the job ids enqueued. */
export function schedulerTick(db: Db, now = new Date()): number[] {
  const enqueued: number[] = [];
  for (const due of dueSources(db, now)) {
    const jobId = fireDueSource(db, due, now);
    if (jobId !== undefined) enqueued.push(jobId);
  }
  return enqueued;
}

export interface SchedulerLoopOptions {
  db: Db;
  signal: AbortSignal;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Ticks every `intervalMs` until the signal aborts. Errors are logged, never fatal. */
export async function runScheduler(options: SchedulerLoopOptions): Promise<void> {
  const { db, signal } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const log = options.log ?? ((line: string) => console.log(line));
  while (!signal.aborted) {
    try {
      const enqueued = schedulerTick(db);
      if (enqueued.length > 0) log(`[scheduler] enqueued scrape jobs ${enqueued.join(", ")}`);
      // Report deliveries ride on the same tick (same dedupe-key and compare-and-set rules).
      const deliveries = deliverySchedulerTick(db);
      if (deliveries.length > 0) log(`[scheduler] enqueued delivery jobs ${deliveries.join(", ")}`);
    } catch (error) {
      // Typically SQLITE_BUSY: the next tick tries again.
      log(`[scheduler] tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, intervalMs);
      signal.addEventListener("abort", done, { once: true });
    });
  }
}
