/**
 * Renders a page element to HTML in one UI language, inside a static router (components use
 * links and forms) and a fresh i18next instance, with app/format.ts reading that language.
 * Grouping and percent spaces are no-break spaces; plain ones are easier to assert on.
 * Callers reset the format locale after their tests: `afterAll(resetFormatLocale)`.
 */
import { createInstance } from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import { setLocaleSource } from "~/format";
import { defaultLocale, type Locale } from "~/i18n/config";
import { i18nextOptions } from "~/i18n/options";

export async function renderInLocale(locale: Locale, element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "page", path: "/", Component: () => element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const i18n = createInstance();
  i18n.use(initReactI18next).init({ ...i18nextOptions(locale), initImmediate: false });
  setLocaleSource(() => locale);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(StaticRouterProvider, { router, context }),
    ),
  );
  return html.replace(/[\u00a0\u202f]/g, " ");
}

export function resetFormatLocale(): void {
  setLocaleSource(() => defaultLocale);
}
