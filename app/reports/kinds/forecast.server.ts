/**
 * The "forecast" report: the Forecast page's response curves, and the forecast and budget plan
 * its forms asked for. The forecast's dates are the scenario being priced, not a filter on the
 * data, so a share link may not narrow them: `dateRange` is null.
 */

import type { Estimate } from "~/analytics/campaign-forecast";
import { FORECAST_PARAMS } from "~/campaigns/forecast-forms";
import { type ForecastPage, forecastPage } from "~/campaigns/forecast-page.server";
import type { ReportTable } from "../report-table";
import { type ReportKind, searchParams, toSearchParams } from "./report-kind.server";

const estimateRow = (figure: string, e: Estimate) => [figure, e.value, e.low, e.high];

export const forecastReport: ReportKind<ForecastPage> = {
  page: "forecast",
  params: searchParams(FORECAST_PARAMS, ["lock"]),
  personal: false,
  dateRange: null,
  build: (scope, params) => forecastPage(scope, toSearchParams(params)),
  tables: (data) => {
    const tables: ReportTable[] = [
      {
        name: "response-curves",
        columns: [
          "channel",
          "status",
          "r2",
          "nrmse_holdout",
          "mape_holdout",
          "average_daily_spend",
          "max_daily_spend",
          "from",
          "to",
        ],
        rows: data.channels.map((c) => [
          c.channel,
          c.conversions.status,
          c.conversions.quality?.r2 ?? null,
          c.conversions.quality?.nrmseHoldout ?? null,
          c.conversions.quality?.mapeHoldout ?? null,
          c.averageDaily,
          c.maxDaily,
          c.conversions.range.from,
          c.conversions.range.to,
        ]),
      },
    ];
    const forecast = data.forecast?.result;
    if (forecast)
      tables.push({
        name: "forecast",
        columns: ["figure", "value", "low_80", "high_80"],
        rows: [
          ["budget", forecast.budget, null, null],
          ["days", forecast.days, null, null],
          estimateRow("impressions", forecast.impressions),
          estimateRow("clicks", forecast.clicks),
          estimateRow("conversions", forecast.conversions),
          estimateRow("revenue", forecast.revenue),
          estimateRow("cpa", forecast.cpa),
          estimateRow("roi", forecast.roi),
          ["marginal_roi", forecast.marginal_roi, null, null],
        ],
      });
    const plan = data.plan?.result;
    if (plan)
      tables.push({
        name: "plan",
        columns: ["channel", "current", "planned", "change", "binding", "reason", "fit_status"],
        rows: plan.channels.map((c) => [
          c.name,
          c.current,
          c.planned,
          c.change,
          c.binding,
          c.reason,
          c.fit_status,
        ]),
      });
    return tables;
  },
};
