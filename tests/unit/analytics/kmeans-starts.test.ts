import { describe, expect, it } from "vitest";
import { fromRows } from "~/analytics/feature-matrix";
import { kmeans, kmeansPlusPlus, kmeansStarts } from "~/analytics/kmeans";
import { lloyd } from "~/analytics/lloyd";
import { createRandom } from "~/analytics/random";

function randomRows(seed: number, count: number, cols: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: cols }, () => random.next()));
}

describe("kmeansStarts", () => {
  const rows = randomRows(5, 300, 3);
  const matrix = fromRows(rows);

  it("draws one k-means++ start per restart from a single seeded generator", () => {
    const starts = kmeansStarts(matrix, 4, { seed: 9, restarts: 3 });
    expect(starts).toHaveLength(3);
    // The restarts share one generator, so start r is the r-th kmeansPlusPlus draw from it.
    const random = createRandom(9);
    for (const start of starts) {
      expect(Array.from(start)).toEqual(Array.from(kmeansPlusPlus(matrix, 4, random)));
    }
    // Every centre is one of the data rows, and the starts differ from one another.
    const asText = new Set(rows.map((row) => row.join()));
    for (const start of starts)
      for (let c = 0; c < 4; c++)
        expect(asText.has(Array.from(start.subarray(c * 3, c * 3 + 3)).join())).toBe(true);
    expect(Array.from(starts[0] as Float64Array)).not.toEqual(
      Array.from(starts[1] as Float64Array),
    );
  });

  it("returns the starts kmeans() begins from: its fit is the best Lloyd run among them", () => {
    for (const k of [2, 5, 8]) {
      const options = { seed: 100 + k, restarts: 6, maxIterations: 300 };
      const runs = kmeansStarts(matrix, k, options).map((start) => lloyd(matrix, start, k, 300));
      const best = runs.reduce((a, b) => (b.inertia < a.inertia ? b : a));
      const fit = kmeans(matrix, k, { ...options, screeningIterations: 300 });
      expect(fit.inertia).toBe(best.inertia);
      expect(Array.from(fit.labels)).toEqual(Array.from(best.labels));
    }
  });

  it("rejects k outside 1..rows like kmeans()", () => {
    expect(() => kmeansStarts(matrix, 0)).toThrow(RangeError);
    expect(() => kmeansStarts(matrix, 301)).toThrow(RangeError);
  });
});
