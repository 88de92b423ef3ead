// The affinity index on hand-worked counts (docs/analytics.md §23): rates smoothed with 10
// pseudo-customers at the segment's share, index = Σ q·rate / (Σ q · R₀), overall = product.
import { describe, expect, it } from "vitest";
import {
  AFFINITY_PRIOR,
  affinityIndex,
  baseOf,
  diagnoseSeparation,
  type SegmentCounts,
  totalVariation,
} from "~/analytics/affinity-index";

// §23's example: 100 customers, half young (18–24), half 55+; S leans young, T old.
const S: SegmentCounts = { size: 50, counts: { age: { age_18_24: 30, age_55_plus: 20 } } };
const T: SegmentCounts = { size: 50, counts: { age: { age_18_24: 20, age_55_plus: 30 } } };
const base = baseOf([S, T]);
const A = { age: { age_18_24: 0.8, age_55_plus: 0.2 } };
const B = { age: { age_18_24: 0.3, age_55_plus: 0.7 } };

describe("affinityIndex", () => {
  it("reproduces the worked example", () => {
    expect(AFFINITY_PRIOR).toBe(10);
    expect(base).toEqual({ size: 100, counts: { age: { age_18_24: 50, age_55_plus: 50 } } });
    // P = ½; rate_S(18–24) = (30 + 5) / 60 = 0.58333, rate_S(55+) = 25 / 60 = 0.41667;
    // R₀ = (50 · 0.58333 + 50 · 0.41667) / 100 = 0.5.
    // A: (0.8 · 0.58333 + 0.2 · 0.41667) / 0.5 = 1.1; B: (0.3 · 0.58333 + 0.7 · 0.41667) / 0.5.
    const sa = affinityIndex(S, base, A);
    expect(sa.index).toBeCloseTo(1.1, 12);
    expect(sa.dimensions).toEqual([
      {
        dimension: "age",
        index: expect.closeTo(1.1, 12),
        bucket: "age_18_24",
        audienceShare: 0.8,
        bucketIndex: expect.closeTo(35 / 60 / 0.5, 12),
      },
    ]);
    expect(affinityIndex(S, base, B).index).toBeCloseTo(0.933333, 6);
    expect(affinityIndex(T, base, A).index).toBeCloseTo(0.9, 12);
    const tb = affinityIndex(T, base, B);
    expect(tb.index).toBeCloseTo(1.066667, 6);
    // The 55+ bucket pulls 0.7 · (1.16667 − 1) = +0.11667, 18–24 0.3 · (0.83333 − 1) = −0.05.
    expect(tb.dimensions[0]).toMatchObject({ bucket: "age_55_plus", audienceShare: 0.7 });
    expect(tb.dimensions[0]?.bucketIndex).toBeCloseTo(7 / 6, 12);
  });

  it("is 100 for an audience shaped like the base, and names the pull of an index below 1", () => {
    expect(affinityIndex(S, base, { age: { age_18_24: 1, age_55_plus: 1 } }).index).toBeCloseTo(
      1,
      12,
    );
    const sb = affinityIndex(S, base, B);
    expect(sb.dimensions[0]).toMatchObject({ bucket: "age_55_plus", audienceShare: 0.7 });
  });

  it("multiplies dimensions and leaves out those one side lacks", () => {
    const s = { size: 2, counts: { age: { a: 2 }, gender: { female: 2 } } };
    const t = { size: 2, counts: { age: { b: 2 }, gender: { male: 2 } } };
    const both = baseOf([s, t]);
    // k = 10, P = ½: rate(a) = (2 + 5) / 12, rate(b) = 5 / 12, R₀ = ½; audience all "a":
    // age index = (7/12) / ½ = 7/6; gender likewise for female; overall (7/6)².
    const result = affinityIndex(s, both, {
      age: { a: 1 },
      gender: { female: 1 },
      residency: { resident: 1 },
    });
    expect(result.index).toBeCloseTo((7 / 6) ** 2, 12);
    expect(result.notCompared).toEqual(["residency"]);
    expect(affinityIndex(s, both, { residency: { resident: 1 } })).toEqual({
      index: 1,
      dimensions: [],
      notCompared: ["age", "gender", "residency"],
    });
  });

  it("measures several interests per customer against the base's interest mix", () => {
    // Everyone in S has two interests, in T one: S is over-represented in every interest
    // count, yet an audience with the base's interest mix is still 100.
    const s = { size: 10, counts: { interests: { travel: 10, tech: 10 } } };
    const t = { size: 10, counts: { interests: { travel: 8, tech: 2 } } };
    const both = baseOf([s, t]);
    const baseMix = { interests: { travel: 18, tech: 12 } };
    expect(affinityIndex(s, both, baseMix).index).toBeCloseTo(1, 12);
    // Tech-heavy audience: rate(tech) = (10 + 5) / 22, rate(travel) = 15 / 28,
    // R₀ = (18 · 15/28 + 12 · 15/22) / 30; index = rate(tech) / R₀.
    const r0 = (18 * (15 / 28) + 12 * (15 / 22)) / 30;
    expect(affinityIndex(s, both, { interests: { tech: 1 } }).index).toBeCloseTo(15 / 22 / r0, 12);
  });
});

describe("totalVariation", () => {
  it("is half the sum of absolute differences of the normalised shares", () => {
    expect(totalVariation({ a: 3, b: 1 }, { a: 1, b: 1 })).toBeCloseTo(0.25, 12);
    expect(totalVariation({ a: 1 }, { b: 1 })).toBe(1);
  });
});

describe("diagnoseSeparation", () => {
  it("separates on a dimension where segments and audiences both differ", () => {
    expect(diagnoseSeparation([S, T], [A, B])).toEqual({
      dimensions: [
        // S's index runs from 0.93333 (B) to 1.1 (A).
        { dimension: "age", status: "separates", largestDifference: expect.closeTo(1 / 6, 12) },
      ],
      separating: ["age"],
    });
  });

  it("says which dimensions are missing and which are equal", () => {
    const alike = (size: number) => ({
      size,
      counts: { gender: { female: size / 2, male: size / 2 }, age: { young: size } },
    });
    const diagnosis = diagnoseSeparation(
      [alike(40), alike(60)],
      [
        { gender: { female: 0.9, male: 0.1 }, residency: { resident: 1 }, age: { young: 1 } },
        { gender: { female: 0.1, male: 0.9 }, residency: { resident: 0.5, non_resident: 0.5 } },
      ],
    );
    expect(diagnosis.separating).toEqual([]);
    expect(diagnosis.dimensions).toEqual([
      { dimension: "age", status: "segmentsEqual", largestDifference: 0 },
      { dimension: "gender", status: "segmentsEqual", largestDifference: 0 },
      { dimension: "residency", status: "noCustomerData" },
    ]);
  });

  it("blames the audiences when the segments differ but the audiences are alike", () => {
    const same = { age: { age_18_24: 0.5, age_55_plus: 0.5 } };
    const diagnosis = diagnoseSeparation([S, T], [same, { ...same }]);
    // S smoothed: (30 + 5) / 60 = 0.58333 against the base's 0.5 → TV 0.08333 ≥ 0.05.
    expect(diagnosis.dimensions).toEqual([
      { dimension: "age", status: "channelsEqual", largestDifference: 0 },
    ]);
  });
});
