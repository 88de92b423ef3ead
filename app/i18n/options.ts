/** The i18next options of every instance: the bundled catalogues, English as fallback. */
import { resources } from "~/locales";
import { defaultLocale, type Locale, supportedLocales } from "./config";

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
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}
