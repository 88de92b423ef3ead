import { kmeans as mlKmeans } from "ml-kmeans";
import { describe, expect, it } from "vitest";
import { clusterFeatures, predictClusters } from "~/analytics/clustering";
import { fromRows, toRowArrays } from "~/analytics/feature-matrix";
import { kmeans } from "~/analytics/kmeans";
import { lloyd } from "~/analytics/lloyd";
import { createRandom } from "~/analytics/random";
import { meanSilhouettes, silhouetteSamples } from "~/analytics/silhouette";

// Three unit squares far apart. Hand-checked: centroids are the square centres
// (0.5, 0.5), (10.5, 10.5), (0.5, 10.5); every corner is 0.5² + 0.5² = 0.5 from its centre,
// so the inertia is 12 × 0.5 = 6.
const squares = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
  [10, 10],
  [10, 11],
  [11, 10],
  [11, 11],
  [0, 10],
  [0, 11],
  [1, 10],
  [1, 11],
];

function sortedCentroids(centroids: Float64Array, cols: number): number[][] {
  const rows: number[][] = [];
  for (let c = 0; c < centroids.length / cols; c++)
    rows.push(Array.from(centroids.subarray(c * cols, (c + 1) * cols)));
  return rows.sort(
    (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number),
  );
}

describe("kmeans", () => {
  it("finds the hand-checked centroids and inertia of well-separated squares", () => {
    const fit = kmeans(fromRows(squares), 3, { seed: 7 });
    expect(sortedCentroids(fit.centroids, 2)).toEqual([
      [0.5, 0.5],
      [0.5, 10.5],
      [10.5, 10.5],
    ]);
    expect(fit.inertia).toBeCloseTo(6, 12);
    expect(new Set(fit.labels.subarray(0, 4)).size).toBe(1);
  });

  it("is deterministic for a fixed seed", () => {
    const random = createRandom(3);
    const rows = Array.from({ length: 400 }, () => [random.next(), random.next(), random.next()]);
    const a = kmeans(fromRows(rows), 5, { seed: 11 });
    const b = kmeans(fromRows(rows), 5, { seed: 11 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
  });

  it("matches ml-kmeans (plain Lloyd) from the same starting centroids", () => {
    // Hamerly's bounds must not change the result: compare labels and centroids with the
    // reference implementation on random data of varying size, dimension and k.
    for (let seed = 1; seed <= 12; seed++) {
      const random = createRandom(seed);
      const cols = 1 + (seed % 4);
      const k = 2 + (seed % 7);
      const rows = Array.from({ length: 150 + 10 * seed }, () =>
        Array.from({ length: cols }, () => random.next() * (1 + random.next())),
      );
      const start = rows.slice(0, k);
      const matrix = fromRows(rows);
      const ours = lloyd(matrix, Float64Array.from(start.flat()), k, 1000, 0);
      const reference = mlKmeans(toRowArrays(matrix), k, {
        initialization: start,
        maxIterations: 1000,
        tolerance: 0,
      });
      expect(Array.from(ours.labels)).toEqual(reference.clusters);
      reference.centroids.forEach((centroid, c) => {
        centroid.forEach((v, d) => {
          expect(ours.centroids[c * cols + d]).toBeCloseTo(v, 10);
        });
      });
    }
  });

  it("refills a cluster that ends up empty", () => {
    const matrix = fromRows([[0], [0.1], [10], [10.1]]);
    const fit = lloyd(matrix, Float64Array.from([0.05, 10.05, 1000]), 3);
    expect(new Set(fit.labels).size).toBe(3);
  });
});

describe("silhouette", () => {
  it("matches a hand computation with a singleton cluster", () => {
    // 1-D points 0, 1 | 5, 6 | 20. For 0: a = 1, b = min(mean(5, 6), 20) = 5.5 → s = 4.5/5.5 = 9/11.
    // For 1: a = 1, b = min(mean(4, 5), 19) = 4.5 → 7/9. By symmetry 5 → 7/9 and 6 → 9/11
    // (6: b = min(mean(6, 5), 14) = 5.5). The singleton 20 scores 0.
    const matrix = fromRows([[0], [1], [5], [6], [20]]);
    const labels = Int32Array.from([0, 0, 1, 1, 2]);
    const s = Array.from(silhouetteSamples(matrix, { labels, k: 3 }));
    [9 / 11, 7 / 9, 7 / 9, 9 / 11, 0].forEach((expected, i) => {
      expect(s[i]).toBeCloseTo(expected, 12);
    });
    // Mean = (2 · 9/11 + 2 · 7/9) / 5 = 316/495.
    expect(meanSilhouettes(matrix, [{ labels, k: 3 }])[0]).toBeCloseTo(316 / 495, 12);
  });

  it("scores only the sampled rows when given a subset", () => {
    const matrix = fromRows([[0], [1], [5], [6], [20]]);
    const labels = Int32Array.from([0, 0, 1, 1, 2]);
    // Rows 0, 1, 2: 0 → a 1, b 5 → 0.8; 1 → a 1, b 4 → 0.75; 2 alone in its cluster → 0.
    expect(meanSilhouettes(matrix, [{ labels, k: 3 }], Int32Array.from([0, 1, 2]))[0]).toBeCloseTo(
      (0.8 + 0.75) / 3,
      12,
    );
  });
});

function blobs(centres: number[][], perBlob: number, spread: number, seed: number): number[][] {
  const random = createRandom(seed);
  return centres.flatMap((centre) =>
    Array.from({ length: perBlob }, () => centre.map((v) => v + (random.next() - 0.5) * spread)),
  );
}

describe("clusterFeatures", () => {
  const fourBlobs = blobs(
    [
      [0, 0],
      [8, 0],
      [0, 8],
      [8, 8],
    ],
    40,
    2,
    1,
  );

  it("chooses k by the highest mean silhouette", () => {
    const result = clusterFeatures(fromRows(fourBlobs), { kMax: 8 });
    expect(result.k).toBe(4);
    expect(result.kChosenBy).toBe("silhouette");
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...result.candidates.map((c) => c.silhouette));
    expect(result.candidates.find((c) => c.k === 4)?.silhouette).toBe(best);
    expect(result.sizes).toEqual([40, 40, 40, 40]);
    // Inertia never grows with k on this data (the elbow curve).
    const inertias = result.candidates.map((c) => c.inertia);
    inertias.slice(1).forEach((v, i) => {
      expect(v).toBeLessThanOrEqual(inertias[i] as number);
    });
  });

  it("keeps a fixed k", () => {
    const result = clusterFeatures(fromRows(fourBlobs), { kMax: 6, fixedK: 2 });
    expect(result.k).toBe(2);
    expect(result.kChosenBy).toBe("fixed");
  });

  it("samples for fitting and silhouette above the limits and still labels every row", () => {
    const matrix = fromRows(fourBlobs);
    const result = clusterFeatures(matrix, {
      kMax: 6,
      fitSampleSize: 60,
      silhouetteExactLimit: 100,
      silhouetteSampleSize: 80,
    });
    expect(result.fitRows).toBe(60);
    expect(result.silhouetteSampled).toBe(true);
    expect(result.silhouetteRows).toBe(80);
    expect(result.k).toBe(4);
    expect(result.labels).toHaveLength(160);
    const exact = clusterFeatures(matrix, { kMax: 6 });
    expect(result.candidates[2]?.silhouette).toBeCloseTo(exact.candidates[2]?.silhouette ?? 0, 1);
    expect(Array.from(predictClusters(matrix, result.centroids, result.k))).toEqual(
      Array.from(result.labels),
    );
  });

  it("gives identical results for the same seed", () => {
    const a = clusterFeatures(fromRows(fourBlobs), { kMax: 5, seed: 9 });
    const b = clusterFeatures(fromRows(fourBlobs), { kMax: 5, seed: 9 });
    expect(a.candidates).toEqual(b.candidates);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });
});
