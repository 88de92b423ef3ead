/**
 * Descriptive statistics over plain or typed numeric arrays. NaN values are NOT skipped here;
 * callers drop or impute missing values first (see scaling.ts) so that counts stay explicit.
 */

/** Sum Σxᵢ. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/** Arithmetic mean x̄ = Σxᵢ / n (NaN for an empty array). */
export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

/**
 * Variance Σ(xᵢ − x̄)² / (n − ddof). ddof = 0 gives the population variance (used for
 * standardisation, as scikit-learn's StandardScaler does); ddof = 1 the sample variance.
 */
export function variance(values: ArrayLike<number>, ddof = 0): number {
  const n = values.length;
  if (n - ddof <= 0) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    squares += d * d;
  }
  return squares / (n - ddof);
}

/** Standard deviation √variance (population by default, ddof = 0). */
export function standardDeviation(values: ArrayLike<number>, ddof = 0): number {
  return Math.sqrt(variance(values, ddof));
}

/** Copy of the values sorted ascending as a Float64Array (typed sort is numeric and fast). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Quantile of ALREADY SORTED values by linear interpolation between closest ranks
 * (Hyndman & Fan type 7, the default of R and NumPy): h = (n − 1)·p,
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (p <= 0) return sorted[0] as number;
  if (p >= 1) return sorted[n - 1] as number;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, n - 1)] as number;
  return below + (h - lo) * (above - below);
}

/** Quantile (type 7, see quantileSorted) of unsorted values. */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** Median = quantile at p = 0.5 (mean of the two middle values for even n). */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * Sample skewness, Fisher–Pearson moment coefficient g₁ = m₃ / m₂^{3/2} with
 * m_k = Σ(xᵢ − x̄)^k / n. Used to decide whether a feature deserves a log transform.
 */
export function skewness(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const m = mean(values);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  return m2 === 0 ? 0 : m3 / m2 ** 1.5;
}

/**
 * Index of the first element ≥ target in an ascending array (binary search, lower bound).
 * Returns sorted.length when every element is smaller.
 */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > target in an ascending array (binary search, upper bound). */
export function upperBound(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
