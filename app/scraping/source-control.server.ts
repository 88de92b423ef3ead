/**
 * Pausing, resuming and running a source now, and what a finished run does to its source
 * (the dead-letter rule).
 *
 * Why a paused source has no next_run_at: resuming computes the next due time from the
 * moment of resuming, so a source paused for a week does not fire for the week it missed.
 */
import { eq, sql } from "drizzle-orm";
import { sources } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { enqueueScrape, manualDedupeKey, nextDueAfter } from "#jobs/schedule";
import { DEAD_AFTER_FAILURES } from "./limits";
import { getSource, type Source, workspaceTimeZone } from "./sources.server";

export function pauseSource(scope: WorkspaceScope, id: number): boolean {
  return scope.update(sources, { enabled: false, nextRunAt: null }, eq(sources.id, id)) === 1;
}

/** Also revives a dead source: its failure count starts again from zero. */
export function resumeSource(scope: WorkspaceScope, id: number, now = new Date()): boolean {
  const source = getSource(scope, id);
  if (!source) return false;
  const nextRunAt = nextDueAfter(source.schedule, workspaceTimeZone(scope), now);
  const lastStatus = source.lastStatus === "dead" ? "failed" : source.lastStatus;
  scope.update(
    sources,
    { enabled: true, nextRunAt, consecutiveFailures: 0, lastStatus },
    eq(sources.id, id),
  );
  return true;
}

/** Enqueues a run at once (also for a paused source); returns the job id. */
export function runSourceNow(scope: WorkspaceScope, id: number, now = new Date()): number {
  const source = getSource(scope, id);
  if (!source) throw new Error(`No source ${id} in this workspace`);
  return enqueueScrape(
    scope.db,
    { workspaceId: scope.workspaceId, sourceId: id, trigger: "manual" },
    manualDedupeKey(id, now),
  );
}

/** Success clears the failure count and the last error. */
export function recordSuccess(scope: WorkspaceScope, source: Source, finishedAt: Date): void {
  scope.update(
    sources,
    { lastRunAt: finishedAt, lastStatus: "succeeded", lastError: null, consecutiveFailures: 0 },
    eq(sources.id, source.id),
  );
}

/**
 * Counts the failure; the Nth in a row pauses the source as "dead" with the error kept, so
 * a broken source stops knocking on a site and says why on the Scrapers page.
 */
export function recordFailure(
  scope: WorkspaceScope,
  source: Source,
  error: string,
  finishedAt: Date,
  deadAfter = DEAD_AFTER_FAILURES,
): "failed" | "dead" {
  const failures = scope.db
    .update(sources)
    .set({
      lastRunAt: finishedAt,
      lastStatus: "failed",
      lastError: error,
      consecutiveFailures: sql`${sources.consecutiveFailures} + 1`,
    })
    .where(scope.where(sources, eq(sources.id, source.id)))
    .returning({ count: sources.consecutiveFailures })
    .get()?.count;
  if ((failures ?? 0) < deadAfter) return "failed";
  scope.update(
    sources,
    { enabled: false, nextRunAt: null, lastStatus: "dead" },
    eq(sources.id, source.id),
  );
  return "dead";
}
