/**
 * Saved reports that show a segment run or read a kind of data, for deletion summaries:
 * a live report loses what is deleted, a snapshot keeps the figures it froze.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { DeletionSummary } from "~/deletion/summary";
import type { ReportKindId } from "./report-kinds";

type ReportRef = DeletionSummary["reports"][number];

/** Reports saved from one of these runs' tabs (their `run` parameter). */
export function reportsOfRuns(scope: WorkspaceScope, runIds: readonly number[]): ReportRef[] {
  if (runIds.length === 0) return [];
  return scope
    .sql(
      `SELECT id, title, mode FROM reports
       WHERE workspace_id = @workspace AND json_extract(params, '$.run') IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .all<ReportRef>(JSON.stringify(runIds.map(String)));
}

/** Live reports of these kinds: they are built from the workspace's data when opened. */
export function liveReportsOfKinds(
  scope: WorkspaceScope,
  kinds: readonly ReportKindId[],
): ReportRef[] {
  if (kinds.length === 0) return [];
  return scope
    .sql(
      `SELECT id, title, mode FROM reports
       WHERE workspace_id = @workspace AND mode = 'live' AND kind IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .all<ReportRef>(JSON.stringify(kinds));
}

/** Both lists, each report once. */
export function mergeReports(...lists: ReportRef[][]): ReportRef[] {
  const byId = new Map<number, ReportRef>();
  for (const list of lists) for (const report of list) byId.set(report.id, report);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
