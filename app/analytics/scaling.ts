/**
 * Feature preparation for clustering: optional log transform, missing-value handling
 * (median imputation or row dropping, with counts) and standardisation to z-scores.
 */
import { type FeatureMatrix, fromColumns } from "./feature-matrix";
import { mean, median, standardDeviation } from "./stats";

/** Signed log transform t(x) = sign(x) · ln(1 + |x|): tames long right tails, keeps 0 at 0. */
export function signedLog1p(value: number): number {
  return Math.sign(value) * Math.log1p(Math.abs(value));
}

/**
 * Standardisation z = (x − x̄) / σ with the population σ (ddof = 0, as scikit-learn's
 * StandardScaler). A constant column (σ = 0) becomes all zeros instead of NaN.
 */
export function standardize(values: ArrayLike<number>): {
  z: Float64Array;
  mean: number;
  sd: number;
} {
  const m = mean(values);
  const sd = standardDeviation(values);
  const z = new Float64Array(values.length);
  if (sd > 0) for (let i = 0; i < values.length; i++) z[i] = ((values[i] as number) - m) / sd;
  return { z, mean: m, sd };
}

/** Replaces NaN with the median of the present values; returns how many were replaced. */
export function imputeMedian(values: ArrayLike<number>): {
  values: Float64Array;
  imputed: number;
  median: number;
} {
  const present = Array.from(values).filter((v) => !Number.isNaN(v));
  const fill = present.length === 0 ? 0 : median(present);
  const out = Float64Array.from(values);
  let imputed = 0;
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) {
      out[i] = fill;
      imputed++;
    }
  }
  return { values: out, imputed, median: fill };
}

export interface FeatureColumn {
  name: string;
  /** Raw values; NaN marks a missing value. */
  values: ArrayLike<number>;
  /** Apply signedLog1p before standardising (for skewed money / count features). */
  log?: boolean;
}

export type MissingValuePolicy = "impute-median" | "drop-rows";

export interface PreparedFeatures {
  matrix: FeatureMatrix;
  names: string[];
  /** Original row number of each matrix row (rows with missing values may be dropped). */
  rowIndex: Int32Array;
  droppedRows: number;
  imputedPerFeature: Record<string, number>;
  /** Mean and σ of each (possibly log-transformed) column, to explain or invert z-scores. */
  means: number[];
  sds: number[];
}

/**
 * Builds the standardised feature matrix. Order of steps: (1) missing values — "drop-rows"
 * removes any row with a NaN, "impute-median" replaces NaN by the column median of the raw
 * values; (2) signedLog1p where `log` is set; (3) z = (x − x̄) / σ per column.
 */
export function prepareFeatures(
  columns: readonly FeatureColumn[],
  policy: MissingValuePolicy = "impute-median",
): PreparedFeatures {
  const rows = columns[0]?.values.length ?? 0;
  const keep: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (policy === "impute-median" || columns.every((c) => !Number.isNaN(c.values[i] as number))) {
      keep.push(i);
    }
  }
  const imputedPerFeature: Record<string, number> = {};
  const means: number[] = [];
  const sds: number[] = [];
  const standardized = columns.map((column) => {
    const kept = Float64Array.from(keep, (i) => column.values[i] as number);
    const filled = imputeMedian(kept);
    imputedPerFeature[column.name] = filled.imputed;
    const transformed = column.log ? filled.values.map(signedLog1p) : filled.values;
    const scaled = standardize(transformed);
    means.push(scaled.mean);
    sds.push(scaled.sd);
    return scaled.z;
  });
  return {
    matrix: fromColumns(standardized),
    names: columns.map((c) => c.name),
    rowIndex: Int32Array.from(keep),
    droppedRows: rows - keep.length,
    imputedPerFeature,
    means,
    sds,
  };
}
