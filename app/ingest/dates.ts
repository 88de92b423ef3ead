/**
 * Date parsing by an explicit format. Times written without a zone are taken as UTC wall
 * time ("floating"): the loader and the reports read them in the workspace's time zone, so
 * "14:00" stays "14:00" whatever server the file was read on.
 */
import { message } from "~/i18n/message-code";

export const dateFormats = [
  "iso",
  "dd.mm.yyyy",
  "dd/mm/yyyy",
  "mm/dd/yyyy",
  "dd-mm-yyyy",
  "dd.mm.yy",
  "dd/mm/yy",
  "mm/dd/yy",
] as const;
export type DateFormat = (typeof dateFormats)[number];

export type ParsedDate =
  | { ok: true; date: Date; hasTime: boolean; iso: string }
  | { ok: false; reason: string };

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?`;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function dayMonthYear(separator: string, yearDigits: 2 | 4): RegExp {
  const sep = separator === "." ? "\\." : separator;
  return new RegExp(`^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{${yearDigits}})${TIME}$`);
}

const LAYOUTS: Record<Exclude<DateFormat, "iso">, { pattern: RegExp; monthFirst: boolean }> = {
  "dd.mm.yyyy": { pattern: dayMonthYear(".", 4), monthFirst: false },
  "dd/mm/yyyy": { pattern: dayMonthYear("/", 4), monthFirst: false },
  "mm/dd/yyyy": { pattern: dayMonthYear("/", 4), monthFirst: true },
  "dd-mm-yyyy": { pattern: dayMonthYear("-", 4), monthFirst: false },
  "dd.mm.yy": { pattern: dayMonthYear(".", 2), monthFirst: false },
  "dd/mm/yy": { pattern: dayMonthYear("/", 2), monthFirst: false },
  "mm/dd/yy": { pattern: dayMonthYear("/", 2), monthFirst: true },
};

/** Two-digit years follow the spreadsheet convention: 00–29 are 2000s, 30–99 are 1900s. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
  hasTime: boolean;
}

/** Builds the instant, or null when a part is out of range (31.02, 24:61, month 13). */
function toDate(p: Parts): Date | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) {
    return null;
  }
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March; a round trip catches that.
  if (date.getUTCDate() !== p.day || date.getUTCMonth() !== p.month - 1) return null;
  if (p.year !== date.getUTCFullYear()) return null;
  return new Date(utc - p.offsetMinutes * 60_000);
}

/** A zone as the ISO pattern accepts it, written right after the time: "Z", "+03", "+0300", "+03:00". */
const ZONE = /^(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function parseOffset(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function isoParts(text: string): Parts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const fraction = (m[7] ?? "").padEnd(3, "0").slice(0, 3);
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Number(fraction),
    offsetMinutes: parseOffset(m[8]),
    hasTime: m[4] !== undefined,
  };
}

function layoutParts(text: string, format: Exclude<DateFormat, "iso">): Parts | null {
  const { pattern, monthFirst } = LAYOUTS[format];
  const m = pattern.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  const yearText = m[3] ?? "";
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  return {
    year: yearText.length === 2 ? expandTwoDigitYear(Number(yearText)) : Number(yearText),
    month: monthFirst ? first : second,
    day: monthFirst ? second : first,
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: 0,
    offsetMinutes: 0,
    hasTime: m[4] !== undefined,
  };
}

/**
 * Parses `text` written in `format`. Date-only values give "yyyy-mm-dd" in `iso`; values
 * with a time give the full UTC ISO string. Impossible dates are refused with a reason a
 * marketer can act on.
 */
export function parseDate(text: string, format: DateFormat): ParsedDate {
  const trimmed = text.trim();
  const parts = format === "iso" ? isoParts(trimmed) : layoutParts(trimmed, format);
  const date = parts ? toDate(parts) : null;
  if (!parts || !date) {
    return {
      ok: false,
      reason: message("messages:ingest.cell.notDate", { text: trimmed, format }),
    };
  }
  const iso = parts.hasTime ? date.toISOString() : date.toISOString().slice(0, 10);
  return { ok: true, date, hasTime: parts.hasTime, iso };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Two ASCII digits at `at` as a number, or −1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Minutes east of UTC of a zone written "Z", "+03:00", "+0300" or "+03", or undefined. */
function plainZoneMinutes(zone: string): number | undefined {
  if (zone === "") return 0;
  return ZONE.test(zone) ? parseOffset(zone) : undefined;
}

/**
 * "2025-03-05", "2025-03-05 14:30" or "2025-03-05T14:30:05", optionally with a zone ("Z",
 * "+03:00"): the shapes of nearly every ISO cell, read by position. Anything else gives
 * undefined and is read by parseDate. Null: the shape fits but the date does not exist.
 */
function plainIsoToMs(text: string): number | null | undefined {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const separator = text.charCodeAt(10);
  const hasTime =
    text.length >= 16 &&
    (separator === 32 || separator === 84 || separator === 116) &&
    text.charCodeAt(13) === 58;
  const hasSeconds = hasTime && text.charCodeAt(16) === 58;
  const zone = plainZoneMinutes(text.slice(hasSeconds ? 19 : hasTime ? 16 : 10));
  if (zone === undefined) return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = hasTime ? twoDigits(text, 11) : 0;
  const minute = hasTime ? twoDigits(text, 14) : 0;
  const second = hasSeconds ? twoDigits(text, 17) : 0;
  if (century < 1 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
    return undefined;
  }
  const year = century * 100 + yy;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second) - zone * 60_000;
}

/**
 * The instant `text` names in `format`, in epoch milliseconds (what the transactions
 * table stores), or null when it is not a valid date: the instant of parseDate, without
 * building a Date and an ISO string on the way for the common ISO shapes.
 */
export function dateToMs(text: string, format: DateFormat): number | null {
  if (format === "iso") {
    const plain = plainIsoToMs(text);
    if (plain !== undefined) return plain;
  }
  const parsed = parseDate(text, format);
  return parsed.ok ? parsed.date.getTime() : null;
}
