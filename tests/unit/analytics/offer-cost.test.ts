import { describe, expect, it } from "vitest";
import {
  activationCurve,
  type NewCustomer,
  OfferCostInputError,
  offerFigures,
} from "~/analytics/offer-cost";
import { englishMessage } from "~/i18n/english";

/**
 * Ten new customers, the history ending on day 20 (the example of docs/analytics.md §17).
 * Days after joining: H 0, I 1, A 2, E 3, B 5, J 12 bought; G (joined day 16) is censored
 * after day 4, F (joined day 14) after day 6, C and D after day 20.
 */
const END = 20;
const TEN: NewCustomer[] = [
  { joinDay: 0, activationDay: 2 }, // A: day 2
  { joinDay: 0, activationDay: 5 }, // B: day 5
  { joinDay: 0, activationDay: null }, // C: censored at 20
  { joinDay: 0, activationDay: null }, // D: censored at 20
  { joinDay: 10, activationDay: 13 }, // E: day 3
  { joinDay: 14, activationDay: null }, // F: censored at 6
  { joinDay: 16, activationDay: null }, // G: censored at 4
  { joinDay: 5, activationDay: 5 }, // H: day 0
  { joinDay: 17, activationDay: 18 }, // I: day 1
  { joinDay: 0, activationDay: 12 }, // J: day 12
];

describe("activationCurve (Kaplan–Meier)", () => {
  const curve = activationCurve(TEN, END, 30);
  const at = (day: number) => curve[day];

  it("matches the hand-worked example", () => {
    // Day 0: 10 at risk, H buys: S = 9/10, F = 0.1.
    expect(at(0)).toEqual({
      day: 0,
      activated: expect.closeTo(0.1, 12),
      atRisk: 10,
      activations: 1,
    });
    // Day 1: 9 at risk, I buys: S = 0.9 · 8/9 = 0.8.
    expect(at(1)?.activated).toBeCloseTo(0.2, 12);
    // Day 2: 8 at risk, A: S = 0.8 · 7/8 = 0.7.
    expect(at(2)?.activated).toBeCloseTo(0.3, 12);
    // Day 3: 7 at risk, E: S = 0.7 · 6/7 = 0.6.
    expect(at(3)?.activated).toBeCloseTo(0.4, 12);
    // Day 4: 6 at risk (G censored after it), nobody buys.
    expect(at(4)).toMatchObject({ atRisk: 6, activations: 0 });
    // Day 5: 5 at risk, B: S = 0.6 · 4/5 = 0.48.
    expect(at(5)).toMatchObject({ atRisk: 5, activations: 1 });
    expect(at(5)?.activated).toBeCloseTo(0.52, 12);
    // Day 7: F left after day 6, so C, D and J remain.
    expect(at(7)?.atRisk).toBe(3);
    // Day 12: 3 at risk, J: S = 0.48 · 2/3 = 0.32.
    expect(at(12)?.activated).toBeCloseTo(0.68, 12);
    expect(at(20)).toMatchObject({ atRisk: 2, activations: 0 });
    expect(at(20)?.activated).toBeCloseTo(0.68, 12);
  });

  it("stops where nobody could have been followed longer", () => {
    // C, D and J joined on day 0, 20 days before the end: the curve has days 0..20.
    expect(curve).toHaveLength(21);
    expect(activationCurve(TEN, END, 7)).toHaveLength(8);
    expect(activationCurve([], END, 30)).toEqual([]);
  });

  it("censors recent joiners instead of counting them as non-buyers", () => {
    // Counting F and G as non-buyers would give 5 of 10 by day 5 and 6 of 10 by day 12;
    // censoring them gives 0.52 and 0.68.
    const naiveByDay12 =
      TEN.filter((c) => c.activationDay !== null && c.activationDay - c.joinDay <= 12).length /
      TEN.length;
    expect(naiveByDay12).toBeCloseTo(0.6, 12);
    expect(curve[12]?.activated).toBeCloseTo(0.68, 12);
    // Twenty customers who joined the day before the end and have not bought: censored on
    // day 1, so they change nothing beyond the at-risk counts of days 0 and 1.
    const withNewcomers = [
      ...TEN,
      ...Array.from({ length: 20 }, () => ({ joinDay: END - 1, activationDay: null })),
    ];
    const later = activationCurve(withNewcomers, END, 30);
    expect(later[0]?.atRisk).toBe(30);
    // Day 0: 1 of 30 buys (not 1 of 10), so the newcomers do weigh on days 0 and 1 …
    expect(later[0]?.activated).toBeCloseTo(1 / 30, 12);
    // … and from day 2 on only those followed count: S(2) = 29/30 · 28/29 · (1 − 1/8).
    expect(later[2]?.atRisk).toBe(8);
    expect(later[2]?.activated).toBeCloseTo(1 - (28 / 30) * (7 / 8), 12);
  });

  it("keeps the share once everyone followed has bought", () => {
    const all = [
      { joinDay: 0, activationDay: 1 },
      { joinDay: 0, activationDay: 3 },
    ];
    const curve = activationCurve(all, 10, 10);
    expect(curve).toHaveLength(11);
    expect(curve[2]?.activated).toBeCloseTo(0.5, 12);
    expect(curve[10]).toMatchObject({ activated: 1, atRisk: 0 });
  });

  it("counts a purchase dated before the sign-up as day 0", () => {
    expect(activationCurve([{ joinDay: 5, activationDay: 3 }], 10, 10)[0]?.activated).toBe(1);
  });
});

