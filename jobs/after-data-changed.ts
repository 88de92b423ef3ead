/**
 * Keeps analyses fresh: after an import or a scrape has changed a workspace's data, its data
 * version moves (so caches and the stored views of its runs are stale, and those views are
 * queued for a refresh: app/segments/run-views.server.ts), and its RFM segments are computed
 * again, if the workspace uses them at all (has an RFM run).
 *
 * Why at most once an hour: a schedule of ten sources every 15 minutes would otherwise
 * queue forty recomputations an hour. The dedupe key names the workspace and the hour, and
 * the check and the insert happen in one write transaction, so concurrent callers (web
 * process, several workers) create one run between them.
 */
import { desc, eq } from "drizzle-orm";
import { analysisRuns, jobs } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { SEGMENT_RUN_JOB } from "~/segments/enqueue.server";
import { dataChanged } from "~/segments/run-views.server";
import { createRun, updateRun } from "~/segments/runs.server";
import { enqueue } from "./queue";

export function recomputeDedupeKey(workspaceId: number, now: Date): string {
  return `recompute:rfm:${workspaceId}:${now.toISOString().slice(0, 13)}`;
}

/**
 * Enqueues an RFM recomputation with the parameters of the workspace's latest RFM run.
 * Returns the job id (a new one, or this hour's existing one), or undefined when the
 * workspace has no RFM run to repeat.
 */
export function afterDataChanged(
  scope: WorkspaceScope,
  now = new Date(),
  /** A change that must not wait for the hour's run (e.g. the legal basis) brings its own. */
  dedupeKey = recomputeDedupeKey(scope.workspaceId, now),
  /** The change may remove people from analyses (the legal basis): see dataChanged. */
  options: { removesPeople?: boolean } = {},
): number | undefined {
  const { db, workspaceId } = scope;
  return db.transaction(
    () => {
      dataChanged(scope, options);
      const latest = db
        .select({ params: analysisRuns.params })
        .from(analysisRuns)
        .where(scope.where(analysisRuns, eq(analysisRuns.kind, "rfm")))
        .orderBy(desc(analysisRuns.id))
        .limit(1)
        .get();
      if (!latest) return undefined;
      const existing = scope.first(jobs, eq(jobs.dedupeKey, dedupeKey));
      if (existing) return existing.id;
      const run = createRun(scope, "rfm", latest.params, null);
      const jobId = enqueue(db, {
        kind: SEGMENT_RUN_JOB,
        workspaceId,
        payload: { workspaceId, runId: run.id },
        dedupeKey,
      });
      updateRun(scope, run.id, { jobId });
      return jobId;
    },
    { behavior: "immediate" },
  );
}
