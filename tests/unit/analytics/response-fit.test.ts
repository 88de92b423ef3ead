import { describe, expect, it } from "vitest";
import { createRandom } from "~/analytics/random";
import { type CurveParams, predictDaily } from "~/analytics/response-curve";
import { fitResponseCurve } from "~/analytics/response-fit";
import { englishMessage } from "~/i18n/english";
import { message } from "~/i18n/message-code";

const DAYS = 730;
const dates = Array.from({ length: DAYS }, (_, t) =>
  new Date(Date.UTC(2024, 0, 1 + t)).toISOString().slice(0, 10),
);

/** Flighted spend: about one day in five dark, otherwise spread from 10 % to 2× of K. */
function flightedSpend(seed: number, k: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: DAYS }, () =>
    random.next() < 0.2 ? 0 : k * (0.1 + 1.9 * random.next()),
  );
}

function noisy(values: ArrayLike<number>, seed: number, relative: number): number[] {
  const random = createRandom(seed);
  return Array.from(values, (v) => Math.max(0, v * (1 + relative * (2 * random.next() - 1))));
}

describe("fitResponseCurve recovers the curve it was generated from", () => {
  // Tolerances: decay ± 0.05, half-saturation ± 10 %, shape ± 0.25, with ±10 % noise.
  const cases: [string, CurveParams][] = [
    ["concave, short carry-over", { decay: 0.3, halfSaturation: 8000, shape: 1, ceiling: 90 }],
    ["S-shaped, long carry-over", { decay: 0.6, halfSaturation: 20000, shape: 2.5, ceiling: 300 }],
    ["mildly S-shaped", { decay: 0.45, halfSaturation: 5000, shape: 1.6, ceiling: 40 }],
  ];
  it.each(cases)("%s", (_name, truth) => {
    const spend = flightedSpend(11, truth.halfSaturation / (1 + truth.decay));
    const outcome = noisy(predictDaily(spend, truth), 12, 0.1);
    const fit = fitResponseCurve({ dates, spend, outcome });
    expect(fit.status).toBe("ok");
    expect(fit.reasons).toEqual([]);
    const p = fit.params as CurveParams;
    expect(Math.abs(p.decay - truth.decay)).toBeLessThan(0.05);
    expect(Math.abs(p.halfSaturation / truth.halfSaturation - 1)).toBeLessThan(0.1);
    expect(Math.abs(p.shape - truth.shape)).toBeLessThan(0.25);
    expect(fit.quality?.r2).toBeGreaterThan(0.9);
    expect(fit.quality?.holdoutDays).toBe(146);
    expect(fit.quality?.nrmseHoldout).toBeLessThan(0.15);
    expect(fit.quality?.mapeHoldout).toBeLessThan(0.15);
    expect(fit.range).toEqual({
      from: "2024-01-01",
      to: "2025-12-30",
      days: DAYS,
      weeksWithSpend: 105,
    });
  });
});

describe("fitResponseCurve says when it cannot be trusted", () => {
  it("flags an outcome that is pure noise as a poor fit", () => {
    const spend = flightedSpend(3, 10000);
    const random = createRandom(4);
    const outcome = spend.map(() => 50 + 30 * random.next());
    const fit = fitResponseCurve({ dates, spend, outcome });
    expect(["poor", "unidentified"]).toContain(fit.status);
    expect(fit.quality?.r2).toBeLessThan(0.3);
    expect(fit.reasons.map(englishMessage).join(" ")).toMatch(/R²/);
  });

  it("refuses constant spend, saying so", () => {
    const spend = dates.map(() => 5000);
    const outcome = noisy(
      predictDaily(spend, { decay: 0.3, halfSaturation: 4000, shape: 1, ceiling: 20 }),
      5,
      0.1,
    );
    const fit = fitResponseCurve({ dates, spend, outcome });
    expect(fit.status).toBe("not-enough-history");
    expect(fit.params).toBeNull();
    expect(fit.reasons.map(englishMessage)).toEqual([
      "Spend is the same (5,000) on every day with spend, so its effect cannot be told apart from the baseline.",
    ]);
  });

  it("calls spend in a narrow band unidentified", () => {
    const random = createRandom(8);
    const spend = dates.map(() => 5000 * (1 + 0.05 * (2 * random.next() - 1)));
    const outcome = noisy(
      predictDaily(spend, { decay: 0.3, halfSaturation: 4000, shape: 2, ceiling: 20 }),
      9,
      0.1,
    );
    const fit = fitResponseCurve({ dates, spend, outcome });
    expect(fit.status).toBe("unidentified");
    expect(englishMessage(fit.reasons[0])).toMatch(
      /^Daily spend stays in a narrow band \(varies by 2\.\d %, under 10 %\)/,
    );
  });

  it("needs 8 weeks with spend", () => {
    const spend = dates.map((_, t) => (t < 40 ? 1000 + 50 * (t % 7) : 0));
    const outcome = spend.map((s) => s / 100);
    const fit = fitResponseCurve({ dates, spend, outcome });
    expect(fit.status).toBe("not-enough-history");
    expect(fit.reasons).toEqual([message("messages:fit.fewWeeks", { count: 6, needed: 8 })]);
    expect(fit.reasons.map(englishMessage)).toEqual([
      "Only 6 weeks with spend; a curve needs at least 8.",
    ]);
  });
});
