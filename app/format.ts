/** Formatting that gives the same text on the server and in the browser (no locale/time-zone drift). */
export function formatDateTime(value: Date | number | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** One formatter per currency (null = plain number), built once: Intl objects are costly. */
const moneyFormats = new Map<string | null, Intl.NumberFormat>();

function moneyFormat(currency: string | null): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(
      "en",
      currency
        ? { style: "currency", currency, currencyDisplay: "narrowSymbol" }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
    );
    moneyFormats.set(currency, format);
  }
  return format;
}

/**
 * An amount in a currency (ISO code): 12345.6, "TRY" → "₺12,345.60"; without a known
 * currency the plain number "12,345.60". The "en" locale keeps the text the same on the
 * server and in the browser; negative amounts get the minus sign (−) of the segment tables,
 * and an amount that rounds to zero shows no sign. A code that is not three letters (never
 * stored by an import) is treated as unknown rather than thrown on.
 */
export function formatMoney(value: number | null | undefined, currency: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const code = currency && /^[A-Z]{3}$/i.test(currency) ? currency.toUpperCase() : null;
  const format = moneyFormat(code);
  const text = format.format(Math.abs(value));
  const roundsToZero = format.format(0) === text;
  return value < 0 && !roundsToZero ? `−${text}` : text;
}

/** Currencies named one by one in a mix; the rest are summed as "others". */
const MIX_NAMED = 3;

/** A share as whole percent with a no-break space: 0.8 → "80 %", 0.001 → "<1 %". */
function wholePercent(share: number): string {
  const percent = Math.round(share * 100);
  return percent === 0 && share > 0 ? "<1\u00a0%" : `${percent}\u00a0%`;
}

/**
 * The note shown beside totals of sales in several currencies, largest share first:
 * "Amounts in several currencies (TRY 80 %, EUR 20 %) are added as they are."
 */
export function describeCurrencyMix(
  shares: readonly { currency: string; share: number }[],
): string {
  const named = shares.slice(0, MIX_NAMED).map((s) => `${s.currency} ${wholePercent(s.share)}`);
  const rest = shares.slice(MIX_NAMED).reduce((sum, s) => sum + s.share, 0);
  if (rest > 0) named.push(`others ${wholePercent(rest)}`);
  return `Amounts in several currencies (${named.join(", ")}) are added as they are.`;
}
