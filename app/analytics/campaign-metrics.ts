/**
 * Campaign measures and the ratios marketers read from them. Every ratio is a quotient of
 * sums (never an average of per-row ratios), and is either a number or the reason it has
 * none: a zero denominator or a missing column. NaN, Infinity or a 0 never stand in for
 * "undefined". Formulas: docs/analytics.md, "Campaign ROI".
 */
import { ExactSum } from "./exact-sum";

export const MEASURES = ["spend", "impressions", "clicks", "conversions", "revenue"] as const;
export type Measure = (typeof MEASURES)[number];

/** One uploaded row's figures; null where the file had no value (or no such column). */
export type MeasureValues = Record<Measure, number | null>;

/** Sums over rows, with how many rows lacked each measure. */
export interface MeasureTotals {
  rows: number;
  /** Σ of the rows that have a value; null when no row has one. */
  sums: Record<Measure, number | null>;
  /** Rows without a value, per measure. */
  missing: Record<Measure, number>;
}

export const RATIOS = ["roi", "roas", "cpa", "cpc", "cpm", "ctr", "cvr"] as const;
export type RatioName = (typeof RATIOS)[number];

export type Ratio = { value: number; reason?: undefined } | { value: null; reason: string };

interface RatioDefinition {
  numerator: Measure;
  denominator: Measure;
  /** The ratio from the two sums; the denominator is never 0 here. */
  of(numerator: number, denominator: number): number;
}

/** Each ratio as numerator and denominator measures, so the bootstrap can reuse them. */
export const RATIO_DEFINITIONS: Record<RatioName, RatioDefinition> = {
  /** Return on investment: (revenue − spend) / spend. */
  roi: { numerator: "revenue", denominator: "spend", of: (rev, spend) => (rev - spend) / spend },
  /** Return on ad spend: revenue / spend. */
  roas: { numerator: "revenue", denominator: "spend", of: (rev, spend) => rev / spend },
  /** Cost per acquisition (conversion): spend / conversions. */
  cpa: { numerator: "spend", denominator: "conversions", of: (spend, conv) => spend / conv },
  /** Cost per click: spend / clicks. */
  cpc: { numerator: "spend", denominator: "clicks", of: (spend, clicks) => spend / clicks },
  /** Cost per thousand impressions: 1000 · spend / impressions. */
  cpm: { numerator: "spend", denominator: "impressions", of: (spend, imp) => (1000 * spend) / imp },
  /** Click-through rate: clicks / impressions. */
  ctr: { numerator: "clicks", denominator: "impressions", of: (clicks, imp) => clicks / imp },
  /** Conversion rate: conversions / clicks. */
  cvr: { numerator: "conversions", denominator: "clicks", of: (conv, clicks) => conv / clicks },
};

/** Sums of the rows' measures, each added exactly (order of rows does not matter). */
export function totalMeasures(rows: readonly MeasureValues[]): MeasureTotals {
  const adders = Object.fromEntries(MEASURES.map((m) => [m, new ExactSum()])) as Record<
    Measure,
    ExactSum
  >;
  const present = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  for (const row of rows) {
    for (const m of MEASURES) {
      const value = row[m];
      if (value === null || !Number.isFinite(value)) continue;
      adders[m].add(value);
      present[m]++;
    }
  }
  const sums = {} as Record<Measure, number | null>;
  const missing = {} as Record<Measure, number>;
  for (const m of MEASURES) {
    sums[m] = present[m] > 0 ? adders[m].value() : null;
    missing[m] = rows.length - present[m];
  }
  return { rows: rows.length, sums, missing };
}

/** Why a measure cannot be used, or null when every row has it. */
function missingReason(totals: MeasureTotals, measure: Measure): string | null {
  const missing = totals.missing[measure];
  if (totals.rows === 0) return "no rows";
  if (missing === totals.rows) return `no ${measure} column (or every ${measure} cell is empty)`;
  if (missing > 0) return `${measure} is missing on ${missing} of ${totals.rows} rows`;
  return null;
}

/** One ratio from totals: a value, or the reason there is none. */
export function ratioOf(name: RatioName, totals: MeasureTotals): Ratio {
  const { numerator, denominator, of } = RATIO_DEFINITIONS[name];
  const reason = missingReason(totals, numerator) ?? missingReason(totals, denominator);
  if (reason) return { value: null, reason };
  const top = totals.sums[numerator] as number;
  const bottom = totals.sums[denominator] as number;
  if (bottom === 0) return { value: null, reason: `zero ${denominator}` };
  return { value: of(top, bottom) };
}

/** Every ratio from totals. */
export function campaignRatios(totals: MeasureTotals): Record<RatioName, Ratio> {
  return Object.fromEntries(RATIOS.map((name) => [name, ratioOf(name, totals)])) as Record<
    RatioName,
    Ratio
  >;
}
