/**
 * Numbers as spreadsheets export them: "1.234,56", "1,234.56", "1 234,56" (also with
 * no-break spaces), "(3.00)" for negatives, "₺12", "12 TL", "35%" or Turkish "%35".
 */
import { message } from "~/i18n/message-code";

export type DecimalMark = "." | ",";

export type ParsedNumber =
  | { ok: true; value: number; currency: string | null; percent: boolean }
  | { ok: false; reason: string };

export interface NumberOptions {
  /** Accept "12K", "1.2M", "3B" (used for traffic figures copied from analytics tools). */
  allowMagnitude?: boolean;
}

const CURRENCIES: Record<string, string> = {
  "₺": "TRY",
  tl: "TRY",
  try: "TRY",
  $: "USD",
  usd: "USD",
  "€": "EUR",
  eur: "EUR",
  "₽": "RUB",
  rub: "RUB",
  руб: "RUB",
  "руб.": "RUB",
  "р.": "RUB",
  "£": "GBP",
  gbp: "GBP",
};
const CURRENCY_TOKEN = "(₺|\\$|€|₽|£|tl|try|usd|eur|rub|gbp|руб\\.?|р\\.)";
const LEADING_CURRENCY = new RegExp(`^${CURRENCY_TOKEN}\\s*`, "iu");
const TRAILING_CURRENCY = new RegExp(`\\s*${CURRENCY_TOKEN}$`, "iu");
const MAGNITUDES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Grouping marks read as a plain space: no-break, narrow no-break and thin spaces, Swiss "'". */
const GROUP_SPACES = /[\u00A0\u202F\u2009']/g;

function isGrouped(integerPart: string, separator: string): boolean {
  const [head, ...tail] = integerPart.split(separator);
  return (
    tail.length > 0 &&
    head !== undefined &&
    /^\d{1,3}$/.test(head) &&
    tail.every((group) => /^\d{3}$/.test(group))
  );
}

/**
 * Reads the digits once signs, currency and percent are gone. The other mark is accepted
 * as a decimal point only where it cannot be a thousands separator ("1.5" in a
 * decimal-comma file), so "1.500" there still reads as fifteen hundred.
 */
function readDigits(body: string, decimalMark: DecimalMark): number | null {
  const thousands = decimalMark === "," ? "." : ",";
  const spaced = body.replace(GROUP_SPACES, " ");
  if (decimalMark === "." && /^\d+(\.\d+)?e[+-]?\d+$/i.test(spaced)) return Number(spaced);

  const [integerPart = "", fraction, ...rest] = spaced.split(decimalMark);
  if (rest.length > 0) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  let integer = integerPart;
  for (const separator of [" ", thousands]) {
    if (!integer.includes(separator)) continue;
    if (isGrouped(integer, separator)) {
      integer = integer.split(separator).join("");
    } else if (separator === thousands && fraction === undefined && /^\d*[.,]\d+$/.test(integer)) {
      return Number(integer.replace(thousands, "."));
    } else {
      return null;
    }
  }
  if (!/^\d*$/.test(integer) || (integer === "" && fraction === undefined)) return null;
  return Number(`${integer || "0"}.${fraction ?? "0"}`);
}

/** Removes the first match of `pattern` found at either end of `body`. */
function stripEdge(body: string, pattern: RegExp): { body: string; match: RegExpExecArray | null } {
  const match = pattern.exec(body);
  if (!match) return { body, match };
  const rest = match.index === 0 ? body.slice(match[0].length) : body.slice(0, match.index);
  return { body: rest, match };
}

/**
 * Plain digits with an optional minus and decimal part ("-12.50"): most cells of a large
 * file. The full reading below gives `Number` of the same text for them (the other mark is
 * not matched, so "1.500" in a decimal-comma file still takes the long way).
 */
const PLAIN_NUMBER: Record<DecimalMark, RegExp> = {
  ".": /^-?\d+(?:\.\d+)?$/,
  ",": /^-?\d+(?:,\d+)?$/,
};

export function parseNumber(
  text: string,
  decimalMark: DecimalMark,
  options: NumberOptions = {},
): ParsedNumber {
  if (PLAIN_NUMBER[decimalMark].test(text)) {
    const value = Number(decimalMark === "," ? text.replace(",", ".") : text);
    // Hundreds of digits overflow to Infinity, which the long way refuses.
    if (Number.isFinite(value)) {
      return { ok: true, value: value === 0 ? 0 : value, currency: null, percent: false };
    }
  }
  const original = text.trim();
  const fail: ParsedNumber = {
    ok: false,
    reason: message("messages:ingest.cell.notNumber", { text: original }),
  };
  let body = original.replace(/\u2212/g, "-");
  let negative = false;
  let currency: string | null = null;
  let percent = false;

  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = (parenthesised[1] ?? "").trim();
  }
  // Signs, currency and percent may come in either order around the digits.
  for (let pass = 0; pass < 3; pass += 1) {
    const signed = stripEdge(body, /^[+-]\s*|\s*-$/);
    if (signed.match) negative = negative !== signed.match[0].includes("-");
    const leading = stripEdge(signed.body, LEADING_CURRENCY);
    const money = leading.match ? leading : stripEdge(signed.body, TRAILING_CURRENCY);
    if (money.match) currency = CURRENCIES[(money.match[1] ?? "").toLowerCase()] ?? null;
    const pct = stripEdge(money.body, /^%\s*|\s*%$/);
    if (pct.match) percent = true;
    body = pct.body;
  }

  let scale = 1;
  const magnitude = options.allowMagnitude ? /\s*([kmb])$/i.exec(body) : null;
  if (magnitude) {
    scale = MAGNITUDES[(magnitude[1] ?? "").toLowerCase()] ?? 1;
    body = body.slice(0, -magnitude[0].length);
  }
  if (!/\d/.test(body)) return fail;
  const magnitudeFree = readDigits(body.trim(), decimalMark);
  if (magnitudeFree === null || !Number.isFinite(magnitudeFree)) return fail;
  const value = (negative ? -1 : 1) * magnitudeFree * scale;
  return { ok: true, value: value === 0 ? 0 : value, currency, percent };
}

