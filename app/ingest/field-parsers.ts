/**
 * One zod schema per kind of cell: a mapped cell ({ column, raw }) in, a typed value or
 * null (empty cell) out, or an issue whose message a marketer can act on.
 */

import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { message } from "~/i18n/message-code";
import { detectDateFormat } from "./date-detect";
import { type DateFormat, parseDate } from "./dates";
import { foldWord } from "./normalise";
import { type DecimalMark, parseNumber } from "./numbers";

export interface CellContext {
  decimalMark: DecimalMark;
  /** Date format of each date column, by original header. */
  dateFormats: Readonly<Record<string, DateFormat>>;
  /** Country assumed for phone numbers written without a country code. */
  defaultCountry: CountryCode;
  /**
   * Where lenient cells note what they left empty. `validateRow` empties it before each row
   * and takes what a kept row gathered; absent where no cell is lenient (the sales lane).
   */
  warnings?: CellIssue[];
}

/**
 * A cell left empty although its row is kept (see `lenient`): the column (or, from a check
 * across cells, the field), the text as written, and why in plain words.
 */
export type CellIssue = ({ column: string } | { field: string }) & {
  value: string;
  reason: string;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const MISSING = new Set([
  "",
  "-",
  "—",
  "–",
  "n/a",
  "na",
  "null",
  "none",
  "nan",
  "#n/a",
  "нет данных",
]);

/** Cells that mean "no value" in every column, whatever the field. */
export function isMissing(raw: string): boolean {
  if (raw === "") return true;
  if (CANNOT_BE_MISSING.test(raw)) return false;
  return MISSING.has(foldWord(raw));
}

/**
 * Every marker above starts with a dash, "#", "n"/"н" or nothing; a cell starting with a
 * digit or another Latin letter is a value. Checking this first keeps the hot path of an
 * import (millions of cells) away from folding every cell.
 */
const CANNOT_BE_MISSING = /^\s*[0-9A-MO-Za-mo-z]/;

const cellInput = z.object({ column: z.string(), raw: z.string() }).optional();

/** A parser of trimmed, non-empty text; `column` is the header as written in the file. */
export type CellParser<T> = (text: string, column: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Wraps a parser of trimmed, non-empty text into a cell schema. */
export function cell<T>(parse: CellParser<T>) {
  return cellInput.transform((input, ctx): T | null => {
    if (!input || isMissing(input.raw)) return null;
    const result = parse(input.raw.trim(), input.column);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  });
}

/**
 * A cell schema for a cell that does not identify its row (a birth year, a city, an
 * attribute): a value it cannot read, or cannot believe, becomes an empty cell and a warning
 * in `context.warnings` instead of rejecting the row (issue 9, point 4).
 */
export function lenient<T>(context: CellContext, parse: CellParser<T>) {
  return cellInput.transform((input, ctx): T | null => {
    if (!input || isMissing(input.raw)) return null;
    const text = input.raw.trim();
    const result = parse(text, input.column);
    if (result.ok) return result.value;
    if (!context.warnings) {
      ctx.addIssue({ code: "custom", message: result.reason });
      return z.NEVER;
    }
    context.warnings.push({ column: input.column, value: input.raw, reason: result.reason });
    return null;
  });
}

/** Notes a warning about a field of the row (a check across cells); see CellIssue. */
export function fieldWarning(context: CellContext, field: string, value: string, reason: string) {
  context.warnings?.push({ field, value, reason });
}

const MAX_TEXT = 1000;
export const parseText: CellParser<string> = (text) =>
  text.length <= MAX_TEXT
    ? ok(text)
    : fail(message("messages:ingest.cell.textTooLong", { max: MAX_TEXT }));
export const textCell = () => cell(parseText);

const emailFormat = z.email({ pattern: z.regexes.unicodeEmail });
export const parseEmail: CellParser<string> = (text) => {
  const email = text.toLowerCase();
  return emailFormat.safeParse(email).success
    ? ok(email)
    : fail(message("messages:ingest.cell.emailInvalid", { text }));
};
export const emailCell = () => cell(parseEmail);

export const phoneParser =
  (context: CellContext): CellParser<string> =>
  (text) => {
    const phone = parsePhoneNumberFromString(text, context.defaultCountry);
    return phone?.isValid()
      ? ok(phone.number as string)
      : fail(message("messages:ingest.cell.phoneInvalid", { text }));
  };
export const phoneCell = (context: CellContext) => cell(phoneParser(context));

/** `notKey`: the message key of the reason ("messages:ingest.cell.notYesNo"), given the text. */
function wordParser<T extends string | boolean>(
  words: Record<string, T>,
  notKey: string,
): CellParser<T> {
  return (text) => {
    const folded = foldWord(text);
    return Object.hasOwn(words, folded) ? ok(words[folded] as T) : fail(message(notKey, { text }));
  };
}
function wordCell<T extends string | boolean>(words: Record<string, T>, notKey: string) {
  return cell(wordParser(words, notKey));
}

const YES = ["yes", "y", "true", "1", "evet", "e", "var", "да", "д", "x", "on"];
const NO = ["no", "n", "false", "0", "hayir", "h", "yok", "нет", "н", "off"];
export const booleanCell = () =>
  wordCell<boolean>(
    Object.fromEntries([...YES.map((w) => [w, true]), ...NO.map((w) => [w, false])]),
    "messages:ingest.cell.notYesNo",
  );

const GENDERS: Record<string, "female" | "male" | "other"> = {};
for (const word of [
  "f",
  "female",
  "woman",
  "w",
  "k",
  "kadin",
  "bayan",
  "ж",
  "жен",
  "женский",
  "женщина",
]) {
  GENDERS[word] = "female";
}
for (const word of ["m", "male", "man", "e", "erkek", "bay", "м", "муж", "мужской", "мужчина"]) {
  GENDERS[word] = "male";
}
for (const word of ["other", "diverse", "non binary", "diger", "другой", "иное"])
  GENDERS[word] = "other";
export const parseGender = wordParser(GENDERS, "messages:ingest.cell.notGender");
export const genderCell = () => cell(parseGender);

const SOURCES: Record<string, string> = {};
for (const word of [
  "online",
  "web",
  "e commerce",
  "ecommerce",
  "internet",
  "cevrimici",
  "онлайн",
]) {
  SOURCES[word] = "online";
}
for (const word of ["offline", "store", "shop", "magaza", "cevrimdisi", "офлайн", "магазин"]) {
  SOURCES[word] = "offline";
}
/** Distinct source texts remembered; a file has a handful, so this bound is never reached. */
const MAX_REMEMBERED_SOURCES = 1000;
const sourceByText = new Map<string, Parsed<string>>();

/** "online", "offline", or the source's own name as written (folding is costly: memoised). */
export const parseSource: CellParser<string> = (text) => {
  let parsed = sourceByText.get(text);
  if (!parsed) {
    parsed = ok(SOURCES[foldWord(text)] ?? text);
    if (sourceByText.size >= MAX_REMEMBERED_SOURCES) sourceByText.clear();
    sourceByText.set(text, parsed);
  }
  return parsed;
};
export const sourceCell = () => cell(parseSource);

export const dateParser =
  (context: CellContext, withTime: boolean): CellParser<string> =>
  (text, column) => {
    const format = context.dateFormats[column] ?? unambiguousFormat(text);
    if (!format) return fail(message("messages:ingest.cell.dateFormatAmbiguous", { column, text }));
    const parsed = parseDate(text, format);
    if (!parsed.ok) return parsed;
    // parseDate's own text already has the shape wanted when the cell's time matches.
    if (withTime === parsed.hasTime) return ok(parsed.iso);
    return ok(withTime ? parsed.date.toISOString() : parsed.date.toISOString().slice(0, 10));
  };
export const dateCell = (context: CellContext, withTime: boolean) =>
  cell(dateParser(context, withTime));

/** For a column whose format was not settled from the sample: the one format this value fits. */
function unambiguousFormat(text: string): DateFormat | undefined {
  const detected = detectDateFormat([text]);
  return detected.status === "detected" ? detected.format : undefined;
}

interface NumberRules {
  min?: number;
  integer?: boolean;
  allowMagnitude?: boolean;
}

function readNumber(text: string, context: CellContext, rules: NumberRules): Parsed<number> {
  const parsed = parseNumber(text, context.decimalMark, { allowMagnitude: rules.allowMagnitude });
  if (!parsed.ok) return parsed;
  if (rules.integer && !Number.isInteger(parsed.value))
    return fail(message("messages:ingest.cell.notWholeNumber", { text }));
  if (rules.min !== undefined && parsed.value < rules.min) {
    return fail(message("messages:ingest.cell.belowMin", { text, min: rules.min }));
  }
  return ok(parsed.value);
}

export const numberParser =
  (context: CellContext, rules: NumberRules = {}): CellParser<number> =>
  (text) =>
    readNumber(text, context, rules);
export const numberCell = (context: CellContext, rules: NumberRules = {}) =>
  cell(numberParser(context, rules));

export interface Money {
  value: number;
  currency: string | null;
}

/** A number with the currency its text named ("₺12,50" → 12.5, TRY), for money fields. */
export const moneyParser =
  (context: CellContext): CellParser<Money> =>
  (text) => {
    const parsed = parseNumber(text, context.decimalMark);
    return parsed.ok ? ok({ value: parsed.value, currency: parsed.currency }) : parsed;
  };
export const moneyCell = (context: CellContext) => cell(moneyParser(context));

/** Births before this year are taken for typos (1893 for 1983), not for customers. */
export const EARLIEST_BIRTH_YEAR = 1900;

/** A birth year a customer can have: from 1900 to this year. */
export const birthYearParser =
  (context: CellContext): CellParser<number> =>
  (text) => {
    const year = readNumber(text, context, { integer: true });
    if (!year.ok) return fail(message("messages:ingest.cell.birthYearNotWhole", { text }));
    if (year.value < EARLIEST_BIRTH_YEAR) {
      return fail(
        message("messages:ingest.cell.birthYearBefore", {
          year: year.value,
          earliest: EARLIEST_BIRTH_YEAR,
        }),
      );
    }
    if (year.value > new Date().getUTCFullYear()) {
      return fail(message("messages:ingest.cell.birthYearFuture", { year: year.value }));
    }
    return year;
  };

/** A birth date a customer can have: a date from 1900 to today. */
export const birthDateParser = (context: CellContext): CellParser<string> => {
  const readDate = dateParser(context, false);
  return (text, column) => {
    const date = readDate(text, column);
    if (!date.ok) return date;
    if (Number(date.value.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
      return fail(
        message("messages:ingest.cell.birthDateBefore", {
          date: date.value,
          earliest: EARLIEST_BIRTH_YEAR,
        }),
      );
    }
    if (date.value > new Date().toISOString().slice(0, 10)) {
      return fail(message("messages:ingest.cell.birthDateFuture", { date: date.value }));
    }
    return date;
  };
};

/**
 * An amount that cannot be below zero (income, a price): `negativeKey` is the message key
 * of the reason ("messages:ingest.cell.incomeNegative"), given the text.
 */
export const nonNegativeParser =
  (context: CellContext, negativeKey: string): CellParser<number> =>
  (text) => {
    const parsed = readNumber(text, context, {});
    if (!parsed.ok) return parsed;
    return parsed.value < 0 ? fail(message(negativeKey, { text })) : parsed;
  };

const CURRENCY_WORDS: Record<string, string> = {
  tl: "TRY",
  "₺": "TRY",
  $: "USD",
  "€": "EUR",
  "₽": "RUB",
  руб: "RUB",
  "£": "GBP",
};
export const parseCurrency: CellParser<string> = (text) => {
  const code = CURRENCY_WORDS[foldWord(text).replace(/\.$/, "")] ?? text.toUpperCase();
  return /^[A-Z]{3}$/.test(code)
    ? ok(code)
    : fail(message("messages:ingest.cell.notCurrency", { text }));
};
export const currencyCell = () => cell(parseCurrency);

export const parseUrl: CellParser<string> = (text) => {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".")) {
      return ok(url.toString());
    }
  } catch {
    // Falls through to the message below.
  }
  return fail(message("messages:ingest.cell.notUrl", { text }));
};
export const urlCell = () => cell(parseUrl);

