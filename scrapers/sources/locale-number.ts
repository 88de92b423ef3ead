/**
 * Numbers as pages print them in different locales: "1,234.5", "1.234,5", "1 234,5",
 * "12'345". Pure.
 *
 * Why not Intl: Intl formats numbers but cannot parse them, and a page's locale is often
 * unknown. The rules below read both conventions. The one true ambiguity is a single
 * separator followed by exactly three digits ("1,234" or "1.234"): for counts it is taken
 * as digit grouping (a count has no fraction); for decimals a single "." is taken as the
 * decimal mark and a single "," as grouping, unless the caller names the decimal mark.
 */

export type DecimalMark = "." | ",";

export interface LocaleNumberOptions {
  /** "count": the number is a whole count unless a suffix (K, млн…) follows it. */
  kind: "count" | "decimal";
  /** True when an abbreviation follows, which makes a single separator a decimal mark. */
  hasSuffix?: boolean;
  decimalMark?: DecimalMark;
}

// Spaces of every kind and apostrophes only ever group digits.
const GROUPING_ONLY = /[\s\u00a0\u202f\u2009']/g;

function decimalMarkFor(digits: string, options: LocaleNumberOptions): DecimalMark | undefined {
  if (options.decimalMark) return options.decimalMark;
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const mark: DecimalMark | undefined = lastDot >= 0 ? "." : lastComma >= 0 ? "," : undefined;
  if (!mark) return undefined;
  if (digits.split(mark).length > 2) return undefined; // "1.234.567": grouping only
  if (options.hasSuffix) return mark;
  const threeDigitsAfter = /^\d+[.,]\d{3}$/.test(digits);
  if (!threeDigitsAfter) return mark;
  if (options.kind === "count") return undefined;
  return mark === "." ? "." : undefined;
}

/** The number in `text`, or undefined if it is not a plain (optionally negative) number. */
export function parseLocaleNumber(text: string, options: LocaleNumberOptions): number | undefined {
  const trimmed = text.trim();
  const negative = /^[-\u2212]/.test(trimmed);
  const digits = trimmed.replace(/^[-\u2212+]/, "").replace(GROUPING_ONLY, "");
  if (!/^\d[\d.,]*$/.test(digits) || /[.,]$/.test(digits)) return undefined;
  const mark = decimalMarkFor(digits, options);
  const markAt = mark ? digits.lastIndexOf(mark) : -1;
  const whole = markAt >= 0 ? digits.slice(0, markAt) : digits;
  const fraction = markAt >= 0 ? digits.slice(markAt + 1) : "";
  // Grouping separators only ever split off groups of three digits: "1.2.3" is no number.
  if (!/^\d+$/.test(whole) && !/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(whole)) return undefined;
  if (markAt >= 0 && !/^\d+$/.test(fraction)) return undefined;
  const plain = `${whole.replace(/[.,]/g, "")}${markAt >= 0 ? `.${fraction}` : ""}`;
  const value = Number(plain);
  return negative ? -value : value;
}
