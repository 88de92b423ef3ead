/**
 * Everything the Trends page shows, from its search parameters (`kw`, repeated; `ma=1` for
 * the moving average): the route's loader and a saved "trends" report both call this.
 */
import type { WorkspaceScope } from "#db/scoped";
import { MAX_KEYWORDS } from "./limits";
import { interestSeries, keywordTrends, listKeywords, risingQueries } from "./trend-queries.server";

export function trendsPage(scope: WorkspaceScope, asked: string[], smooth: boolean) {
  const keywords = listKeywords(scope);
  const known = asked.filter((k) => keywords.includes(k));
  const chosen = (known.length > 0 ? known : keywords).slice(0, MAX_KEYWORDS);
  const trends = keywordTrends(scope, chosen);
  return {
    keywords,
    chosen,
    smooth,
    series: interestSeries(trends, smooth),
    trends: trends.map(({ points: _points, ...t }) => ({
      ...t,
      fetchedAt: t.fetchedAt?.toISOString() ?? null,
      first: _points[0]?.period ?? null,
      last: _points.at(-1)?.period ?? null,
    })),
    rising: risingQueries(scope, chosen).map((r) => ({
      ...r,
      fetchedAt: r.fetchedAt.toISOString(),
    })),
  };
}

export type TrendsPage = ReturnType<typeof trendsPage>;
