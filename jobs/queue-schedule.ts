/**
 * Schedules on any queue (jobs/job-queue.ts), for the PostgreSQL worker: each tick enqueues,
 * for every schedule, the run of its latest due time at or before now, with the dedupe key
 * `schedule:<key>:<dueISO>`. However many schedulers tick, and however often, a due time
 * is enqueued once: the dedupe key is unique in the queue (on pg-boss, a primary key of our
 * own table), and the due time comes from the cron expression, not from the tick.
 *
 * Missed runs collapse to one: after downtime only the latest due time fires.
 * The SQLite worker keeps jobs/schedule.ts (sources' next_run_at with compare-and-set);
 * scrape and delivery schedules reach PostgreSQL with the data path (docs/decisions/032).
 */
import { Cron } from "croner";
import type { JobId, JobQueue } from "./job-queue";
import type { JobPayload } from "./queue";

export interface QueueSchedule {
  /** Names the schedule in dedupe keys: stable and unique. */
  key: string;
  /** Five-part cron expression. */
  cron: string;
  timeZone?: string;
  kind: string;
  payload: JobPayload;
  workspaceId?: number | null;
  maxAttempts?: number;
  /** Due times before this never fire (a schedule created now does not run for the past). */
  since?: Date;
}

/** The latest time at or before `now` that the schedule fires, or null. */
export function latestDueTime(schedule: QueueSchedule, now: Date): Date | null {
  const cron = new Cron(schedule.cron.trim(), {
    timezone: schedule.timeZone ?? "UTC",
    mode: "5-part",
  });
  // previousRuns looks strictly before its reference: one millisecond on includes `now`.
  const [due] = cron.previousRuns(1, new Date(now.getTime() + 1));
  if (!due) return null;
  if (schedule.since && due < schedule.since) return null;
  return due;
}

export function scheduleDedupeKey(key: string, dueAt: Date): string {
  return `schedule:${key}:${dueAt.toISOString()}`;
}

/** One tick: enqueues each schedule's latest due time; returns the job ids (deduped). */
export async function queueScheduleTick<Id extends JobId>(
  queue: JobQueue<Id>,
  schedules: readonly QueueSchedule[],
  now = new Date(),
): Promise<Id[]> {
  const ids: Id[] = [];
  for (const schedule of schedules) {
    const dueAt = latestDueTime(schedule, now);
    if (!dueAt) continue;
    ids.push(
      await queue.enqueue({
        kind: schedule.kind,
        payload: { ...schedule.payload, dueAt: dueAt.toISOString() },
        workspaceId: schedule.workspaceId ?? null,
        maxAttempts: schedule.maxAttempts,
        dedupeKey: scheduleDedupeKey(schedule.key, dueAt),
      }),
    );
  }
  return ids;
}

export interface QueueSchedulerOptions<Id extends JobId> {
  queue: JobQueue<Id>;
  schedules: () => readonly QueueSchedule[];
  signal: AbortSignal;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Ticks every `intervalMs` until the signal aborts. Errors are logged, never fatal. */
export async function runQueueScheduler<Id extends JobId>(options: QueueSchedulerOptions<Id>) {
  const { queue, signal } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  while (!signal.aborted) {
    try {
      await queueScheduleTick(queue, options.schedules());
    } catch (error) {
      log(`[scheduler] tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, options.intervalMs ?? 5_000);
      signal.addEventListener("abort", done, { once: true });
    });
  }
}
