/** Number formats of the segment pages; like ~/format, the same text on server and browser. */

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1234.5 → "1,234.50" with `digits` decimals; "—" for missing or non-finite values. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const [whole = "0", fraction] = Math.abs(value).toFixed(digits).split(".");
  const sign = value < 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? "−" : "";
  return `${sign}${group(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** 0.4739 → "47.4 %" (with a no-break space, so the sign never wraps onto its own line). */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${formatDecimal(share * 100, digits)}\u00a0%`;
}

/** A signed relative difference, 0.25 → "+25 %", −0.1 → "−10 %". */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return "—";
  return `${change > 0 ? "+" : ""}${formatPercent(change, 0)}`;
}
