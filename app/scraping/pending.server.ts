/** Scrape jobs that have not finished yet, per source: "queued" or "running". */
import { and, eq, inArray, sql } from "drizzle-orm";
import { jobs } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { SCRAPE_SOURCE_JOB } from "#jobs/schedule";

export function pendingRunsBySource(scope: WorkspaceScope): Map<number, "queued" | "running"> {
  const rows = scope.db
    .select({
      sourceId: sql<number>`json_extract(${jobs.payload}, '$.sourceId')`,
      status: jobs.status,
    })
    .from(jobs)
    .where(
      and(
        eq(jobs.workspaceId, scope.workspaceId),
        eq(jobs.kind, SCRAPE_SOURCE_JOB),
        inArray(jobs.status, ["queued", "running", "failed"]),
      ),
    )
    .all();
  const pending = new Map<number, "queued" | "running">();
  for (const row of rows) {
    // "failed" here means an attempt failed and a retry is waiting: still to come.
    const status = row.status === "running" ? "running" : "queued";
    if (pending.get(row.sourceId) !== "running") pending.set(row.sourceId, status);
  }
  return pending;
}
