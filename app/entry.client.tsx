/**
 * Remix's default browser entry, with the UI language: i18next starts with the language the
 * server rendered (<html lang>) and the bundled catalogues, before hydration, so the first
 * render in the browser reads exactly like the server's (no flash, no mismatch). Moments are
 * shown in the workspace's time zone, read from the router's loader data as on the server.
 */
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { setLocaleSource, setTimeZoneSource } from "./format";
import { defaultLocale, isLocale } from "./i18n/config";
import { i18nextOptions } from "./i18n/options";
import { workspaceTimeZoneOf } from "./time-zone";

declare global {
  interface Window {
    /** Set by RemixBrowser: its router, whose state holds the rendered routes' loader data. */
    __remixRouter?: { state: { loaderData: Record<string, unknown> } };
  }
}

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init(i18nextOptions(isLocale(lang) ? lang : defaultLocale));
  setLocaleSource(() => (isLocale(i18next.language) ? i18next.language : defaultLocale));
  // The same zone as the server rendered with, and the next workspace's after a navigation.
  setTimeZoneSource(() => workspaceTimeZoneOf(window.__remixRouter?.state.loaderData));
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
