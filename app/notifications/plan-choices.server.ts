/** What the plan form offers: the finished segment runs, and the chosen run's segments. */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { analysisRuns, responses } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { loadSegmentMembers } from "~/segments/segment-members.server";

export function finishedRuns(scope: WorkspaceScope, limit = 50) {
  return scope.db
    .select({ id: analysisRuns.id, kind: analysisRuns.kind, createdAt: analysisRuns.createdAt })
    .from(analysisRuns)
    .where(
      and(
        scope.where(analysisRuns, inArray(analysisRuns.kind, ["rfm", "cluster"])),
        eq(analysisRuns.status, "succeeded"),
      ),
    )
    .orderBy(desc(analysisRuns.id))
    .limit(limit)
    .all();
}

/** The run's segments with their analysable members, largest first. */
export function runSegments(scope: WorkspaceScope, runId: number) {
  const members = loadSegmentMembers(scope, runId);
  return members.segments.map((segment, i) => ({
    segment,
    customers: members.sizes[i] as number,
  }));
}

export function responseCount(scope: WorkspaceScope): number {
  return (
    scope.db.select({ n: count() }).from(responses).where(scope.where(responses)).get()?.n ?? 0
  );
}
