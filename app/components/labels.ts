/**
 * The words a marketer reads in place of stored field, feature, bucket and dimension names
 * ("recency_days" → "Recency (days)", "age_55_plus" → "Age 55+"), in the reader's language:
 * the words are the catalogue's messages:fields.* and messages:fieldPatterns.*, in the
 * language the formatters use (~/format activeLocale: the request's on the server, the
 * page's in the browser). For display only: CSV exports, form values and data-* attributes
 * keep the stored names, which the CLI, the import mapping and saved runs rely on.
 */
import { activeLocale } from "~/format";
import type { Locale } from "~/i18n/config";
import { hasKey, localeT } from "~/i18n/locale-t";

/** Words written in capitals (or otherwise) inside an otherwise sentence-case label. */
const WORDS: Readonly<Record<string, string>> = {
  id: "ID",
  url: "URL",
  sms: "SMS",
  email: "e-mail",
  kvkk: "KVKK",
  avg: "average",
};

/** A name as the code writes them: lower-case words (any script) and digits joined by "_". */
const SNAKE_CASE = /^[\p{Ll}\p{Lo}\p{N}]+(?:_[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** "favourite_store" → "Favourite store"; anything else (a header as written) unchanged. */
function sentence(name: string): string {
  if (!SNAKE_CASE.test(name)) return name;
  const text = name
    .split("_")
    .map((word) => WORDS[word] ?? word)
    .join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Label of a name that may carry one of the code's prefixes or suffixes, else undefined. */
function patterned(name: string, locale: Locale): string | undefined {
  const t = localeT(locale);
  const pattern = (key: string, values: Record<string, string>) =>
    t(`messages:fieldPatterns.${key}`, values);
  const logged = /^(?:log|ln)\((.+)\)$/.exec(name)?.[1] ?? /^(.+)_log$/.exec(name)?.[1];
  if (logged) return pattern("logged", { name: labelIn(locale, logged) });
  const age = /^age_(\d{1,3})_(\d{1,3}|plus)$/.exec(name);
  if (age) {
    const [, from = "", to = ""] = age;
    return to === "plus" ? pattern("agePlus", { from }) : pattern("ageBand", { from, to });
  }
  const interest = /^interest_(.+)$/.exec(name)?.[1];
  if (interest) return pattern("interest", { name: sentence(interest) });
  // Same words as the feature list's own label (segments/features.server.ts).
  const spend = /^spend_(.+)$/.exec(name)?.[1];
  if (spend) return pattern("spendOn", { name: sentence(spend) });
  const gender = /^gender_(.+)$/.exec(name)?.[1];
  if (gender) return known(gender, locale) ?? sentence(gender);
  // An attribute renamed because it clashes with a built-in feature (income → attr_income).
  const attribute = /^attr_(.+)$/.exec(name)?.[1];
  if (attribute) return pattern("attribute", { name: labelIn(locale, attribute) });
  return undefined;
}

/** A stored name with its own words in the catalogue (any script but the key's). */
function known(name: string, locale: Locale): string | undefined {
  if (!SNAKE_CASE.test(name)) return undefined;
  const key = `messages:fields.${name}`;
  return hasKey(locale, key) ? localeT(locale)(key) : undefined;
}

/**
 * What to show for a stored field, feature, audience bucket or dimension name. Known names
 * have their own words; age bands, interests, spend per category, gender buckets and
 * log-transformed features are spelled out; other snake_case names become sentence case;
 * a name with spaces or capitals was written by a person and is shown as written.
 */
export function humanLabel(name: string): string {
  return labelIn(activeLocale(), name);
}

/** humanLabel in a given language (a message put into words for someone else). */
export function labelIn(locale: Locale, name: string): string {
  const trimmed = name.trim();
  return known(trimmed, locale) ?? patterned(trimmed, locale) ?? sentence(trimmed);
}

/** Labels of several names, comma-separated, or `none` when there are none. */
export function humanLabels(names: readonly string[], none = "none"): string {
  return names.length === 0 ? none : names.map(humanLabel).join(", ");
}
