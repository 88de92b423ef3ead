import { describe, expect, it } from "vitest";
import { imputeMedian, prepareFeatures, signedLog1p, standardize } from "~/analytics/scaling";
import { mean, median, quantile, skewness, variance } from "~/analytics/stats";

describe("stats", () => {
  it("computes mean, variance, median and type-7 quantiles", () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(variance(xs)).toBe(4); // Σ(x − 5)² = 32, / 8
    expect(variance(xs, 1)).toBeCloseTo(32 / 7, 12);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // h = (5 − 1) · 0.25 = 1 → x[1] = 20; h = 4 · 0.9 = 3.6 → 40 + 0.6 · (50 − 40) = 46.
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12);
  });

  it("computes the moment skewness g1", () => {
    // x = 0, 0, 3: mean 1, deviations −1, −1, 2 → m2 = 6/3 = 2, m3 = (−1 − 1 + 8)/3 = 2,
    // g1 = 2 / 2^1.5 = 0.7071…
    expect(skewness([0, 0, 3])).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(skewness([1, 2, 3])).toBe(0);
  });
});

describe("scaling", () => {
  it("standardises with the population standard deviation", () => {
    const { z, mean: m, sd } = standardize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect([m, sd]).toEqual([5, 2]);
    expect(Array.from(z)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(Array.from(standardize([3, 3]).z)).toEqual([0, 0]);
  });

  it("applies the signed log transform", () => {
    expect(signedLog1p(Math.E - 1)).toBeCloseTo(1, 12);
    expect(signedLog1p(-(Math.E - 1))).toBeCloseTo(-1, 12);
    expect(signedLog1p(0)).toBe(0);
  });

  it("imputes the median and counts replacements", () => {
    const result = imputeMedian([1, Number.NaN, 3, 10, Number.NaN]);
    expect(result.median).toBe(3);
    expect(result.imputed).toBe(2);
    expect(Array.from(result.values)).toEqual([1, 3, 3, 10, 3]);
  });

  it("drops incomplete rows or imputes, then logs and standardises", () => {
    const spend = [0, Number.NaN, Math.E - 1, Math.E ** 2 - 1];
    const visits = [1, 2, Number.NaN, 5];
    const dropped = prepareFeatures(
      [
        { name: "spend", values: spend, log: true },
        { name: "visits", values: visits },
      ],
      "drop-rows",
    );
    expect(dropped.droppedRows).toBe(2);
    expect(Array.from(dropped.rowIndex)).toEqual([0, 3]);
    // Kept rows: log spend = 0 and 2 → z = −1, 1; visits 1 and 5 → z = −1, 1.
    expect(Array.from(dropped.matrix.data)).toEqual([-1, -1, 1, 1]);

    const imputed = prepareFeatures([{ name: "visits", values: visits }], "impute-median");
    expect(imputed.droppedRows).toBe(0);
    expect(imputed.imputedPerFeature).toEqual({ visits: 1 });
    // visits → 1, 2, 2, 5: mean 2.5, σ = √((2.25 + 0.25 + 0.25 + 6.25)/4) = 1.5.
    expect(Array.from(imputed.matrix.data)).toEqual([-1, -1 / 3, -1 / 3, 5 / 3]);
  });
});
