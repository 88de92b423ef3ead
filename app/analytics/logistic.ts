/**
 * L2-regularised logistic regression fitted by full-batch gradient descent, plus the encoder
 * that turns attribute records (age, gender, residency, …) into standardised numeric rows.
 */
import type { FeatureMatrix } from "./feature-matrix";

export type AttributeValue = number | string | boolean | null | undefined;
export type AttributeRecord = Readonly<Record<string, AttributeValue>>;

export interface AttributeSpec {
  name: string;
  kind: "numeric" | "categorical";
}

export interface FeatureEncoder {
  /** Column names: numeric attributes as is, categories as "attribute=value". */
  columns: string[];
  encode(record: AttributeRecord): Float64Array;
}

const categoryKey = (value: AttributeValue) => String(value).trim().toLowerCase();
const isMissing = (value: AttributeValue) => value === null || value === undefined || value === "";

/**
 * Encoder fitted on training records. Numeric: z = (x − mean) / σ with the training mean and
 * population σ; missing or non-numeric → 0 (the mean). Categorical: one 0/1 column per value
 * seen in training (trimmed, lower-cased); missing or unseen values → all zeros.
 */
export function fitEncoder(
  specs: readonly AttributeSpec[],
  records: readonly AttributeRecord[],
): FeatureEncoder {
  const columns: string[] = [];
  const encoders: ((record: AttributeRecord, out: Float64Array) => void)[] = [];
  for (const spec of specs) {
    const offset = columns.length;
    if (spec.kind === "numeric") {
      const values = records
        .map((r) => Number(r[spec.name]))
        .filter((v, i) => !isMissing(records[i]?.[spec.name]) && Number.isFinite(v));
      const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const sd = Math.sqrt(
        values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, values.length),
      );
      columns.push(spec.name);
      encoders.push((record, out) => {
        const v = Number(record[spec.name]);
        out[offset] =
          isMissing(record[spec.name]) || !Number.isFinite(v) || sd === 0 ? 0 : (v - mean) / sd;
      });
    } else {
      const categories = [
        ...new Set(
          records.filter((r) => !isMissing(r[spec.name])).map((r) => categoryKey(r[spec.name])),
        ),
      ].sort();
      const position = new Map(categories.map((c, i) => [c, i]));
      for (const c of categories) columns.push(`${spec.name}=${c}`);
      encoders.push((record, out) => {
        const value = record[spec.name];
        const at = isMissing(value) ? undefined : position.get(categoryKey(value));
        if (at !== undefined) out[offset + at] = 1;
      });
    }
  }
  return {
    columns,
    encode(record) {
      const out = new Float64Array(columns.length);
      for (const encode of encoders) encode(record, out);
      return out;
    },
  };
}

/** Encodes many records into one row-major matrix. */
export function encodeAll(
  encoder: FeatureEncoder,
  records: readonly AttributeRecord[],
): FeatureMatrix {
  const cols = encoder.columns.length;
  const data = new Float64Array(records.length * cols);
  records.forEach((record, i) => {
    data.set(encoder.encode(record), i * cols);
  });
  return { data, rows: records.length, cols };
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
  iterations: number;
  /** Final objective: mean log-loss + (λ/2)‖w‖². */
  loss: number;
}

export interface LogisticOptions {
  /** λ of the L2 penalty on the weights (not the bias); default 0.01. */
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest gradient component is below this (default 1e-6). */
  tolerance?: number;
}

/** Logistic function σ(z) = 1 / (1 + e^−z), computed without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Minimises J(w, b) = −(1/n) Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] + (λ/2)‖w‖², pᵢ = σ(w·xᵢ + b),
 * by gradient descent: ∇w = (1/n) Σ (pᵢ − yᵢ) xᵢ + λw, ∇b = (1/n) Σ (pᵢ − yᵢ), step 1/L with
 * L = ¼ (Σⱼ mean(xⱼ²) + 1) + λ, an upper bound on the gradient's Lipschitz constant, so the
 * descent never overshoots.
 */
export function trainLogistic(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel {
  const { l2 = 0.01, maxIterations = 1000, tolerance = 1e-6 } = options;
  const { data, rows: n, cols } = x;
  let trace = 0;
  for (const v of data) trace += v * v;
  const step = 1 / (0.25 * (trace / Math.max(1, n) + 1) + l2);
  const weights = new Float64Array(cols);
  const gradient = new Float64Array(cols);
  let bias = 0;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    gradient.fill(0);
    let biasGradient = 0;
    for (let i = 0; i < n; i++) {
      const residual = sigmoid(linear(weights, bias, data, i * cols, cols)) - (y[i] as number);
      biasGradient += residual;
      for (let j = 0; j < cols; j++)
        gradient[j] = (gradient[j] as number) + residual * (data[i * cols + j] as number);
    }
    let largest = Math.abs(biasGradient / n);
    for (let j = 0; j < cols; j++) {
      const g = (gradient[j] as number) / n + l2 * (weights[j] as number);
      largest = Math.max(largest, Math.abs(g));
      weights[j] = (weights[j] as number) - step * g;
    }
    bias -= (step * biasGradient) / n;
    if (largest < tolerance) break;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = linear(weights, bias, data, i * cols, cols);
    // −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z), stable for large |z|.
    loss += (y[i] as number) === 1 ? softplus(-z) : softplus(z);
  }
  let penalty = 0;
  for (const w of weights) penalty += w * w;
  return { weights, bias, iterations, loss: loss / Math.max(1, n) + (l2 / 2) * penalty };
}

/** Probability p = σ(w·x + b) for one encoded row. */
export function predictProbability(model: LogisticModel, row: Float64Array): number {
  return sigmoid(linear(model.weights, model.bias, row, 0, row.length));
}

function linear(
  weights: Float64Array,
  bias: number,
  data: Float64Array,
  offset: number,
  cols: number,
): number {
  let z = bias;
  for (let j = 0; j < cols; j++) z += (weights[j] as number) * (data[offset + j] as number);
  return z;
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
