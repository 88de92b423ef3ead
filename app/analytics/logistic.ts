/**
 * L2-regularised logistic regression fitted by Newton's method, plus the encoder
 * that turns attribute records (age, gender, residency, …) into standardised numeric rows.
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";
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
  /** Newton steps at most (each solves a (cols + 1)² system); default 100. */
  maxIterations?: number;
  /** Stop when the largest gradient component is below this (default 1e-8). */
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
 * by Newton's method: gradient ∇w = (1/n) Σ (pᵢ − yᵢ) xᵢ + λw, ∇b = (1/n) Σ (pᵢ − yᵢ);
 * Hessian (1/n) Σ pᵢ(1 − pᵢ) x̃ᵢ x̃ᵢᵀ + λ (weights only), x̃ = (x, 1). J is strictly convex,
 * so each step solves H d = ∇J (Cholesky) and halves d until J decreases enough (Armijo).
 * Why Newton: a handful of passes over the rows instead of the hundreds that gradient
 * descent needs, which matters when a page trains one model per product.
 */
export function trainLogistic(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel {
  const { l2 = 0.01, maxIterations = 100, tolerance = 1e-8 } = options;
  const { data, rows: n, cols } = x;
  const size = cols + 1; // the weights, then the bias
  let theta = new Float64Array(size);
  let current = objective(x, y, theta, l2);
  let iterations = 0;
  while (iterations < maxIterations) {
    const { gradient, hessian } = newtonSystem(data, n, cols, y, theta, l2);
    let largest = 0;
    for (const g of gradient) largest = Math.max(largest, Math.abs(g));
    if (largest < tolerance) break;
    iterations++;
    const direction = new CholeskyDecomposition(hessian).solve(
      Matrix.columnVector(Array.from(gradient)),
    );
    let decrease = 0;
    for (let j = 0; j < size; j++) decrease += (gradient[j] as number) * direction.get(j, 0);
    let step = 1;
    for (;;) {
      const next = new Float64Array(size);
      for (let j = 0; j < size; j++) next[j] = (theta[j] as number) - step * direction.get(j, 0);
      const value = objective(x, y, next, l2);
      if (value <= current - 1e-4 * step * decrease || step < 1e-10) {
        theta = next;
        current = value;
        break;
      }
      step /= 2;
    }
  }
  return { weights: theta.slice(0, cols), bias: theta[cols] as number, iterations, loss: current };
}

/** The gradient and Hessian of J at θ = (w, b), scaled by 1/n. */
function newtonSystem(
  data: Float64Array,
  n: number,
  cols: number,
  y: ArrayLike<number>,
  theta: Float64Array,
  l2: number,
) {
  const size = cols + 1;
  const gradient = new Float64Array(size);
  const h = new Float64Array(size * size);
  const bias = theta[cols] as number;
  for (let i = 0; i < n; i++) {
    const offset = i * cols;
    const p = sigmoid(linear(theta, bias, data, offset, cols));
    const residual = p - (y[i] as number);
    const weight = p * (1 - p);
    for (let j = 0; j < cols; j++) {
      const xj = data[offset + j] as number;
      if (xj === 0) continue; // one-hot columns are mostly zeros
      gradient[j] = (gradient[j] as number) + residual * xj;
      const wx = weight * xj;
      for (let k = j; k < cols; k++) {
        h[j * size + k] = (h[j * size + k] as number) + wx * (data[offset + k] as number);
      }
      h[j * size + cols] = (h[j * size + cols] as number) + wx;
    }
    gradient[cols] = (gradient[cols] as number) + residual;
    h[cols * size + cols] = (h[cols * size + cols] as number) + weight;
  }
  const hessian = new Matrix(size, size);
  for (let j = 0; j < size; j++) {
    gradient[j] =
      (gradient[j] as number) / Math.max(1, n) + (j < cols ? l2 * (theta[j] as number) : 0);
    for (let k = j; k < size; k++) {
      // A tiny ridge keeps the bias row positive definite when every pᵢ is 0 or 1.
      const value =
        (h[j * size + k] as number) / Math.max(1, n) + (j === k ? (j < cols ? l2 : 1e-12) : 0);
      hessian.set(j, k, value);
      hessian.set(k, j, value);
    }
  }
  return { gradient, hessian };
}

/** J(θ): mean log-loss plus the L2 penalty on the weights. */
function objective(x: FeatureMatrix, y: ArrayLike<number>, theta: Float64Array, l2: number) {
  const { data, rows: n, cols } = x;
  const bias = theta[cols] as number;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = linear(theta, bias, data, i * cols, cols);
    // −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z), stable for large |z|.
    loss += (y[i] as number) === 1 ? softplus(-z) : softplus(z);
  }
  let penalty = 0;
  for (let j = 0; j < cols; j++) penalty += (theta[j] as number) ** 2;
  return loss / Math.max(1, n) + (l2 / 2) * penalty;
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
