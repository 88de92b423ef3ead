/**
 * Segment discovery: k-means for each candidate k, inertia (elbow curve) and mean
 * silhouette per k, and k chosen by the highest mean silhouette unless fixed by the user.
 * Input is the standardised matrix from scaling.ts.
 */
import type { FeatureMatrix } from "./feature-matrix";
import { selectRows } from "./feature-matrix";
import { kmeans } from "./kmeans";
import { assignToCentroids, lloyd } from "./lloyd";
import { createRandom, sampleIndices } from "./random";
import { meanSilhouettes } from "./silhouette";

export interface ClusteringOptions {
  kMin?: number;
  kMax?: number;
  /** Use this k instead of the silhouette choice (the curve is still computed). */
  fixedK?: number;
  seed?: number;
  /** k-means++ starts per k (scikit-learn's n_init = 10). */
  restarts?: number;
  maxIterations?: number;
  /** Above this many rows the restarts run on a seeded sample of this size (see below). */
  fitSampleSize?: number;
  /** Silhouette is exact up to this many rows … */
  silhouetteExactLimit?: number;
  /** … and computed on a seeded random sample of this many rows above it. */
  silhouetteSampleSize?: number;
}

export interface KCandidate {
  k: number;
  /** Σ squared distance of every row to its centroid, on all rows. */
  inertia: number;
  /** Mean silhouette in [−1, 1] on the silhouette rows. */
  silhouette: number;
}

export interface ClusteringResult {
  k: number;
  kChosenBy: "silhouette" | "fixed";
  candidates: KCandidate[];
  labels: Int32Array;
  /** k × cols row-major, in standardised units. */
  centroids: Float64Array;
  sizes: number[];
  fitRows: number;
  silhouetteRows: number;
  silhouetteSampled: boolean;
}

export const CLUSTERING_DEFAULTS = {
  kMin: 2,
  kMax: 10,
  seed: 42,
  restarts: 10,
  maxIterations: 300,
  fitSampleSize: 10_000,
  silhouetteExactLimit: 10_000,
  silhouetteSampleSize: 5_000,
} as const;

/**
 * For each k in kMin..kMax: best of `restarts` k-means++ runs (lowest inertia). Above
 * fitSampleSize rows the restarts run on a seeded sample and the winning centroids are then
 * refined by Lloyd iterations on all rows, so inertia and labels always cover every row.
 * Silhouette is exact up to silhouetteExactLimit rows, else on a seeded sample of
 * silhouetteSampleSize rows. Chosen k = argmax mean silhouette (ties → smaller k).
 */
export function clusterFeatures(
  matrix: FeatureMatrix,
  options: ClusteringOptions = {},
): ClusteringResult {
  const o = { ...CLUSTERING_DEFAULTS, ...options };
  const kMax = Math.min(o.kMax, matrix.rows - 1);
  if (matrix.rows < 3 || kMax < o.kMin)
    throw new RangeError("Too few rows to compare cluster counts");
  const random = createRandom(o.seed);
  const fitSampled = matrix.rows > o.fitSampleSize;
  const fitMatrix = fitSampled
    ? selectRows(matrix, sampleIndices(matrix.rows, o.fitSampleSize, random))
    : matrix;
  const silhouetteSampled = matrix.rows > o.silhouetteExactLimit;
  const silhouetteRows = silhouetteSampled
    ? sampleIndices(matrix.rows, o.silhouetteSampleSize, random)
    : undefined;

  const fits = [];
  for (let k = o.kMin; k <= kMax; k++) {
    const options = { seed: o.seed + k, restarts: o.restarts, maxIterations: o.maxIterations };
    const best = kmeans(fitMatrix, k, options);
    fits.push(fitSampled ? lloyd(matrix, best.centroids, k, o.maxIterations) : best);
  }
  const silhouettes = meanSilhouettes(matrix, fits, silhouetteRows);
  const candidates = fits.map((fit, i) => ({
    k: fit.k,
    inertia: fit.inertia,
    silhouette: silhouettes[i] as number,
  }));

  let chosen = 0;
  candidates.forEach((c, i) => {
    if (c.silhouette > (candidates[chosen] as KCandidate).silhouette) chosen = i;
  });
  let kChosenBy: ClusteringResult["kChosenBy"] = "silhouette";
  let fit = fits[chosen] as (typeof fits)[number];
  if (o.fixedK !== undefined) {
    kChosenBy = "fixed";
    const fixed = fits.find((f) => f.k === o.fixedK);
    fit =
      fixed ??
      kmeans(matrix, o.fixedK, {
        seed: o.seed + o.fixedK,
        restarts: o.restarts,
        maxIterations: o.maxIterations,
      });
  }
  return {
    k: fit.k,
    kChosenBy,
    candidates,
    labels: fit.labels,
    centroids: fit.centroids,
    sizes: clusterSizes(fit.labels, fit.k),
    fitRows: fitMatrix.rows,
    silhouetteRows: silhouetteRows?.length ?? matrix.rows,
    silhouetteSampled,
  };
}

/** Number of rows per cluster label 0..k − 1. */
export function clusterSizes(labels: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label] = (sizes[label] ?? 0) + 1;
  return sizes;
}

/** Labels for new rows: nearest centroid of a fitted clustering (squared Euclidean). */
export function predictClusters(
  matrix: FeatureMatrix,
  centroids: Float64Array,
  k: number,
): Int32Array {
  const labels = new Int32Array(matrix.rows);
  assignToCentroids(matrix, centroids, k, labels);
  return labels;
}
