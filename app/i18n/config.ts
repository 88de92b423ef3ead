/** The UI languages and the catalogue namespaces, shared by server, browser and tests. */
export const supportedLocales = ["en", "tr", "ru"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

/** Each language's own name, so a reader finds theirs whatever the page's language is. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  tr: "Türkçe",
  ru: "Русский",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}
