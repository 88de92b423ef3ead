/** The boosted trees fit known functions; the metrics match hand-worked figures. */
import { describe, expect, it } from "vitest";
import {
  featureImportance,
  fitBoostedTrees,
  predictBoostedTrees,
} from "~/analytics/customer-value/gbdt";
import { regressionMetrics } from "~/analytics/customer-value/metrics";
import { trainValueModel } from "~/analytics/customer-value/train";
import { createRandom } from "~/analytics/random";
import { simulateValueHistory } from "../../../helpers/value-history";

describe("regression metrics", () => {
  it("matches a hand-worked example", () => {
    // Errors 1, −2, 0, 3: MAE 6/4 = 1.5, RMSE √(14/4) = 1.8708.
    const actual = [2, 4, 6, 8];
    const predicted = [1, 6, 6, 5];
    const m = regressionMetrics(actual, predicted);
    expect(m.mae).toBe(1.5);
    expect(m.rmse).toBeCloseTo(Math.sqrt(14 / 4), 12);
    // SS_tot = 9 + 1 + 1 + 9 = 20, SS_res = 1 + 4 + 0 + 9 = 14: R² = 1 − 14/20 = 0.3.
    expect(m.r2).toBeCloseTo(0.3, 12);
  });

  it("gives no R² when every actual value is the same", () => {
    expect(regressionMetrics([3, 3], [1, 5]).r2).toBeNull();
  });

  it("refuses mismatched lengths", () => {
    expect(() => regressionMetrics([1, 2], [1])).toThrow(RangeError);
  });
});

describe("boosted trees", () => {
  it("fit a step function exactly enough and credit the feature that matters", () => {
    const random = createRandom(2);
    const n = 2000;
    const x0 = Float64Array.from({ length: n }, () => random.next() * 10);
    const noise = Float64Array.from({ length: n }, () => random.next() * 10);
    const y = x0.map((v) => (v < 3 ? 10 : v < 7 ? 40 : 25));
    const model = fitBoostedTrees([x0, noise], y, { trees: 100, subsample: 1, minLeafRows: 5 });
    const probe = [Float64Array.from([1, 5, 9]), Float64Array.from([5, 5, 5])];
    const p = predictBoostedTrees(model, probe);
    expect(p[0]).toBeCloseTo(10, 0);
    expect(p[1]).toBeCloseTo(40, 0);
    expect(p[2]).toBeCloseTo(25, 0);
    const [important, ignored] = featureImportance(model);
    expect(important).toBeGreaterThan(0.99);
    expect(ignored).toBeLessThan(0.01);
  });

  it("fit a smooth function of two features with small error", () => {
    const random = createRandom(3);
    const n = 4000;
    const a = Float64Array.from({ length: n }, () => random.next());
    const b = Float64Array.from({ length: n }, () => random.next());
    const y = a.map((v, i) => 100 * v * v + 50 * (b[i] as number));
    const model = fitBoostedTrees([a, b], y, { trees: 150 });
    const m = regressionMetrics(y, predictBoostedTrees(model, [a, b]));
    expect(m.r2).toBeGreaterThan(0.99);
    expect(m.mae).toBeLessThan(2.5);
  });

  it("are deterministic for a seed", () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => i % 17);
    const y = x.map((v) => v * 2);
    const one = predictBoostedTrees(fitBoostedTrees([x], y, { seed: 4 }), [x]);
    const two = predictBoostedTrees(fitBoostedTrees([x], y, { seed: 4 }), [x]);
    expect([...one]).toEqual([...two]);
  });
});

describe("value model training", () => {
  it("beats the last-period baseline on simulated customers and explains itself", () => {
    const history = simulateValueHistory({ customers: 2000, days: 730, seed: 11 });
    const result = trainValueModel(history, { horizonDays: 90 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.metrics.model.rmse).toBeLessThan(result.metrics.last_period.rmse);
    expect(result.metrics.model.r2 ?? 0).toBeGreaterThan(result.metrics.last_period.r2 ?? 0);
    expect(result.used === "model").toBe(result.lostTo.length === 0);
    if (result.used !== "model") expect(result.reason).toBe("model_loses");
    const total = result.importance.reduce((s, f) => s + f.share, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(result.scored.customers.length).toBe(result.scored.values.length);
    expect(Math.min(...result.scored.values)).toBeGreaterThanOrEqual(0);
  });

  it("says why it cannot train on too little history", () => {
    const history = simulateValueHistory({ customers: 100, days: 200, seed: 1 });
    expect(trainValueModel(history, { horizonDays: 90 })).toEqual({
      ok: false,
      reason: "too_little_history",
      needed: 270,
    });
  });
});
