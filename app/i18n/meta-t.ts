/**
 * Browser tab titles in the reader's language. A route's `meta` runs outside React (no
 * useTranslation), on the server and after client navigations in the browser: it reads the
 * language the root loader chose from `matches` and translates with an i18next instance of
 * that language, built once, synchronously, from the bundled catalogues.
 */
import type { TFunction } from "i18next";
import { defaultLocale, isLocale, type Locale } from "./config";
import { localeT } from "./locale-t";

/** The language of the page: the root loader's; English when the root has no data. */
export function localeOfMatches(matches: readonly { id: string; data?: unknown }[]): Locale {
  const root = matches.find((match) => match.id === "root")?.data;
  const locale = (root as { locale?: unknown } | null | undefined)?.locale;
  return isLocale(locale) ? locale : defaultLocale;
}

/** `t` in the page's language, for a route's `meta` (name keys with their namespace). */
export function metaT(matches: readonly { id: string; data?: unknown }[]): TFunction {
  return localeT(localeOfMatches(matches));
}
