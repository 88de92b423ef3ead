/**
 * The Campaigns page's figures and the `campaigns roi` command's JSON: campaign rows of
 * the range grouped, with totals, exact sums and bootstrap intervals on daily rows.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { BootstrapInterval } from "~/analytics/block-bootstrap";
import { RATIOS, type RatioName } from "~/analytics/campaign-metrics";
import type { Granularity } from "~/analytics/campaign-periods";
import {
  type CampaignReport,
  campaignReport,
  type GroupBy,
  type GroupFigures,
  type PeriodPoint,
  spendRevenueSeries,
} from "~/analytics/campaign-report";
import { type DateRange, readCampaignRows } from "./campaign-rows.server";

export interface RoiReport {
  range: DateRange;
  report: CampaignReport;
  rowsRead: number;
  totalsRowsOutsideRange: number;
  totalsRowsSuperseded: number;
}

function reportOf(
  read: ReturnType<typeof readCampaignRows>,
  range: DateRange,
  by: GroupBy,
): RoiReport {
  return {
    range,
    report: campaignReport(read.rows, by),
    rowsRead: read.rows.length,
    totalsRowsOutsideRange: read.totalsRowsOutsideRange,
    totalsRowsSuperseded: read.totalsRowsSuperseded,
  };
}

export function roiReport(scope: WorkspaceScope, range: DateRange, by: GroupBy): RoiReport {
  return reportOf(readCampaignRows(scope, range), range, by);
}

export interface CampaignPage {
  /** ROI and the other ratios by the chosen breakdown, with intervals. */
  breakdown: RoiReport;
  /** Per channel, for the share of spend against share of revenue. */
  channels: GroupFigures[];
  /** Per campaign, for the sortable table. */
  campaigns: GroupFigures[];
  series: PeriodPoint[];
}

/** Everything the Campaigns page shows, from one read of the rows. */
export function campaignPage(
  scope: WorkspaceScope,
  range: DateRange,
  by: GroupBy,
  granularity: Granularity,
): CampaignPage {
  const read = readCampaignRows(scope, range);
  const breakdown = reportOf(read, range, by);
  return {
    breakdown,
    channels:
      by === "channel" ? breakdown.report.groups : campaignReport(read.rows, "channel").groups,
    campaigns:
      by === "campaign" ? breakdown.report.groups : campaignReport(read.rows, "campaign").groups,
    series: spendRevenueSeries(read.rows, granularity),
  };
}

/** One campaign's days in the range (no intervals: a day is one observation). */
export function campaignDays(scope: WorkspaceScope, range: DateRange, campaignKey: string) {
  const { rows } = readCampaignRows(scope, range, campaignKey);
  if (rows.length === 0) return null;
  const all = campaignReport(rows, "campaign");
  return {
    campaign: all.totals,
    label: all.groups[0]?.label ?? campaignKey,
    days: campaignReport(rows, "day", { intervals: false }).groups,
  };
}

type JsonInterval = { low: number; high: number };

/** A group as the CLI prints it: undefined ratios are null with a reason in `reasons`. */
export function groupJson(group: GroupFigures, keyName?: string) {
  const ratios = {} as Record<RatioName, number | null>;
  const reasons: Partial<Record<RatioName, string>> = {};
  for (const name of RATIOS) {
    const ratio = group.ratios[name];
    ratios[name] = ratio.value;
    if (ratio.value === null) reasons[name] = ratio.reason;
  }
  const intervals = group.intervals;
  let interval: Partial<Record<RatioName, JsonInterval>> | undefined;
  let intervalReason: string | undefined;
  if ("ratios" in intervals) {
    interval = {};
    let firstReason: string | undefined;
    for (const name of RATIOS) {
      const found: BootstrapInterval = intervals.ratios[name];
      if (found.low !== null) interval[name] = { low: found.low, high: found.high };
      else firstReason ??= found.reason;
    }
    // No ratio has an interval (e.g. too few days): say why once instead of an empty object.
    if (Object.keys(interval).length === 0) {
      interval = undefined;
      intervalReason = firstReason;
    }
  } else intervalReason = intervals.reason;
  return {
    ...(keyName ? { [keyName]: group.key || null, label: group.label } : {}),
    ...group.totals.sums,
    ...ratios,
    reasons,
    ...(interval
      ? {
          interval,
          interval_level: "level" in intervals ? intervals.level : undefined,
          interval_days: "days" in intervals ? intervals.days : undefined,
        }
      : {}),
    ...(intervalReason ? { interval_reason: intervalReason } : {}),
    rows: group.totals.rows,
    daily_rows: group.dailyRows,
    totals_rows: group.totalsRows,
  };
}

/** The `campaigns roi` JSON. */
export function roiJson(result: RoiReport) {
  return {
    from: result.range.from ?? null,
    to: result.range.to ?? null,
    by: result.report.by,
    rows: result.report.groups.map((group) => groupJson(group, result.report.by)),
    totals: groupJson(result.report.totals),
    rows_read: result.rowsRead,
    totals_rows_outside_range: result.totalsRowsOutsideRange,
    totals_rows_superseded: result.totalsRowsSuperseded,
  };
}
