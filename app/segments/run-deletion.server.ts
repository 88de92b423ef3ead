/**
 * Deleting a segment run (RFM or clusters) and what that removes, counted first: its
 * customers' segment assignments (they cascade with the run), and the saved reports of its
 * tabs (they stay: live ones say the run is gone, snapshots keep their figures). A run
 * still queued or running is not deleted: its job would write into a run that is gone.
 */
import { count, eq } from "drizzle-orm";
import { analysisRuns, segmentAssignments } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { type DeletionSummary, nonEmptyRows } from "~/deletion/summary";
import { reportsOfRuns } from "~/reports/reports-showing.server";
import type { AnalysisRun } from "./runs.server";

const SEGMENT_KINDS = new Set(["rfm", "cluster"]);

/** Finished segment runs can be deleted; others (and response-curve fits) cannot. */
export function canDeleteRun(run: Pick<AnalysisRun, "kind" | "status">): boolean {
  return SEGMENT_KINDS.has(run.kind) && (run.status === "succeeded" || run.status === "failed");
}

export function runDeletionSummary(scope: WorkspaceScope, run: AnalysisRun): DeletionSummary {
  const assigned =
    scope.db
      .select({ n: count() })
      .from(segmentAssignments)
      .where(scope.where(segmentAssignments, eq(segmentAssignments.runId, run.id)))
      .get()?.n ?? 0;
  return {
    rows: nonEmptyRows({ segment_assignments: assigned }),
    runs: [],
    reports: reportsOfRuns(scope, [run.id]),
    storedUpload: null,
  };
}

/** Deletes a finished run with its assignments; false when it cannot be deleted. */
export function deleteRun(
  scope: WorkspaceScope,
  run: AnalysisRun,
  actorUserId: number | null,
): boolean {
  if (!canDeleteRun(run)) return false;
  const removed = scope.delete(analysisRuns, eq(analysisRuns.id, run.id));
  if (removed === 0) return false;
  audit({
    workspaceId: scope.workspaceId,
    actorUserId,
    action: "segments.run_deleted",
    target: `analysis_run:${run.id}`,
    details: { kind: run.kind },
  });
  return true;
}
