/** The "campaign ROI" report: the Campaigns page with its filters, sort and drill-down. */
import { RATIOS } from "~/analytics/campaign-metrics";
import type { GroupFigures } from "~/analytics/campaign-report";
import { campaignRoiPage } from "~/campaigns/campaign-roi-page.server";
import type { ReportTable } from "../report-table";
import { type ReportKind, searchParams, singleParams } from "./report-kind.server";

const MEASURE_COLUMNS = ["spend", "impressions", "clicks", "conversions", "revenue"] as const;

function figuresTable(name: string, keyColumn: string, groups: GroupFigures[]): ReportTable {
  return {
    name,
    columns: [keyColumn, ...MEASURE_COLUMNS, ...RATIOS, "roi_low", "roi_high"],
    rows: groups.map((g) => {
      const roi = "ratios" in g.intervals ? g.intervals.ratios.roi : null;
      return [
        g.label,
        ...MEASURE_COLUMNS.map((m) => g.totals.sums[m] ?? null),
        ...RATIOS.map((r) => g.ratios[r].value),
        roi?.low ?? null,
        roi?.high ?? null,
      ];
    }),
  };
}

export const campaignRoiReport: ReportKind<ReturnType<typeof campaignRoiPage>> = {
  page: "campaigns",
  params: searchParams(["from", "to", "by", "granularity", "sort", "dir", "campaign"]),
  personal: false,
  dateRange: { from: "from", to: "to" },
  build: (scope, params) => campaignRoiPage(scope, singleParams(params)),
  tables: (data) => {
    const by = data.filters.by;
    const tables = [
      figuresTable(`figures-by-${by}`, by, [
        ...data.breakdown.report.groups,
        data.breakdown.report.totals,
      ]),
      figuresTable("campaigns", "campaign", data.campaigns),
    ];
    if (data.drill && "days" in data.drill && data.drill.days)
      tables.push(figuresTable(`days-of-${data.drill.key}`, "day", data.drill.days));
    return tables;
  },
};
