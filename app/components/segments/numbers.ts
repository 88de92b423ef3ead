/** Number formats of the segment pages: the locale-aware ones of ~/format. */
import { formatDecimal, formatPercentage } from "~/format";

export { formatDecimal };

/** 0.4739 → "47.4 %" (with a no-break space, so the sign never wraps onto its own line). */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  return formatPercentage(share, digits);
}

/** A signed relative difference, 0.25 → "+25 %", −0.1 → "−10 %". */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return "—";
  return `${change > 0 ? "+" : ""}${formatPercentage(change, 0)}`;
}
