import { describe, expect, it } from "vitest";
import { fromRows } from "~/analytics/feature-matrix";
import { projectTo2d } from "~/analytics/projection";

describe("projectTo2d", () => {
  it("finds the known principal direction", () => {
    // Points on the line y = 2x plus a small perpendicular wobble ±0.1 along (−2, 1)/√5:
    // the first component must be (1, 2)/√5 and carry almost all the variance.
    const rows = [-2, -1, 0, 1, 2].flatMap((t) =>
      [-0.1, 0.1].map((w) => [t - (2 * w) / Math.sqrt(5), 2 * t + w / Math.sqrt(5)]),
    );
    const p = projectTo2d(fromRows(rows), ["x", "y"]);
    expect(p.loadings[0]?.pc1).toBeCloseTo(1 / Math.sqrt(5), 10);
    expect(p.loadings[1]?.pc1).toBeCloseTo(2 / Math.sqrt(5), 10);
    // Scores on PC1 are t · √5 (distance along the line); on PC2 the wobble ±0.1.
    expect(p.x[0]).toBeCloseTo(-2 * Math.sqrt(5), 10);
    expect(Math.abs(p.y[0] as number)).toBeCloseTo(0.1, 10);
    // Variance along the line: t² · 5 averaged = 5 · 2 = 10 (pairs), wobble 0.01 → share 10/10.01.
    expect(p.explainedVariance[0]).toBeCloseTo(10 / 10.01, 10);
  });

  it("orients each component so its largest loading is positive", () => {
    const rows = [
      [-3, -3, 0],
      [3, 3, 0],
      [-1, -1, 1],
      [1, 1, -1],
    ];
    const p = projectTo2d(fromRows(rows));
    for (const key of ["pc1", "pc2"] as const) {
      const strongest = p.loadings.reduce((a, b) => (Math.abs(b[key]) > Math.abs(a[key]) ? b : a));
      expect(strongest[key]).toBeGreaterThan(0);
    }
  });
});