/** Shapes that only one decimal mark explains; "1,234" and "1.234" prove nothing. */
const COMMA_DECIMAL = [
  /^\d{1,3}([. \u00A0\u202F]\d{3})+,\d+$/,
  /^\d+,(\d{1,2}|\d{4,})$/,
  /^\d{1,3}(\.\d{3}){2,}$/,
];
const DOT_DECIMAL = [
  /^\d{1,3}([, \u00A0\u202F]\d{3})+\.\d+$/,
  /^\d+\.(\d{1,2}|\d{4,})$/,
  /^\d{1,3}(,\d{3}){2,}$/,
];

export interface DecimalMarkGuess {
  mark: DecimalMark;
  /** How many sample values only a comma (or only a dot) as decimal mark explains. */
  evidence: { comma: number; dot: number };
}

/**
 * The file's decimal mark, by counting values whose shape only one mark explains. With no
 * evidence either way, a `;`-delimited file is taken to be European (decimal comma), as
 * spreadsheets pick `;` precisely when the comma is the decimal mark.
 */
export function detectDecimalMark(values: Iterable<string>, delimiter: string): DecimalMarkGuess {
  const evidence = { comma: 0, dot: 0 };
  for (const value of values) {
    const digits = value
      .trim()
      .replace(
        /^[(+\-\u2212]?\s*(₺|\$|€|₽|£|%)?\s*|\s*(₺|\$|€|₽|£|%|tl|try|usd|eur|rub|руб\.?)?\)?$/giu,
        "",
      );
    if (COMMA_DECIMAL.some((shape) => shape.test(digits))) evidence.comma += 1;
    else if (DOT_DECIMAL.some((shape) => shape.test(digits))) evidence.dot += 1;
  }
  if (evidence.comma !== evidence.dot) {
    return { mark: evidence.comma > evidence.dot ? "," : ".", evidence };
  }
  return { mark: delimiter === ";" ? "," : ".", evidence };
}
