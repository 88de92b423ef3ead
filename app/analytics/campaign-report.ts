/**
 * Campaign figures grouped by channel, campaign, product or period, with totals. Rows are
 * either daily (a date) or totals for a whole campaign (no date). Sums are exact
 * (exact-sum.ts), so totals equal the sums of the rows whatever their order. Where all of a
 * group's rows are daily, each ratio gets a block-bootstrap interval over the group's days.
 */
import {
  type BootstrapInterval,
  type BootstrapOptions,
  blockBootstrapIntervals,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
} from "./block-bootstrap";
import {
  campaignRatios,
  MEASURES,
  type MeasureTotals,
  type MeasureValues,
  RATIO_DEFINITIONS,
  RATIOS,
  type Ratio,
  type RatioName,
  totalMeasures,
} from "./campaign-metrics";
import { type Granularity, periodKey, periodStart } from "./campaign-periods";

export interface CampaignRowInput extends MeasureValues {
  campaignKey: string;
  name: string | null;
  channel: string | null;
  product: string | null;
  /** YYYY-MM-DD for a daily row, "" for a whole-campaign (totals) row. */
  date: string;
}

export type GroupBy = "channel" | "campaign" | "product" | Granularity;

/** The group of rows without a channel / product, or of totals rows in a period grouping. */
export const NO_VALUE_LABEL = {
  channel: "(no channel)",
  product: "(no product)",
  period: "(totals rows, no day)",
} as const;

export type GroupIntervals =
  | { level: number; resamples: number; days: number; ratios: Record<RatioName, BootstrapInterval> }
  | { reason: string };

export interface GroupFigures {
  key: string;
  label: string;
  totals: MeasureTotals;
  dailyRows: number;
  totalsRows: number;
  /** Distinct days of the daily rows. */
  days: number;
  ratios: Record<RatioName, Ratio>;
  intervals: GroupIntervals;
}

export interface ReportOptions extends BootstrapOptions {
  /** False skips the bootstrap (e.g. for per-day drill-down rows). */
  intervals?: boolean;
}

/** The group a row falls in: its key and the label shown for it. */
export function groupOf(row: CampaignRowInput, by: GroupBy): { key: string; label: string } {
  switch (by) {
    case "campaign":
      return { key: row.campaignKey, label: row.name ?? row.campaignKey };
    case "channel":
      return row.channel
        ? { key: row.channel, label: row.channel }
        : { key: "", label: NO_VALUE_LABEL.channel };
    case "product":
      return row.product
        ? { key: row.product, label: row.product }
        : { key: "", label: NO_VALUE_LABEL.product };
    default: {
      if (!row.date) return { key: "", label: NO_VALUE_LABEL.period };
      const key = periodKey(row.date, by);
      return { key, label: key };
    }
  }
}

/** FNV-1a of the group key, mixed into the seed: a group's interval does not depend on the others. */
function keySeed(seed: number, key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ seed) | 0;
}

/** Per-day sums of the daily rows, in date order: the units the bootstrap resamples. */
function dailySums(rows: readonly CampaignRowInput[]): Float64Array[] {
  const byDay = new Map<string, Float64Array>();
  for (const row of rows) {
    if (!row.date) continue;
    let sums = byDay.get(row.date);
    if (!sums) {
      sums = new Float64Array(MEASURES.length);
      byDay.set(row.date, sums);
    }
    MEASURES.forEach((m, i) => {
      const day = sums as Float64Array;
      day[i] = (day[i] as number) + (row[m] ?? 0);
    });
  }
  return [...byDay.keys()].sort().map((day) => byDay.get(day) as Float64Array);
}

