/**
 * Lloyd's k-means iterations over a row-major Float64Array, accelerated with Hamerly's
 * bounds (Hamerly 2010): each row keeps an upper bound on the distance to its own centroid
 * and a lower bound on the distance to any other, so rows whose bounds prove the assignment
 * unchanged skip the k distance computations. Results equal plain Lloyd (up to exact ties).
 */
import type { FeatureMatrix } from "./feature-matrix";

export interface KMeansFit {
  k: number;
  /** k × cols, row-major. */
  centroids: Float64Array;
  labels: Int32Array;
  /** Inertia = Σᵢ ‖xᵢ − c(label i)‖², the within-cluster sum of squares. */
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Squared Euclidean distance between row i of `a` and row j of `b` (both with `cols` columns). */
export function squaredDistance(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  cols: number,
): number {
  let total = 0;
  const ai = i * cols;
  const bj = j * cols;
  for (let d = 0; d < cols; d++) {
    const diff = (a[ai + d] as number) - (b[bj + d] as number);
    total += diff * diff;
  }
  return total;
}

/**
 * Labels each row with its nearest centroid (squared Euclidean distance) and returns the
 * inertia Σ min_c ‖xᵢ − c‖².
 */
export function assignToCentroids(
  matrix: FeatureMatrix,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
): number {
  const { data, rows, cols } = matrix;
  let inertia = 0;
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const dist = squaredDistance(data, i, centroids, c, cols);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  return inertia;
}

/**
 * Lloyd's algorithm from given centroids: assign every row to its nearest centroid, move each
 * centroid to the mean of its rows (an emptied cluster takes the row farthest from its
 * centroid); stop when no label changes, when the total squared centroid shift
 * Σ‖c_new − c_old‖² ≤ tolerance × (mean per-column variance) — scikit-learn's rule, default
 * tolerance 1e-4 — or after maxIterations.
 */
export function lloyd(
  matrix: FeatureMatrix,
  initialCentroids: Float64Array,
  k: number,
  maxIterations = 300,
  tolerance = 1e-4,
): KMeansFit {
  const { data, rows, cols } = matrix;
  const centroids = Float64Array.from(initialCentroids);
  const labels = new Int32Array(rows);
  const upper = new Float64Array(rows);
  const lower = new Float64Array(rows);
  const halfGap = new Float64Array(k);
  const moved = new Float64Array(k);
  const sums = new Float64Array(k * cols);
  const counts = new Int32Array(k);
  const shiftLimit = tolerance * meanColumnVariance(matrix);
  for (let i = 0; i < rows; i++) nearestTwo(matrix, centroids, k, i, labels, upper, lower, true);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    // Recompute centroids as means of their rows.
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < rows; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let d = 0; d < cols; d++)
        sums[c * cols + d] = (sums[c * cols + d] as number) + (data[i * cols + d] as number);
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const count = counts[c] as number;
      let source: Float64Array = sums;
      let offset = c * cols;
      if (count === 0) {
        // The row moves to the emptied cluster; 0 bounds stay valid after the moves below.
        const farthest = farthestRow(upper);
        labels[farthest] = c;
        upper[farthest] = 0;
        lower[farthest] = 0;
        source = data;
        offset = farthest * cols;
      }
      let squared = 0;
      for (let d = 0; d < cols; d++) {
        const value = (source[offset + d] as number) / (count === 0 ? 1 : count);
        squared += (value - (centroids[c * cols + d] as number)) ** 2;
        centroids[c * cols + d] = value;
      }
      moved[c] = Math.sqrt(squared);
      shift += squared;
    }
    // Move the bounds by how far the centroids moved (triangle inequality keeps them valid).
    let largest = 0;
    for (let c = 1; c < k; c++) if ((moved[c] as number) > (moved[largest] as number)) largest = c;
    let secondLargest = 0;
    for (let c = 0; c < k; c++)
      if (c !== largest && (moved[c] as number) > secondLargest) secondLargest = moved[c] as number;
    for (let i = 0; i < rows; i++) {
      const own = labels[i] as number;
      upper[i] = (upper[i] as number) + (moved[own] as number);
      lower[i] =
        (lower[i] as number) - (own === largest ? secondLargest : (moved[largest] as number));
    }
    converged = shift <= shiftLimit;
    if (converged) break;
    // Reassign only rows whose bounds do not rule out a change.
    computeHalfGaps(centroids, k, cols, halfGap);
    let changed = 0;
    for (let i = 0; i < rows; i++) {
      const own = labels[i] as number;
      const bound = Math.max(halfGap[own] as number, lower[i] as number);
      if ((upper[i] as number) <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(data, i, centroids, own, cols));
      if ((upper[i] as number) <= bound) continue;
      if (nearestTwo(matrix, centroids, k, i, labels, upper, lower, false)) changed++;
    }
    if (changed === 0) converged = true;
  }
  const inertia = assignToCentroids(matrix, centroids, k, labels);
  return { k, centroids, labels, inertia, iterations, converged };
}

/** Sets labels[i] to the nearest centroid, upper[i] / lower[i] to the nearest / second distance. */
function nearestTwo(
  matrix: FeatureMatrix,
  centroids: Float64Array,
  k: number,
  i: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  initial: boolean,
): boolean {
  let best = 0;
  let first = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(matrix.data, i, centroids, c, matrix.cols);
    if (dist < first) {
      second = first;
      first = dist;
      best = c;
    } else if (dist < second) second = dist;
  }
  const changed = initial || labels[i] !== best;
  labels[i] = best;
  upper[i] = Math.sqrt(first);
  lower[i] = Math.sqrt(second);
  return changed;
}

/** halfGap[c] = ½ · min over other centroids c′ of ‖c − c′‖: no row nearer than this to c can switch. */
function computeHalfGaps(centroids: Float64Array, k: number, cols: number, halfGap: Float64Array) {
  halfGap.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = Math.sqrt(squaredDistance(centroids, a, centroids, b, cols)) / 2;
      if (half < (halfGap[a] as number)) halfGap[a] = half;
      if (half < (halfGap[b] as number)) halfGap[b] = half;
    }
  }
}

function farthestRow(upper: Float64Array): number {
  let farthest = 0;
  for (let i = 1; i < upper.length; i++)
    if ((upper[i] as number) > (upper[farthest] as number)) farthest = i;
  return farthest;
}

/** Mean over columns of the population variance, the scale of the tolerance above. */
function meanColumnVariance(matrix: FeatureMatrix): number {
  const { data, rows, cols } = matrix;
  if (rows === 0) return 0;
  let total = 0;
  for (let d = 0; d < cols; d++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + d] as number;
      sum += v;
      squares += v * v;
    }
    const mean = sum / rows;
    total += squares / rows - mean * mean;
  }
  return total / cols;
}
