/**
 * Counts as social sites abbreviate them: "12.5K", "1.2M", "3,4 млн", "1,2 тыс.",
 * "15 B" (Turkish "bin", thousand), "2,1 Mn" (Turkish "milyon"), "1.1B". Pure.
 *
 * Why the locale hint: "B" means a thousand in Turkish and a billion in English. Without a
 * hint, a "B" written after a space or after a decimal comma ("15 B", "2,5B") is read the
 * Turkish way, as Turkish pages print it; a "B" glued to a dot-decimal or whole number
 * ("1.2B", "3B") the English way. Callers that know the page's language pass it.
 */
import { parseLocaleNumber } from "./locale-number";

export type CountLocale = "auto" | "en" | "ru" | "tr";

const THOUSAND = 1e3;
const MILLION = 1e6;
const BILLION = 1e9;

/** Suffixes without trailing dots, lower case. "b" is resolved separately. */
const SUFFIX_FACTORS: Record<string, number> = {
  k: THOUSAND,
  к: THOUSAND,
  тыс: THOUSAND,
  т: THOUSAND,
  bin: THOUSAND,
  m: MILLION,
  mn: MILLION,
  mln: MILLION,
  млн: MILLION,
  milyon: MILLION,
  bn: BILLION,
  млрд: BILLION,
  mr: BILLION,
  milyar: BILLION,
};

function factorForB(numberPart: string, spaced: boolean, locale: CountLocale): number {
  if (locale === "tr") return THOUSAND;
  if (locale === "en" || locale === "ru") return BILLION;
  return spaced || numberPart.includes(",") ? THOUSAND : BILLION;
}

/** The whole count the text stands for, or undefined if it is not one. */
export function parseAbbreviatedCount(
  text: string,
  locale: CountLocale = "auto",
): number | undefined {
  const normal = text.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  const match = /^([-+]?\d[\d.,' ]*?)( *)([a-zа-яё]+)?\.?$/iu.exec(normal);
  if (!match) return undefined;
  const [, numberPart = "", gap = "", rawSuffix] = match;
  const suffix = rawSuffix?.toLowerCase();
  let factor = 1;
  if (suffix === "b") factor = factorForB(numberPart, gap.length > 0, locale);
  else if (suffix !== undefined) {
    const known = SUFFIX_FACTORS[suffix];
    if (known === undefined) return undefined;
    factor = known;
  } else if (normal.endsWith(".")) return undefined;
  const value = parseLocaleNumber(numberPart, { kind: "count", hasSuffix: suffix !== undefined });
  if (value === undefined || value < 0) return undefined;
  const count = Math.round(value * factor);
  // Without a suffix, "12,5" is not a count; with one, "1.2345K" is still 1235 people.
  if (factor === 1 && !Number.isInteger(value)) return undefined;
  return count;
}