function intervalsOf(
  rows: readonly CampaignRowInput[],
  ratios: Record<RatioName, Ratio>,
  days: Float64Array[],
  seed: number,
  options: ReportOptions,
): GroupIntervals {
  const totalsRows = rows.filter((row) => !row.date).length;
  if (totalsRows > 0) {
    return {
      reason: `${totalsRows} of ${rows.length} rows are campaign totals without days; intervals need daily rows`,
    };
  }
  const index = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<string, number>;
  const sums = new Float64Array(MEASURES.length);
  const results = blockBootstrapIntervals(
    days.length,
    RATIOS.length,
    (indices) => {
      sums.fill(0);
      for (const d of indices) {
        const day = days[d] as Float64Array;
        for (let m = 0; m < sums.length; m++) sums[m] = (sums[m] as number) + (day[m] as number);
      }
      return RATIOS.map((name) => {
        const { numerator, denominator, of } = RATIO_DEFINITIONS[name];
        const bottom = sums[index[denominator] as number] as number;
        return bottom === 0 ? null : of(sums[index[numerator] as number] as number, bottom);
      });
    },
    { ...options, seed },
  );
  const byRatio = {} as Record<RatioName, BootstrapInterval>;
  RATIOS.forEach((name, i) => {
    const ratio = ratios[name];
    // A ratio without a value (missing column, zero denominator) has no interval either.
    byRatio[name] =
      ratio.value === null
        ? { low: null, high: null, reason: ratio.reason }
        : (results[i] as BootstrapInterval);
  });
  return {
    level: options.level ?? DEFAULT_LEVEL,
    resamples: options.resamples ?? DEFAULT_RESAMPLES,
    days: days.length,
    ratios: byRatio,
  };
}

/** Figures of one set of rows (a group, or all rows for the totals). */
export function figuresOf(
  key: string,
  label: string,
  rows: readonly CampaignRowInput[],
  options: ReportOptions = {},
): GroupFigures {
  const totals = totalMeasures(rows);
  const ratios = campaignRatios(totals);
  const days = dailySums(rows);
  const totalsRows = rows.filter((row) => !row.date).length;
  return {
    key,
    label,
    totals,
    dailyRows: rows.length - totalsRows,
    totalsRows,
    days: days.length,
    ratios,
    intervals:
      options.intervals === false
        ? { reason: "intervals not computed for this view" }
        : intervalsOf(rows, ratios, days, keySeed(options.seed ?? DEFAULT_SEED, key), options),
  };
}

export interface CampaignReport {
  by: GroupBy;
  groups: GroupFigures[];
  totals: GroupFigures;
}

const isPeriod = (by: GroupBy) => by === "day" || by === "week" || by === "month";

/**
 * Groups with their figures and the totals of all rows. Period groups come in time order
 * (totals rows last); other groups by spend, largest first, then by label.
 */
export function campaignReport(
  rows: readonly CampaignRowInput[],
  by: GroupBy,
  options: ReportOptions = {},
): CampaignReport {
  const groups = new Map<string, { label: string; rows: CampaignRowInput[] }>();
  for (const row of rows) {
    const { key, label } = groupOf(row, by);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { label, rows: [row] });
  }
  const figures = [...groups.entries()].map(([key, group]) =>
    figuresOf(key, group.label, group.rows, options),
  );
  if (isPeriod(by)) {
    figures.sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.key.localeCompare(b.key)));
  } else {
    figures.sort(
      (a, b) =>
        (b.totals.sums.spend ?? 0) - (a.totals.sums.spend ?? 0) || a.label.localeCompare(b.label),
    );
  }
  return { by, groups: figures, totals: figuresOf("", "Total", rows, options) };
}

export interface PeriodPoint {
  /** First day of the period (YYYY-MM-DD), for a time axis. */
  start: string;
  key: string;
  spend: number | null;
  revenue: number | null;
}

/** Spend and revenue per period of the daily rows, in time order (totals rows have no day). */
export function spendRevenueSeries(
  rows: readonly CampaignRowInput[],
  granularity: Granularity,
): PeriodPoint[] {
  const periods = new Map<string, CampaignRowInput[]>();
  for (const row of rows) {
    if (!row.date) continue;
    const start = periodStart(row.date, granularity);
    const list = periods.get(start);
    if (list) list.push(row);
    else periods.set(start, [row]);
  }
  return [...periods.keys()].sort().map((start) => {
    const list = periods.get(start) as CampaignRowInput[];
    const { sums } = totalMeasures(list);
    return {
      start,
      key: periodKey(start, granularity),
      spend: sums.spend,
      revenue: sums.revenue,
    };
  });
}
