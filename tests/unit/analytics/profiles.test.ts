import { describe, expect, it } from "vitest";
import { profileClusters } from "~/analytics/profiles";

describe("profileClusters", () => {
  // Six customers in two clusters.
  const labels = [0, 0, 0, 1, 1, 1];
  const income = [100, 100, 100, 40, 40, 40]; // overall mean 70, σ = 30
  const orders = [10, 12, 14, 2, 4, 6]; // overall mean 8, σ = √(112/6) = 4.3205
  const age = [40, 40, 40, 40, 40, 41]; // nearly constant
  const city = ["Oslo", "Oslo", "Bergen", "Oslo", "Tromsø", "Tromsø"];
  const profiles = profileClusters(
    labels,
    2,
    [
      { name: "income", values: income },
      {
        name: "orders",
        values: orders,
        highLabel: "frequent buyers",
        lowLabel: "occasional buyers",
      },
      { name: "age", values: age },
    ],
    [{ name: "city", values: city }],
  );

  it("compares cluster means with the overall mean", () => {
    const first = profiles[0];
    expect(first).toMatchObject({ cluster: 0, size: 3, share: 0.5 });
    const incomeRow = first?.features[0];
    // Cluster mean 100 vs 70: relative difference 30/70 = 0.4286, effect 30 / 30 = 1 σ.
    expect(incomeRow).toMatchObject({ name: "income", mean: 100, overallMean: 70 });
    expect(incomeRow?.relativeDifference).toBeCloseTo(30 / 70, 12);
    expect(incomeRow?.standardizedDifference).toBeCloseTo(1, 12);
  });

  it("lists the top categories with shares", () => {
    // Cluster 0 cities: Oslo 2/3, Bergen 1/3; overall Oslo 3/6.
    expect(profiles[0]?.categories[0]?.top).toEqual([
      { value: "Oslo", count: 2, share: 2 / 3, overallShare: 0.5 },
      { value: "Bergen", count: 1, share: 1 / 3, overallShare: 1 / 6 },
    ]);
  });

  it("suggests names from the strongest differences", () => {
    // Cluster 0: income +1 σ, orders (12 − 8)/4.3205 = +0.926 σ, age (40 − 40.167)/0.3727
    // = −0.447 σ, below the 0.5 σ threshold. Strongest first: "High income, frequent buyers".
    // Cluster 1 mirrors it: −1 σ, −0.926 σ, +0.447 σ.
    expect(profiles[0]?.suggestedName).toBe("High income, frequent buyers");
    expect(profiles[1]?.suggestedName).toBe("Low income, occasional buyers");
  });

  it("falls back to a neutral name and keeps names unique", () => {
    const flat = profileClusters([0, 1, 0, 1], 2, [{ name: "x", values: [1, 1, 2, 2] }]);
    expect(flat.map((p) => p.suggestedName)).toEqual(["Close to average", "Close to average (2)"]);
  });
});
