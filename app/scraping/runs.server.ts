/** The history of scraping runs for the Scrapers page, newest first. */
import { desc, eq } from "drizzle-orm";
import { scrapeRuns, sources } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";

export type ScrapeRun = typeof scrapeRuns.$inferSelect & { sourceName: string };

export function listRuns(
  scope: WorkspaceScope,
  options: { sourceId?: number; limit?: number } = {},
): ScrapeRun[] {
  return scope.db
    .select({ run: scrapeRuns, sourceName: sources.name })
    .from(scrapeRuns)
    .innerJoin(sources, eq(sources.id, scrapeRuns.sourceId))
    .where(
      scope.where(
        scrapeRuns,
        options.sourceId === undefined ? undefined : eq(scrapeRuns.sourceId, options.sourceId),
      ),
    )
    .orderBy(desc(scrapeRuns.id))
    .limit(options.limit ?? 50)
    .all()
    .map(({ run, sourceName }) => ({ ...run, sourceName }));
}
