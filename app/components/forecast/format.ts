import type { Estimate } from "~/analytics/campaign-forecast";
import { formatDecimal, formatInteger, formatMoney, formatPercentage } from "~/format";

export type { Estimate };

export const money = (v: number | null | undefined) => formatMoney(v, null);
export const count = (v: number | null | undefined) => formatInteger(v);
export const ratio = (v: number | null | undefined, digits = 2) => formatDecimal(v, digits);
export const percent = (v: number | null | undefined) => formatPercentage(v, 0);

/** The level of the forecast's intervals, "80 %" in the reader's language. */
export const intervalLevel = () => formatPercentage(0.8, 0);

/** "1,234 (80 %: 1,100–1,380)" */
export function withInterval(e: Estimate, format: (v: number | null) => string): string {
  if (e.value === null) return "—";
  if (e.low === null || e.high === null) return format(e.value);
  return `${format(e.value)} (${intervalLevel()}: ${format(e.low)}–${format(e.high)})`;
}
