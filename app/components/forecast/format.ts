import type { Estimate } from "~/analytics/campaign-forecast";
import { formatInteger, formatMoney } from "~/format";

export type { Estimate };

export const money = (v: number | null | undefined) => formatMoney(v, null);
export const count = (v: number | null | undefined) => formatInteger(v);
export const ratio = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(digits);
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(0)}\u00a0%`;

/** "1,234 (80 %: 1,100–1,380)" */
export function withInterval(e: Estimate, format: (v: number | null) => string): string {
  if (e.value === null) return "—";
  if (e.low === null || e.high === null) return format(e.value);
  return `${format(e.value)} (80\u00a0%: ${format(e.low)}–${format(e.high)})`;
}
