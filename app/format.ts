/**
 * Numbers, money, percentages and dates in the UI language. Every figure on a page goes
 * through here so the three languages agree: "1,234.56" (en), "1.234,56 ₺" (tr),
 * "1 234,56 ₽" (ru). The currency is always the workspace's reporting currency; only the
 * way it is written follows the language.
 *
 * The language is an optional last argument; without it, the active one (set once per
 * request on the server, from the page's language in the browser: see setLocaleSource).
 * English keeps the exact text it had before languages existed (ISO-like dates in UTC,
 * "12 %" with a no-break space), which exports and tests rely on.
 */
import { defaultLocale, type Locale } from "~/i18n/config";

const NBSP = "\u00a0";
const MINUS = "−";

let localeSource: () => Locale = () => defaultLocale;

/**
 * Where formatters find the UI language when none is passed: entry.server sets a source
 * bound to the request being rendered (AsyncLocalStorage, so concurrent requests never
 * mix), entry.client one that reads i18next's current language.
 */
export function setLocaleSource(source: () => Locale): void {
  localeSource = source;
}

export function activeLocale(): Locale {
  return localeSource();
}

let timeZoneSource: () => string = () => "UTC";

/**
 * Where formatDateTime finds the workspace's time zone when none is passed: the entries set
 * a source reading the workspace layout's loader data (workspaceTimeZoneOf), so pages of a
 * workspace show moments in its zone and every other page (and every export, built outside
 * rendering) in UTC.
 */
export function setTimeZoneSource(source: () => string): void {
  timeZoneSource = source;
}

export function activeTimeZone(): string {
  return timeZoneSource();
}

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

/** Intl objects are costly to build: one per locale and options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A sign only when the text is not zero: "−0.00" never shows. */
function signed(value: number, text: string, zero: string): string {
  return value < 0 && text !== zero ? `${MINUS}${text}` : text;
}

