/** The i18next options of every instance: the bundled catalogues, English as fallback. */
import { formatPlain } from "~/format";
import { resources } from "~/locales";
import { defaultLocale, isLocale, type Locale, supportedLocales } from "./config";

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];

export function i18nextOptions(lng: Locale) {
  return {
    lng,
    resources,
    ns: namespaces,
    defaultNS: "common" as const,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    // React escapes text itself; escaping here would show "&amp;" on the page.
    interpolation: { escapeValue: false, format: formatInterpolated },
    returnNull: false,
  };
}

/**
 * `{{count, number}}` in a catalogue is written by ~/format, exactly as the figures in the
 * tables beside the sentence ("12,345", "12.345", "12 345", "−3"); other values pass as
 * they are (pages format money, percentages and dates before they reach a sentence).
 */
function formatInterpolated(value: unknown, format?: string, lng?: string): string {
  if (format === "number" && typeof value === "number")
    return formatPlain(value, 2, lng && isLocale(lng) ? lng : defaultLocale);
  return value as string;
}
