/** "Latest reports": the workspace's newest saved reports, from the Reports list itself. */
import type { WorkspaceScope } from "#db/scoped";
import { listReports } from "~/reports/reports.server";

export const LATEST_REPORTS = 5;

export interface LatestReport {
  id: number;
  kind: string;
  title: string;
  mode: "snapshot" | "live";
  /** When the snapshot was taken, or when a live report was saved. */
  takenAt: string;
}

export function latestReports(scope: WorkspaceScope): { reports: LatestReport[]; total: number } {
  const all = listReports(scope);
  return {
    total: all.length,
    reports: all.slice(0, LATEST_REPORTS).map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      mode: r.mode,
      takenAt: (r.snapshotAt ?? r.updatedAt ?? r.createdAt).toISOString(),
    })),
  };
}
