/**
 * Silhouette (Rousseeuw 1987) with Euclidean distance. For row i in cluster A:
 * a(i) = mean distance to the other rows of A, b(i) = min over clusters B ≠ A of the mean
 * distance to the rows of B, s(i) = (b − a) / max(a, b); s(i) = 0 when A has one row
 * (scikit-learn's convention). Cost O(s² · d) for s rows; several labelings of the same
 * rows share each distance computation, so scoring k = 2..10 costs about one pass.
 */
import { type FeatureMatrix, selectRows } from "./feature-matrix";

export interface Labeling {
  /** Cluster of each row of the full matrix, 0..k − 1. */
  labels: Int32Array;
  k: number;
}

/** s(i) for every row of `matrix` (exact, all pairs). */
export function silhouetteSamples(matrix: FeatureMatrix, labeling: Labeling): Float64Array {
  return silhouetteValues(matrix, [labeling])[0] as Float64Array;
}

/**
 * Mean silhouette (1/s) Σ s(i) of each labeling, computed on the rows in `rows` only
 * (all rows when omitted): distances, cluster sizes and means all refer to that subset, as
 * scikit-learn's silhouette_score(sample_size=…) does.
 */
export function meanSilhouettes(
  matrix: FeatureMatrix,
  labelings: readonly Labeling[],
  rows?: Int32Array,
): number[] {
  const subset = rows ? selectRows(matrix, rows) : matrix;
  const subLabelings = rows
    ? labelings.map((l) => ({
        k: l.k,
        labels: Int32Array.from(rows, (r) => l.labels[r] as number),
      }))
    : labelings;
  return silhouetteValues(subset, subLabelings).map((values) => {
    let total = 0;
    for (const v of values) total += v;
    return values.length === 0 ? 0 : total / values.length;
  });
}

function silhouetteValues(matrix: FeatureMatrix, labelings: readonly Labeling[]): Float64Array[] {
  const { data, rows: n, cols } = matrix;
  // sums[L][i·k + c] = Σ distance from row i to the rows of cluster c under labeling L.
  const sums = labelings.map((l) => new Float64Array(n * l.k));
  const rowDistances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * cols;
    for (let j = i + 1; j < n; j++) {
      const other = j * cols;
      let squared = 0;
      for (let d = 0; d < cols; d++) {
        const diff = (data[base + d] as number) - (data[other + d] as number);
        squared += diff * diff;
      }
      rowDistances[j] = Math.sqrt(squared);
    }
    labelings.forEach((labeling, L) => {
      addRow(i, rowDistances, labeling.labels, labeling.k, sums[L] as Float64Array);
    });
  }
  return labelings.map((labeling, L) => {
    const { k } = labeling;
    const sizes = new Int32Array(k);
    for (const label of labeling.labels) sizes[label] = (sizes[label] as number) + 1;
    const acc = sums[L] as Float64Array;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const own = labeling.labels[i] as number;
      const ownSize = sizes[own] as number;
      if (ownSize <= 1) continue;
      const a = (acc[i * k + own] as number) / (ownSize - 1);
      let b = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const size = sizes[c] as number;
        if (c !== own && size > 0) b = Math.min(b, (acc[i * k + c] as number) / size);
      }
      const spread = Math.max(a, b);
      values[i] = Number.isFinite(b) && spread > 0 ? (b - a) / spread : 0;
    }
    return values;
  });
}

/** Adds row i's distances to rows j > i into both rows' per-cluster sums. */
function addRow(
  i: number,
  distances: Float64Array,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
) {
  const own = labels[i] as number;
  const rowBase = i * k;
  for (let j = i + 1; j < distances.length; j++) {
    const distance = distances[j] as number;
    const toJ = rowBase + (labels[j] as number);
    const toI = j * k + own;
    sums[toJ] = (sums[toJ] as number) + distance;
    sums[toI] = (sums[toI] as number) + distance;
  }
}
