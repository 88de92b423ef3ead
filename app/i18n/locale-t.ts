/**
 * One i18next instance per language, built once, synchronously, from the bundled
 * catalogues: for text put into words outside React (a route's `meta`, field labels,
 * server-built e-mails and CSV headers), where a hook cannot be used.
 */
import { createInstance, type i18n, type TFunction } from "i18next";
import type { Locale } from "./config";
import { i18nextOptions } from "./options";

const instances = new Map<Locale, i18n>();

function instance(locale: Locale): i18n {
  const known = instances.get(locale);
  if (known) return known;
  const created = createInstance();
  created.init({ ...i18nextOptions(locale), initImmediate: false });
  instances.set(locale, created);
  return created;
}

export function localeT(locale: Locale): TFunction {
  return instance(locale).t;
}

/** Whether the catalogues (of the language or English, its fallback) hold the key. */
export function hasKey(locale: Locale, key: string): boolean {
  return instance(locale).exists(key);
}
