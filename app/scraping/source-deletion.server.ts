/**
 * What deleting a scraper source removes, counted without removing anything: the
 * observations it collected and its run history (both cascade with the source), and the
 * live reports built from collected figures (they show the source's series no more).
 */
import { and, count, eq } from "drizzle-orm";
import { observations, scrapeRuns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { type DeletionSummary, nonEmptyRows } from "~/deletion/summary";
import { liveReportsOfKinds } from "~/reports/reports-showing.server";

function rowsOf(scope: WorkspaceScope, table: typeof observations | typeof scrapeRuns, id: number) {
  return (
    scope.db
      .select({ n: count() })
      .from(table)
      .where(and(scope.where(table), eq(table.sourceId, id)))
      .get()?.n ?? 0
  );
}

export function sourceDeletionSummary(scope: WorkspaceScope, sourceId: number): DeletionSummary {
  const observed = rowsOf(scope, observations, sourceId);
  return {
    rows: nonEmptyRows({
      observations: observed,
      scrape_runs: rowsOf(scope, scrapeRuns, sourceId),
    }),
    runs: [],
    // Reports name channels, sites and keywords, not sources: any live one may show its data.
    reports: observed > 0 ? liveReportsOfKinds(scope, ["channels", "sites", "trends"]) : [],
    storedUpload: null,
  };
}
