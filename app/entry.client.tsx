/**
 * Remix's default browser entry, with the UI language: i18next starts with the language the
 * server rendered (<html lang>) and the bundled catalogues, before hydration, so the first
 * render in the browser reads exactly like the server's (no flash, no mismatch).
 */
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { setLocaleSource } from "./format";
import { defaultLocale, isLocale } from "./i18n/config";
import { i18nextOptions } from "./i18n/options";

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init(i18nextOptions(isLocale(lang) ? lang : defaultLocale));
  setLocaleSource(() => (isLocale(i18next.language) ? i18next.language : defaultLocale));
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
