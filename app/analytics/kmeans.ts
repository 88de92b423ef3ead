/**
 * k-means on a row-major Float64Array: greedy k-means++ seeding (as scikit-learn and
 * ml-kmeans do) and Lloyd iterations (lloyd.ts), best of several seeded restarts by inertia.
 * Written over typed arrays because ml-kmeans works on number[][] with a function call per
 * distance, which measured 5–10× slower here (see docs/analytics.md, "Clustering").
 */
import type { FeatureMatrix } from "./feature-matrix";
import { type KMeansFit, lloyd, squaredDistance } from "./lloyd";
import { createRandom, type SeededRandom } from "./random";

export type { KMeansFit } from "./lloyd";

export interface KMeansOptions {
  seed?: number;
  /** Independent k-means++ starts; the lowest inertia wins (scikit-learn's n_init). */
  restarts?: number;
  /** Upper bound on Lloyd iterations of the winning start. */
  maxIterations?: number;
  /** Iterations each start gets before the best one is picked. */
  screeningIterations?: number;
}

/** Defaults of kmeans() (clusterFeatures overrides seed, restarts and maxIterations). */
export const KMEANS_DEFAULTS = {
  seed: 42,
  restarts: 10,
  maxIterations: 300,
  screeningIterations: 30,
} as const;

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007; scikit-learn's variant): the first
 * centre is a uniform random row; each next centre is the best of 2 + ⌊ln k⌋ candidates drawn
 * with probability ∝ D(x)², D = distance to the nearest centre so far, "best" = lowest Σ D².
 */
export function kmeansPlusPlus(
  matrix: FeatureMatrix,
  k: number,
  random: SeededRandom,
): Float64Array {
  const { data, rows, cols } = matrix;
  const centroids = new Float64Array(k * cols);
  const first = random.nextInt(rows);
  centroids.set(data.subarray(first * cols, first * cols + cols), 0);
  let closest = new Float64Array(rows);
  for (let i = 0; i < rows; i++) closest[i] = squaredDistance(data, i, centroids, 0, cols);
  const trials = 2 + Math.floor(Math.log(k));
  const cumulative = new Float64Array(rows);
  let candidateDistances = new Float64Array(rows);
  let bestDistances = new Float64Array(rows);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < rows; i++) {
      running += closest[i] as number;
      cumulative[i] = running;
    }
    let bestCandidate = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let t = 0; t < trials; t++) {
      const candidate =
        running > 0 ? pickByWeight(cumulative, random.next() * running) : random.nextInt(rows);
      let potential = 0;
      for (let i = 0; i < rows; i++) {
        const dist = Math.min(
          closest[i] as number,
          squaredDistance(data, i, data, candidate, cols),
        );
        candidateDistances[i] = dist;
        potential += dist;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestCandidate = candidate;
        [bestDistances, candidateDistances] = [candidateDistances, bestDistances];
      }
    }
    centroids.set(data.subarray(bestCandidate * cols, bestCandidate * cols + cols), c * cols);
    [closest, bestDistances] = [bestDistances, closest];
  }
  return centroids;
}

/** First index whose cumulative weight exceeds the target (binary search). */
function pickByWeight(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The k-means++ starting centroids kmeans() begins from with these options, one k × cols
 * array per restart in order. Exposed so a reference implementation can be run from exactly
 * the same starts (bench/analytics.ts); kmeans() itself uses it, so the two cannot drift.
 */
export function kmeansStarts(
  matrix: FeatureMatrix,
  k: number,
  options: Pick<KMeansOptions, "seed" | "restarts"> = {},
): Float64Array[] {
  const { seed = KMEANS_DEFAULTS.seed, restarts = KMEANS_DEFAULTS.restarts } = options;
  if (k < 1 || k > matrix.rows)
    throw new RangeError(`k must be between 1 and ${matrix.rows}, got ${k}`);
  const random = createRandom(seed);
  return Array.from({ length: Math.max(1, restarts) }, () => kmeansPlusPlus(matrix, k, random));
}

/**
 * k-means: `restarts` seeded k-means++ starts (default 10). Each start runs at most
 * `screeningIterations` Lloyd iterations (default 30); the start with the lowest inertia then
 * continues to convergence (≤ maxIterations in total). Screening spends the restarts' time
 * where the partitions differ — the first iterations — instead of polishing losers.
 */
export function kmeans(matrix: FeatureMatrix, k: number, options: KMeansOptions = {}): KMeansFit {
  const {
    maxIterations = KMEANS_DEFAULTS.maxIterations,
    screeningIterations = KMEANS_DEFAULTS.screeningIterations,
  } = options;
  let best: KMeansFit | undefined;
  for (const start of kmeansStarts(matrix, k, options)) {
    const fit = lloyd(matrix, start, k, Math.min(screeningIterations, maxIterations));
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  const screened = best as KMeansFit;
  if (screened.converged) return screened;
  const rest = lloyd(matrix, screened.centroids, k, maxIterations - screened.iterations);
  return { ...rest, iterations: screened.iterations + rest.iterations };
}