/** Seconds, or "mm:ss", or "hh:mm:ss" as analytics tools show visit durations. */
export const durationParser =
  (context: CellContext): CellParser<number> =>
  (text) => {
    const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
    if (clock) {
      const [, hours = "0", minutes = "0", seconds = "0"] = clock;
      if (Number(seconds) > 59 || (clock[1] !== undefined && Number(minutes) > 59)) {
        return fail(message("messages:ingest.cell.notClock", { text }));
      }
      return ok(Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds));
    }
    const seconds = readNumber(text, context, { min: 0 });
    return seconds.ok ? seconds : fail(message("messages:ingest.cell.notDuration", { text }));
  };
export const durationCell = (context: CellContext) => cell(durationParser(context));

/** A share as written: 35, "35%" or 0.35; the row decides the scale (see schemas.ts). */
export const shareCell = (context: CellContext) =>
  cell((text): Parsed<{ value: number; percent: boolean; text: string }> => {
    const parsed = parseNumber(text, context.decimalMark);
    if (!parsed.ok) return parsed;
    if (parsed.value < 0) return fail(message("messages:ingest.cell.shareNegative", { text }));
    return ok({ value: parsed.value, percent: parsed.percent, text });
  });

/** Reports a problem of a whole row against the field (and so the column) it concerns. */
export function rowIssue(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: "custom", path: ["fields", field], message });
}
