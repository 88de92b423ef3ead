/**
 * Reading one metric's text as a typed value: integer (with abbreviations), decimal,
 * percent, duration and date. Pure; undefined means "this text is not such a value".
 *
 * Why here and not in each adapter: custom sources let a user pick a type per metric, and
 * the site-statistics adapter reads durations and percentages the same way.
 */
import { parseAbbreviatedCount } from "./abbreviated-count";
import { type DecimalMark, parseLocaleNumber } from "./locale-number";
import { tidy } from "./periods";

export const VALUE_TYPES = ["integer", "decimal", "percent", "duration", "date"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Currency signs, units and words around a number are not part of it. */
function numberIn(text: string): string {
  return text.replace(/^[^\d\-\u2212]+|[^\d]+$/g, "");
}

/**
 * A count inside a label: "Followers: 48.2K", "1,2 тыс. подписчиков", "12 345 views".
 * Words after the number are dropped one at a time until what is left reads as a count.
 */
export function parseCount(text: string): number | undefined {
  const start = text.search(/\d/);
  if (start < 0) return undefined;
  const words = text.slice(start).trim().split(/\s+/);
  for (let keep = words.length; keep >= 1; keep -= 1) {
    const count = parseAbbreviatedCount(words.slice(0, keep).join(" "));
    if (count !== undefined) return count;
  }
  return undefined;
}

export function parseDecimal(text: string, decimalMark?: DecimalMark): number | undefined {
  return parseLocaleNumber(numberIn(text), { kind: "decimal", decimalMark });
}

/** "42,3 %" → 0.423: percentages are stored as fractions. */
export function parsePercent(text: string, decimalMark?: DecimalMark): number | undefined {
  if (!text.includes("%")) return undefined;
  const value = parseDecimal(text.replace("%", ""), decimalMark);
  return value === undefined ? undefined : tidy(value / 100);
}

const DURATION_UNITS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/** "04:05", "1:02:03", "1h 2m", "2 min 5 sec" → seconds. */
export function parseDuration(text: string): number | undefined {
  const normal = text.trim().toLowerCase();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(normal);
  if (clock) {
    const [, hours = "0", minutes = "0", seconds = "0"] = clock;
    if (Number(seconds) > 59 || (clock[1] !== undefined && Number(minutes) > 59)) return undefined;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  }
  const parts = [
    ...normal.matchAll(/(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/g),
  ];
  const consumed = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || consumed.replace(/\s/g, "") !== normal.replace(/\s/g, "")) {
    return undefined;
  }
  let total = 0;
  for (const [, amount = "", unit = ""] of parts) {
    total += Number(amount.replace(",", ".")) * (DURATION_UNITS[unit.charAt(0)] ?? 0);
  }
  return tidy(total);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** "2026-11-20", "2026-11-20T10:00:00Z", "20.11.2026", "Nov 20, 2026", "20 November 2026". */
export function parseDate(text: string): string | undefined {
  const normal = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(normal);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(normal);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(normal);
  if (m) return isoDay(Number(m[3]), MONTHS.indexOf(m[1]?.toLowerCase() ?? "") + 1, Number(m[2]));
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(normal);
  if (m) return isoDay(Number(m[3]), MONTHS.indexOf(m[2]?.toLowerCase() ?? "") + 1, Number(m[1]));
  return undefined;
}

export type ParsedValue =
  | { value: number; textValue?: undefined }
  | { value: null; textValue: string };

/** Dates become text ("2026-11-20"); every other type a number. */
export function parseTypedValue(
  text: string,
  type: ValueType,
  decimalMark?: DecimalMark,
): ParsedValue | undefined {
  if (type === "date") {
    const day = parseDate(text);
    return day === undefined ? undefined : { value: null, textValue: day };
  }
  const value =
    type === "integer"
      ? parseCount(text)
      : type === "decimal"
        ? parseDecimal(text, decimalMark)
        : type === "percent"
          ? parsePercent(text, decimalMark)
          : parseDuration(text);
  return value === undefined ? undefined : { value };
}
