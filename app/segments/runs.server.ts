/**
 * analysis_runs rows and their segment_assignments. Reads go through the workspace scope,
 * so a run id of another workspace is simply "not found"; the bulk insert is raw SQL through
 * `scope.sql`, because 200 000 drizzle inserts with RETURNING would take seconds.
 */
import { eq } from "drizzle-orm";
import { analysisRuns, segmentAssignments } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { RunNotFoundError } from "./errors";

export type RunKind = "rfm" | "cluster";
export type AnalysisRun = typeof analysisRuns.$inferSelect;

export function createRun(
  scope: WorkspaceScope,
  kind: RunKind,
  params: Record<string, unknown>,
  userId?: number | null,
): AnalysisRun {
  return scope.insert(analysisRuns, {
    kind,
    params,
    status: "queued",
    createdBy: userId ?? null,
  });
}

export function getRun(scope: WorkspaceScope, runId: number): AnalysisRun {
  const run = scope.first(analysisRuns, eq(analysisRuns.id, runId));
  if (!run) throw new RunNotFoundError(runId);
  return run;
}

export function updateRun(
  scope: WorkspaceScope,
  runId: number,
  set: Partial<Pick<AnalysisRun, "status" | "result" | "error" | "jobId" | "finishedAt">>,
): void {
  scope.update(analysisRuns, set, eq(analysisRuns.id, runId));
}

export interface Assignment {
  customerId: number;
  segment: string;
  values: Record<string, number>;
  x?: number | null;
  y?: number | null;
}

/**
 * Replaces the run's assignments in one transaction. Replacing (not appending) keeps a
 * job that runs twice (jobs run at least once) from leaving duplicates.
 */
export function saveAssignments(
  scope: WorkspaceScope,
  runId: number,
  assignments: Iterable<Assignment>,
): number {
  const remove = scope.sql(
    "DELETE FROM segment_assignments WHERE workspace_id = @workspace AND run_id = ?",
  );
  const insert = scope.sql(
    `INSERT INTO segment_assignments (workspace_id, run_id, customer_id, segment, "values", x, y)
     VALUES (@workspace, ?, ?, ?, ?, ?, ?)`,
  );
  return scope.db.$client.transaction(() => {
    remove.run(runId);
    let count = 0;
    for (const a of assignments) {
      insert.run(
        runId,
        a.customerId,
        a.segment,
        JSON.stringify(a.values),
        a.x ?? null,
        a.y ?? null,
      );
      count++;
    }
    return count;
  })();
}

/** customer id → segment of a run (only this workspace's rows). */
export function loadSegmentOf(scope: WorkspaceScope, runId: number): Map<number, string> {
  const rows = scope.db
    .select({ customerId: segmentAssignments.customerId, segment: segmentAssignments.segment })
    .from(segmentAssignments)
    .where(scope.where(segmentAssignments, eq(segmentAssignments.runId, runId)))
    .all();
  return new Map(rows.map((r) => [r.customerId, r.segment]));
}
