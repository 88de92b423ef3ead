// The customer value views render in English, Turkish and Russian: the predicted value on a
// customer page, the metrics table with the method used and the reason, the segment ranking.
import { createInstance } from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterAll, describe, expect, it } from "vitest";
import { ValueExcludedNote } from "~/components/value/ExcludedNote";
import { PredictedValue } from "~/components/value/PredictedValue";
import { SegmentValueRanking } from "~/components/value/SegmentValueRanking";
import { ValueMetrics } from "~/components/value/ValueMetrics";
import { setLocaleSource } from "~/format";
import { defaultLocale, type Locale } from "~/i18n/config";
import { i18nextOptions } from "~/i18n/options";

afterAll(() => setLocaleSource(() => defaultLocale));

function render(locale: Locale, element: ReactElement): string {
  const i18n = createInstance();
  i18n.use(initReactI18next).init({ ...i18nextOptions(locale), initImmediate: false });
  setLocaleSource(() => locale);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element)).replace(
    /[\u00a0\u202f]/g,
    " ",
  );
}

const figure = { value: 1234.5, horizonDays: 90, modelId: 1, method: "bg_nbd" };
const metrics = {
  model: { mae: 10, rmse: 30, r2: 0.2 },
  last_period: { mae: 12, rmse: 40, r2: -0.1 },
  bg_nbd: { mae: 11, rmse: 29, r2: 0.25 },
};
const result = {
  ok: true as const,
  horizon_days: 90,
  training_cutoff: "2026-05-05",
  evaluation_cutoff: "2026-08-03",
  scoring_cutoff: "2026-11-01",
  training_customers: 100,
  evaluation_customers: 110,
  scored_customers: 120,
  excluded_customers: 3,
  trees: 50,
  metrics,
  used: "bg_nbd" as const,
  reason: "model_loses" as const,
  lost_to: [{ baseline: "bg_nbd" as const, measure: "rmse" as const }],
  importance: [{ feature: "recency_days", share: 1 }],
  seconds: 1,
};

describe("value views", () => {
  it("show a customer's predicted value with its horizon and method", () => {
    const en = render("en", createElement(PredictedValue, { figure, currency: "TRY" }));
    expect(en).toContain("₺1,234.50");
    expect(en).toContain("Predicted value, next 90 days");
    expect(en).toContain("from BG/NBD + Gamma-Gamma");
    expect(render("tr", createElement(PredictedValue, { figure, currency: "TRY" }))).toContain(
      "Tahmini değer, önümüzdeki 90 gün",
    );
    expect(render("ru", createElement(PredictedValue, { figure, currency: "TRY" }))).toContain(
      "1 234,50 ₺",
    );
    expect(render("en", createElement(PredictedValue, { figure: null, currency: "TRY" }))).toBe("");
  });

  it("say which method is used and why, in each language", () => {
    const en = render("en", createElement(ValueMetrics, { result, currency: "TRY" }));
    expect(en).toContain("BG/NBD + Gamma-Gamma<strong> · used</strong>");
    expect(en).toContain(
      "The model is not used: its RMSE (₺30.00) does not beat BG/NBD + Gamma-Gamma.",
    );
    const tr = render("tr", createElement(ValueMetrics, { result, currency: "TRY" }));
    expect(tr).toContain("Model kullanılmıyor");
    const ru = render("ru", createElement(ValueMetrics, { result, currency: "TRY" }));
    expect(ru).toContain("Модель не используется");
  });

  it("rank segments, translating RFM names", () => {
    const ranking = {
      horizonDays: 90,
      segments: [
        { segment: "Champions", customers: 5, valued: 5, meanValue: 100, totalValue: 500 },
      ],
    };
    const tr = render(
      "tr",
      createElement(SegmentValueRanking, { ranking, labels: {}, currency: "TRY" }),
    );
    expect(tr).toContain("Tahmini değere göre segmentler");
    expect(tr).not.toContain(">Champions<");
  });
});

describe("ValueExcludedNote", () => {
  it("says who the basis leaves out as a warning notice, with the count grouped", () => {
    const html = render("en", createElement(ValueExcludedNote, { count: 1234 }));
    expect(html).toMatch(/^<p class="notice warning small" role="note"/);
    expect(html).toContain("1,234 customers the legal basis leaves out");
    expect(render("en", createElement(ValueExcludedNote, { count: 0 }))).toBe("");
  });
});
