import { describe, expect, it } from "vitest";
import { compareProfiles, jsDivergence, jsSimilarity, klDivergence } from "~/analytics/divergence";

describe("Kullback–Leibler divergence (bits)", () => {
  it("matches a worked example without zero shares", () => {
    // P = (½, ½), Q = (¼, ¾): KL = ½ log₂(½ / ¼) + ½ log₂(½ / ¾) = ½ · 1 + ½ · (−0.5849625) = 0.2075187.
    expect(klDivergence({ a: 0.5, b: 0.5 }, { a: 0.25, b: 0.75 }, 0)).toBeCloseTo(0.2075187, 6);
    // Counts are normalised first: (2, 2) vs (1, 3) is the same pair of distributions.
    expect(klDivergence({ a: 2, b: 2 }, { a: 1, b: 3 }, 0)).toBeCloseTo(0.2075187, 6);
  });

  it("stays finite on a zero share thanks to ε smoothing", () => {
    // P = (½, ½), Q = (1, 0), ε = 0.01, m = 2: p′ = (0.51/1.02, 0.51/1.02) = (½, ½);
    // q′ = (1.01/1.02, 0.01/1.02). KL = ½ log₂(0.51/1.01) + ½ log₂(0.51/0.01)
    //    = ½ · (−0.985785) + ½ · 5.672425 = 2.343320.
    expect(klDivergence({ a: 0.5, b: 0.5 }, { a: 1 }, 0.01)).toBeCloseTo(2.34332, 5);
    expect(Number.isFinite(klDivergence({ a: 1 }, { b: 1 }))).toBe(true);
  });

  it("is zero for identical distributions", () => {
    expect(klDivergence({ a: 0.3, b: 0.7 }, { a: 0.3, b: 0.7 })).toBeCloseTo(0, 12);
  });
});

describe("Jensen–Shannon divergence (bits)", () => {
  it("matches a worked example with a zero share", () => {
    // P = (½, ½), Q = (1, 0), M = (¾, ¼).
    // KL(P‖M) = ½ log₂(⅔) + ½ log₂ 2 = 0.2075187; KL(Q‖M) = log₂(4/3) = 0.4150375.
    // JS = ½ (0.2075187 + 0.4150375) = 0.3112781.
    expect(jsDivergence({ a: 0.5, b: 0.5 }, { a: 1, b: 0 })).toBeCloseTo(0.3112781, 6);
    expect(jsDivergence({ a: 1 }, { a: 0.5, b: 0.5 })).toBeCloseTo(0.3112781, 6); // symmetric
  });

  it("is 1 for disjoint and 0 for identical distributions", () => {
    expect(jsDivergence({ a: 1 }, { b: 1 })).toBe(1);
    expect(jsDivergence({ a: 0.2, b: 0.8 }, { a: 0.2, b: 0.8 })).toBe(0);
    expect(jsSimilarity({ a: 1 }, { b: 1 })).toBe(0);
  });

  it("rejects negative shares and empty distributions", () => {
    expect(() => jsDivergence({ a: -1, b: 2 }, { a: 1 })).toThrow(RangeError);
    expect(() => jsDivergence({ a: 0 }, { a: 1 })).toThrow(RangeError);
  });
});

describe("compareProfiles", () => {
  it("averages similarity over shared dimensions and sums KL", () => {
    const segment = { gender: { f: 0.5, m: 0.5 }, age: { young: 1 }, region: { north: 1 } };
    const audience = { gender: { f: 1 }, age: { young: 1 } };
    const result = compareProfiles(segment, audience, { epsilon: 0.01 });
    // gender: 1 − 0.3112781 = 0.6887219; age: 1. Mean = 0.8443609.
    expect(result.similarity).toBeCloseTo(0.8443609, 6);
    expect(result.missingDimensions).toEqual(["region"]);
    expect(result.klTotal).toBeCloseTo(2.34332, 5); // gender 2.343320 + age 0
    const weighted = compareProfiles(segment, audience, { weights: { gender: 3, age: 1 } });
    expect(weighted.similarity).toBeCloseTo((3 * 0.6887219 + 1) / 4, 6);
  });
});
