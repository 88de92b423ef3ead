/**
 * analysis_runs rows and their segment_assignments. Reads go through the workspace scope,
 * so a run id of another workspace is simply "not found"; the bulk insert is raw SQL with
 * workspace_id bound, because 200 000 drizzle inserts with RETURNING would take seconds.
 */
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { analysisRuns, segmentAssignments } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { RunNotFoundError } from "./errors";

export type RunKind = "rfm" | "cluster";
export type AnalysisRun = typeof analysisRuns.$inferSelect;

export function createRun(
  db: Db,
  workspaceId: number,
  kind: RunKind,
  params: Record<string, unknown>,
  userId?: number | null,
): AnalysisRun {
  return scopeTo(db, workspaceId).insert(analysisRuns, {
    kind,
    params,
    status: "queued",
    createdBy: userId ?? null,
  });
}

export function getRun(db: Db, workspaceId: number, runId: number): AnalysisRun {
  const run = scopeTo(db, workspaceId).first(analysisRuns, eq(analysisRuns.id, runId));
  if (!run) throw new RunNotFoundError(runId);
  return run;
}

export function updateRun(
  db: Db,
  workspaceId: number,
  runId: number,
  set: Partial<Pick<AnalysisRun, "status" | "result" | "error" | "jobId" | "finishedAt">>,
): void {
  scopeTo(db, workspaceId).update(analysisRuns, set, eq(analysisRuns.id, runId));
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
  db: Db,
  workspaceId: number,
  runId: number,
  assignments: Iterable<Assignment>,
): number {
  const sqlite = db.$client;
  const remove = sqlite.prepare(
    "DELETE FROM segment_assignments WHERE workspace_id = ? AND run_id = ?",
  );
  const insert = sqlite.prepare(
    `INSERT INTO segment_assignments (workspace_id, run_id, customer_id, segment, "values", x, y)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return sqlite.transaction(() => {
    remove.run(workspaceId, runId);
    let count = 0;
    for (const a of assignments) {
      insert.run(
        workspaceId,
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
export function loadSegmentOf(db: Db, workspaceId: number, runId: number): Map<number, string> {
  const scope = scopeTo(db, workspaceId);
  const rows = db
    .select({ customerId: segmentAssignments.customerId, segment: segmentAssignments.segment })
    .from(segmentAssignments)
    .where(scope.where(segmentAssignments, eq(segmentAssignments.runId, runId)))
    .all();
  return new Map(rows.map((r) => [r.customerId, r.segment]));
}
