/** The "trends" report: the Trends page's interest over time, growth and rising queries. */
import { trendsPage } from "~/scraping/trends-page.server";
import { type ReportKind, searchParams } from "./report-kind.server";

export const trendsReport: ReportKind<ReturnType<typeof trendsPage>> = {
  page: "trends",
  params: searchParams(["ma"], ["kw"]),
  personal: false,
  dateRange: null,
  build: (scope, params) => {
    const kw = params.kw;
    return trendsPage(scope, Array.isArray(kw) ? kw : kw ? [kw] : [], params.ma === "1");
  },
  tables: (data) => [
    {
      name: "growth",
      columns: ["keyword", "growth", "first_period", "last_period", "source"],
      rows: data.trends.map((t) => [
        t.keyword,
        t.growth ?? null,
        t.first,
        t.last,
        t.sourceName ?? null,
      ]),
    },
    {
      name: "interest",
      columns: ["keyword", "period", "interest"],
      rows: data.series.flatMap((s) => s.data.map((p) => [String(s.id), p.x, p.y])),
    },
    {
      name: "rising-queries",
      columns: ["keyword", "query", "growth", "breakout", "fetched_at"],
      rows: data.rising.map((r) => [
        r.keyword,
        r.query,
        r.growth,
        r.breakout ? "yes" : "no",
        new Date(r.fetchedAt).toISOString(),
      ]),
    },
  ],
};
