/**
 * PCA to two dimensions for the cluster scatter plot (ml-pca). Components come from the
 * eigen-decomposition of the covariance matrix Σ = XᶜᵀXᶜ / (n − 1) of the centred data Xᶜ,
 * which for n ≫ d (100 000 × 10) is much cheaper than an SVD of X itself.
 */
import { Matrix } from "ml-matrix";
import { PCA } from "ml-pca";
import type { FeatureMatrix } from "./feature-matrix";

export interface Projection {
  /** Score on the first principal component per row: PC1ᵢ = (xᵢ − x̄) · u₁. */
  x: Float64Array;
  /** Score on the second principal component per row: PC2ᵢ = (xᵢ − x̄) · u₂. */
  y: Float64Array;
  /** Share of total variance per component, λⱼ / Σλ. */
  explainedVariance: [number, number];
  /** Unit eigenvectors u₁, u₂: weight of each feature in each component. */
  loadings: { feature: string; pc1: number; pc2: number }[];
}

/**
 * Projects rows onto the first two principal components. Each component's sign is chosen so
 * that its largest-magnitude loading is positive, so repeated runs draw the same picture.
 * Needs at least two rows and two columns.
 */
export function projectTo2d(
  matrix: FeatureMatrix,
  featureNames: readonly string[] = [],
): Projection {
  if (matrix.rows < 2 || matrix.cols < 2)
    throw new RangeError("PCA needs at least 2 rows and 2 columns");
  const dataset = Matrix.from1DArray(matrix.rows, matrix.cols, matrix.data);
  const pca = new PCA(dataset, { method: "covarianceMatrix", center: true, scale: false });
  const eigenvectors = pca.getEigenvectors();
  const signs = [0, 1].map((component) => {
    const column = eigenvectors.getColumn(component);
    const strongest = column.reduce(
      (best, v, i) => (Math.abs(v) > Math.abs(column[best] ?? 0) ? i : best),
      0,
    );
    return (column[strongest] ?? 0) < 0 ? -1 : 1;
  });
  const scores = pca.predict(dataset, { nComponents: 2 });
  const x = new Float64Array(matrix.rows);
  const y = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    x[i] = scores.get(i, 0) * (signs[0] as number);
    y[i] = scores.get(i, 1) * (signs[1] as number);
  }
  const explained = pca.getExplainedVariance();
  return {
    x,
    y,
    explainedVariance: [explained[0] ?? 0, explained[1] ?? 0],
    loadings: Array.from({ length: matrix.cols }, (_, j) => ({
      feature: featureNames[j] ?? `feature ${j + 1}`,
      pc1: eigenvectors.get(j, 0) * (signs[0] as number),
      pc2: eigenvectors.get(j, 1) * (signs[1] as number),
    })),
  };
}
