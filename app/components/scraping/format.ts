/** Number formats for scraped figures, the same on the server and in the browser. */
import { activeLocale, formatDecimal, formatInteger, formatPercentage } from "~/format";
import type { MetricKind } from "~/scraping/metric-kinds";

/**
 * 0.4231 → "42.3 %" (rates and shares are stored as fractions); "%42,3" in Turkish and
 * "42,3 %" in Russian. English keeps the plain space it always had (tests and saved
 * screenshots read it); the other languages are written as ~/format writes percentages.
 */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  if (activeLocale() !== "en") return formatPercentage(fraction, digits);
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** 245 → "4 min 05 s". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return minutes > 0 ? `${minutes} min ${rest} s` : `${whole} s`;
}

/** Counts as integers with separators; small fractional figures with two decimals. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Math.abs(value) >= 100 || Number.isInteger(value)
    ? formatInteger(value)
    : formatDecimal(value, 2);
}

/**
 * A figure as its kind says: percents (stored as fractions) like the bounce rate, 0.034 →
 * "3.4 %"; durations (seconds) like the visit duration; other numbers as formatFigure.
 */
export function formatMetric(value: number | null | undefined, kind: MetricKind | null): string {
  if (kind === "percent") return formatPercent(value);
  if (kind === "duration") return formatSeconds(value);
  return formatFigure(value);
}

/** +0.25 → "+25.0 %". */
export function formatGrowth(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return "—";
  return `${fraction >= 0 ? "+" : ""}${formatPercent(fraction)}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
