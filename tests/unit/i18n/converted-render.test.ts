// Components converted on s6-i18n2 render in Turkish and Russian, plurals and values
// included, and keep their English wording (which the e2e specs select by).
import { createInstance } from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { EmptyBecauseOfBasis } from "~/components/BasisNote";
import { TestResult } from "~/components/scraping/TestResult";
import type { Locale } from "~/i18n/config";
import { i18nextOptions } from "~/i18n/options";

function render(locale: Locale, element: ReactElement): string {
  const i18n = createInstance();
  i18n.use(initReactI18next).init({ ...i18nextOptions(locale), initImmediate: false });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

const tested = (total: number) =>
  createElement(TestResult, {
    outcome: { ok: true, url: "http://127.0.0.1/s/acme", total, observations: [] },
  });

describe("converted components", () => {
  it("keep the English the e2e specs select by", () => {
    expect(render("en", tested(3))).toContain("Test read 3 values from http://127.0.0.1/s/acme");
    expect(render("en", tested(3))).toContain("…and 3 more.");
  });

  it("use the Russian plural forms one / few / many", () => {
    expect(render("ru", tested(1))).toContain("Проверка прочитала 1 значение");
    expect(render("ru", tested(3))).toContain("Проверка прочитала 3 значения");
    expect(render("ru", tested(5))).toContain("Проверка прочитала 5 значений");
  });

  it("word the empty-because-of-basis reason at render, per basis and count", () => {
    const consent = createElement(EmptyBecauseOfBasis, { basis: "consent", excluded: 4 });
    expect(render("en", consent)).toContain("All 4 customers lack a recorded data-processing");
    expect(render("tr", consent)).toContain("4 müşterinin hiçbirinin kayıtlı veri işleme rızası");
    const objected = createElement(EmptyBecauseOfBasis, { basis: "contract", excluded: 1 });
    expect(render("ru", objected)).toContain("Единственный клиент возразил");
  });
});