function groupEnglish(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A moment the app recorded, in the workspace's time zone with its offset:
 * "2026-12-02 17:25 UTC+3" (en), "02.12.2026 17:25 UTC+3" (tr, ru); in UTC exactly as
 * before zones existed ("2026-12-02 14:25 UTC"). Times read from files are not moments:
 * show them with formatAsWritten.
 */
export function formatDateTime(
  value: Date | number | string | null | undefined,
  locale: Locale = activeLocale(),
  timeZone: string = activeTimeZone(),
): string {
  if (value === null || value === undefined) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  if (timeZone === "UTC" && locale === "en")
    return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const parts = zonedParts(date, timeZone);
  const day =
    locale === "en"
      ? `${parts.year}-${parts.month}-${parts.day}`
      : `${parts.day}.${parts.month}.${parts.year}`;
  // "02.12.2026 14:25": day first, 24-hour clock, as both tr and ru write it.
  return `${day} ${parts.hour}:${parts.minute} ${parts.offset}`;
}

/**
 * A time read from an uploaded file (a sale, a consent date): stored as UTC wall time
 * (ingest/dates.ts), so it is shown as written, never moved into the workspace's zone.
 */
export function formatAsWritten(
  value: Date | number | string | null | undefined,
  locale: Locale = activeLocale(),
): string {
  return formatDateTime(value, locale, "UTC");
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** Two-digit parts of `date` in `timeZone`, and its offset as "UTC", "UTC+3", "UTC−3:30". */
function zonedParts(date: Date, timeZone: string) {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    zonedFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  // "GMT" and "GMT+0" (UTC itself, London in winter) are written plain "UTC".
  const named = String(part.timeZoneName ?? "GMT").replace(/^GMT(?:[+-]0)?$/, "GMT");
  const offset = named.replace("GMT", "UTC").replace("-", MINUS);
  return {
    year: part.year,
    month: part.month,
    day: part.day,
    hour: part.hour,
    minute: part.minute,
    offset,
  };
}

/** A calendar day ("2026-12-02") as the language writes it: "02.12.2026" in tr and ru. */
export function formatDay(isoDay: string | null | undefined, locale: Locale = activeLocale()) {
  if (!isoDay) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match || locale === "en") return isoDay;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** A month on a chart axis: "Apr 2025", "Nis 2025", "апр. 2025 г." (UTC). */
export function formatMonth(value: Date, locale: Locale = activeLocale()): string {
  if (Number.isNaN(value.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(value);
}

export function formatInteger(
  value: number | null | undefined,
  locale: Locale = activeLocale(),
): string {
  if (missing(value)) return "—";
  if (locale === "en") return groupEnglish(Math.round(value).toString());
  const format = numberFormat(locale, { maximumFractionDigits: 0 });
  return signed(value, format.format(Math.abs(value)), format.format(0));
}

/** A number with up to `digits` decimals, none forced: 8368.7685 → "8,368.77", 0.5 → "0.5". */
export function formatPlain(
  value: number | null | undefined,
  digits = 2,
  locale: Locale = activeLocale(),
): string {
  if (missing(value)) return "—";
  const format = numberFormat(locale, { maximumFractionDigits: digits });
  return signed(value, format.format(Math.abs(value)), format.format(0));
}

/** 1234.5 → "1,234.50" / "1.234,50" / "1 234,50" with `digits` decimals. */
export function formatDecimal(
  value: number | null | undefined,
  digits = 2,
  locale: Locale = activeLocale(),
): string {
  if (missing(value)) return "—";
  if (locale === "en") {
    const [whole = "0", fraction] = Math.abs(value).toFixed(digits).split(".");
    const sign = value < 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? MINUS : "";
    return `${sign}${groupEnglish(whole)}${fraction ? `.${fraction}` : ""}`;
  }
  const format = numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return signed(value, format.format(Math.abs(value)), format.format(0));
}

/**
 * A share as a percentage: 0.4739 → "47.4 %" (en), "%47,4" (tr: the sign comes first),
 * "47,4 %" (ru), always with a no-break space where there is a space.
 */
export function formatPercentage(
  share: number | null | undefined,
  digits = 1,
  locale: Locale = activeLocale(),
): string {
  if (missing(share)) return "—";
  const number = formatDecimal(share * 100, digits, locale);
  return locale === "tr" ? `%${number}` : `${number}${NBSP}%`;
}

/**
 * An amount in a currency (ISO code): 12345.6, "TRY" → "₺12,345.60" (en), "12.345,60 ₺"
 * (tr), "12 345,60 ₺" (ru); without a known currency the plain number ("12,345.60").
 * Negative amounts get the minus sign (−) of the tables, and an amount that rounds to zero
 * shows no sign. A code that is not three letters (never stored by an import) is treated as
 * unknown rather than thrown on.
 */
export function formatMoney(
  value: number | null | undefined,
  currency: string | null,
  locale: Locale = activeLocale(),
): string {
  if (missing(value)) return "—";
  const code = currency && /^[A-Z]{3}$/i.test(currency) ? currency.toUpperCase() : null;
  const format = numberFormat(
    locale,
    code
      ? { style: "currency", currency: code, currencyDisplay: "narrowSymbol" }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  );
  const text =
    locale === "en" || !code ? format.format(Math.abs(value)) : symbolAfter(format, value);
  const zero = locale === "en" || !code ? format.format(0) : symbolAfter(format, 0);
  return signed(value, text, zero);
}

/** Turkish and Russian marketers write the symbol after the amount: "1.234,56 ₺". */
function symbolAfter(format: Intl.NumberFormat, value: number): string {
  const parts = format.formatToParts(Math.abs(value));
  const symbol = parts.find((p) => p.type === "currency")?.value ?? "";
  const number = parts
    .filter((p) => p.type !== "currency" && p.type !== "literal")
    .map((p) => p.value)
    .join("");
  return `${number}${NBSP}${symbol}`;
}

/** Currencies named one by one in a mix; the rest are summed as "others". */
export const MIX_NAMED = 3;

/** A share as whole percent: 0.8 → "80 %", 0.001 → "<1 %" (the sign placed per language). */
export function wholePercent(share: number, locale: Locale = activeLocale()): string {
  const percent = Math.round(share * 100);
  const text = formatPercentage(percent === 0 && share > 0 ? 0.01 : share, 0, locale);
  return percent === 0 && share > 0 ? `<${text}` : text;
}

/**
 * The currencies of a mix, largest share first, the rest summed: "TRY 80 %, EUR 20 %" and,
 * past three, the share of the others (null when there are none) for the sentence around it.
 */
export function currencyMixParts(
  shares: readonly { currency: string; share: number }[],
  locale: Locale = activeLocale(),
): { named: string; others: string | null } {
  const named = shares
    .slice(0, MIX_NAMED)
    .map((s) => `${s.currency} ${wholePercent(s.share, locale)}`);
  const rest = shares.slice(MIX_NAMED).reduce((sum, s) => sum + s.share, 0);
  return { named: named.join(", "), others: rest > 0 ? wholePercent(rest, locale) : null };
}

/**
 * The English note shown beside totals of sales in several currencies (pages use the
 * catalogue's "currencyMix" with currencyMixParts):
 * "Amounts in several currencies (TRY 80 %, EUR 20 %) are added as they are."
 */
export function describeCurrencyMix(
  shares: readonly { currency: string; share: number }[],
): string {
  const { named, others } = currencyMixParts(shares, "en");
  const list = others ? `${named}, others ${others}` : named;
  return `Amounts in several currencies (${list}) are added as they are.`;
}
