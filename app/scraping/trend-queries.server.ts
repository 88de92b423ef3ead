/**
 * The Trends page: search interest over time (0–100) for up to 5 keywords, optionally
 * with a moving average, the growth over the period shown, and the rising related
 * queries with their "breakout" flag.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { ChartSeries } from "./channel-queries.server";
import { MAX_KEYWORDS, MOVING_AVERAGE_WINDOW } from "./limits";
import { entitiesWith, latestObservations, observationRows } from "./observation-queries.server";
import { growthOverPeriod, latestPerPeriod, movingAverage, periodDate } from "./series";

export interface KeywordTrend {
  keyword: string;
  points: { period: string; value: number }[];
  /** Fraction, e.g. 0.25 for +25 %; undefined when it cannot be stated. */
  growth: number | undefined;
  sourceName: string | null;
  fetchedAt: Date | null;
  from: string | null;
}

export interface RisingQuery {
  keyword: string;
  query: string;
  /** 3.5 for "+350 %"; null for a breakout. */
  growth: number | null;
  breakout: boolean;
  fetchedAt: Date;
}

export function listKeywords(scope: WorkspaceScope): string[] {
  return entitiesWith(scope, "keyword", "interest");
}

export function keywordTrends(scope: WorkspaceScope, keywords: readonly string[]): KeywordTrend[] {
  const chosen = keywords.slice(0, MAX_KEYWORDS);
  const rows = observationRows(scope, {
    entityType: "keyword",
    entities: chosen,
    metrics: ["interest"],
  });
  return chosen.map((keyword) => {
    const series = latestPerPeriod(rows.filter((r) => r.entity === keyword && r.value !== null));
    const points = series.map((r) => ({ period: r.period, value: r.value ?? 0 }));
    const newest = [...series].sort((a, b) => +b.fetchedAt - +a.fetchedAt)[0];
    return {
      keyword,
      points,
      growth: growthOverPeriod(points.map((p) => p.value)),
      sourceName: newest?.sourceName ?? (newest ? "CSV upload" : null),
      fetchedAt: newest?.fetchedAt ?? null,
      from: newest?.url ?? null,
    };
  });
}

/** Lines for the chart: each keyword, and with `smooth` its moving average instead. */
export function interestSeries(trends: readonly KeywordTrend[], smooth: boolean): ChartSeries[] {
  return trends.map((t) => {
    const averaged = smooth
      ? movingAverage(
          t.points.map((p) => p.value),
          MOVING_AVERAGE_WINDOW,
        )
      : t.points.map((p) => p.value);
    return {
      id: smooth ? `${t.keyword} (${MOVING_AVERAGE_WINDOW}-point average)` : t.keyword,
      data: t.points.map((p, i) => ({ x: periodDate(p.period), y: averaged[i] ?? null })),
    };
  });
}

const ARROW = " → ";

/** Rising queries of the latest fetch for each keyword; breakouts first, then by growth. */
export function risingQueries(scope: WorkspaceScope, keywords: readonly string[]): RisingQuery[] {
  const wanted = new Set(keywords);
  const rows = latestObservations(scope, "query");
  const byEntity = new Map<string, RisingQuery>();
  for (const row of rows) {
    const cut = row.entity.indexOf(ARROW);
    const keyword = cut < 0 ? "" : row.entity.slice(0, cut);
    if (!wanted.has(keyword)) continue;
    const query = row.textValue ?? row.entity.slice(cut + ARROW.length);
    const item = byEntity.get(row.entity) ?? {
      keyword,
      query,
      growth: null,
      breakout: false,
      fetchedAt: row.fetchedAt,
    };
    if (row.metric === "growth") item.growth = row.value;
    if (row.metric === "breakout") item.breakout = row.value === 1;
    byEntity.set(row.entity, item);
  }
  // Only the newest fetch per keyword: older rising queries are not rising any more.
  const newestDay = new Map<string, string>();
  for (const row of rows) {
    const keyword = row.entity.slice(0, Math.max(0, row.entity.indexOf(ARROW)));
    if ((newestDay.get(keyword) ?? "") < row.period) newestDay.set(keyword, row.period);
  }
  const current = new Set(
    rows
      .filter(
        (r) => newestDay.get(r.entity.slice(0, Math.max(0, r.entity.indexOf(ARROW)))) === r.period,
      )
      .map((r) => r.entity),
  );
  return [...byEntity.entries()]
    .filter(([entity]) => current.has(entity))
    .map(([, item]) => item)
    .sort(
      (a, b) =>
        Number(b.breakout) - Number(a.breakout) ||
        (b.growth ?? 0) - (a.growth ?? 0) ||
        a.query.localeCompare(b.query),
    );
}