describe("offerFigures", () => {
  const curve = activationCurve(TEN, END, 30);
  const offer = {
    uplift: 0.25,
    fromDay: 3,
    toDay: 12,
    months: 2,
    costPerClientPerMonth: 25,
    newPerMonth: 200,
    paidFor: "every-new-client" as const,
  };

  it("prices an offer paid for every new client", () => {
    const f = offerFigures(curve, offer);
    // F(2) = 0.3 before the window; F(12) − F(2) = 0.68 − 0.3 = 0.38 inside it.
    expect(f.activatedBeforeWindow).toBeCloseTo(0.3, 12);
    expect(f.baselineRate).toBeCloseTo(0.38, 12);
    // With +25 %: 0.38 · 1.25 = 0.475.
    expect(f.offerRate).toBeCloseTo(0.475, 12);
    // 200 new clients a month: 200 · 0.38 = 76 activate anyway, 76 · 0.25 = 19 more.
    expect(f.baselineActivations).toBeCloseTo(76, 9);
    expect(f.additionalActivations).toBeCloseTo(19, 9);
    // All 200 get 2 months at 25: 10,000; per additional activation 10,000 / 19 = 526.32.
    expect(f.paidClients).toBe(200);
    expect(f.offerCost).toBeCloseTo(10_000, 9);
    expect(f.costPerAdditionalActivation).toBeCloseTo(526.315789, 5);
    expect(f.costPerAdditionalReason).toBeNull();
  });

  it("prices an offer paid only for clients who activate", () => {
    const f = offerFigures(curve, { ...offer, paidFor: "activated-clients" });
    // 76 + 19 = 95 clients · 2 months · 25 = 4,750; 4,750 / 19 = 250.
    expect(f.paidClients).toBeCloseTo(95, 9);
    expect(f.offerCost).toBeCloseTo(4_750, 9);
    expect(f.costPerAdditionalActivation).toBeCloseTo(250, 9);
  });

  it("windows from day 0 start with nobody activated", () => {
    const f = offerFigures(curve, { ...offer, fromDay: 0, toDay: 5 });
    expect(f.activatedBeforeWindow).toBe(0);
    expect(f.baselineRate).toBeCloseTo(0.52, 12);
  });

  it("says why there is no cost per activation when nobody buys in the window", () => {
    // Nobody buys between day 13 and day 20.
    const f = offerFigures(curve, { ...offer, fromDay: 13, toDay: 20 });
    expect(f.baselineRate).toBeCloseTo(0, 12);
    expect(f.additionalActivations).toBeCloseTo(0, 12);
    expect(f.offerCost).toBeCloseTo(10_000, 9);
    expect(f.costPerAdditionalActivation).toBeNull();
    expect(f.costPerAdditionalReason).toMatch(/^No new client first bought the product/);
  });

  it("refuses an uplift that needs more clients than are left", () => {
    // 0.7 have not activated by day 2; 0.38 · (1 + u) ≤ 0.7 allows u ≤ 84.2 %.
    let refusal: unknown;
    try {
      offerFigures(curve, { ...offer, uplift: 0.9 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(OfferCostInputError);
    expect((refusal as OfferCostInputError).field).toBe("uplift");
    expect(englishMessage((refusal as OfferCostInputError).message)).toBe(
      "An uplift of 90.0 % would make 72.2 % of new clients activate in the window, but only 70.0 % have not activated before it opens; the uplift can be at most 84.2 %.",
    );
  });

  it("refuses a window beyond the curve", () => {
    expect(() => offerFigures(curve, { ...offer, toDay: 25 })).toThrow(
      "The curve does not reach day 25.",
    );
  });
});
