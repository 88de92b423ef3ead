/** Error measures of a value forecast against what happened (docs/analytics.md §24). */

export interface RegressionMetrics {
  /** Mean absolute error, in money. */
  mae: number;
  /** Root mean squared error, in money. */
  rmse: number;
  /** 1 − SS_res / SS_tot; null when every actual value is the same. */
  r2: number | null;
}

export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  const n = actual.length;
  if (n === 0 || predicted.length !== n)
    throw new RangeError("Metrics need as many predictions as actual values, at least one");
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] as number;
  mean /= n;
  let absolute = 0;
  let squared = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const error = (actual[i] as number) - (predicted[i] as number);
    absolute += Math.abs(error);
    squared += error * error;
    total += ((actual[i] as number) - mean) ** 2;
  }
  return {
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
    r2: total > 0 ? 1 - squared / total : null,
  };
}
