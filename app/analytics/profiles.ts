/**
 * Readable cluster profiles: size, each feature's cluster mean against the overall mean,
 * the most common values of categorical attributes, and a suggested name built from the
 * features that set the cluster apart most (e.g. "High income, frequent buyers").
 */

export interface ProfileFeature {
  name: string;
  /** Raw (unscaled) values aligned with the labels; NaN = missing, skipped in means. */
  values: ArrayLike<number>;
  /** Words for the name when the cluster is above / below average, e.g. "frequent buyers". */
  highLabel?: string;
  lowLabel?: string;
}

export interface ProfileCategory {
  name: string;
  values: ArrayLike<string | null | undefined>;
}

export interface FeatureComparison {
  name: string;
  mean: number;
  overallMean: number;
  /** (cluster mean − overall mean) / |overall mean|; null when the overall mean is 0. */
  relativeDifference: number | null;
  /** (cluster mean − overall mean) / overall σ: the effect size used for naming. */
  standardizedDifference: number;
}

export interface CategoryShare {
  value: string;
  count: number;
  /** count / cluster rows with a value for this attribute. */
  share: number;
  /** The same value's share among all rows, for comparison. */
  overallShare: number;
}

export interface ClusterProfile {
  cluster: number;
  size: number;
  share: number;
  features: FeatureComparison[];
  categories: { name: string; top: CategoryShare[] }[];
  suggestedName: string;
}

export interface ProfileOptions {
  topCategories?: number;
  /** Minimum |standardizedDifference| for a feature to appear in the name (default 0.5 σ). */
  nameThreshold?: number;
  /** At most this many features in a name (default 2). */
  maxNameParts?: number;
}

/**
 * Profiles clusters 0..k − 1. Name rule: features with |(cluster mean − overall mean) / σ| ≥
 * nameThreshold, strongest first, at most maxNameParts, each as its high or low label
 * ("High <name>" / "Low <name>" by default); "Close to average" when none qualifies.
 * Repeated names get " (2)", " (3)" so every cluster name is unique.
 */
export function profileClusters(
  labels: ArrayLike<number>,
  k: number,
  features: readonly ProfileFeature[],
  categories: readonly ProfileCategory[] = [],
  options: ProfileOptions = {},
): ClusterProfile[] {
  const { topCategories = 3, nameThreshold = 0.5, maxNameParts = 2 } = options;
  const n = labels.length;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i] as number] = (sizes[labels[i] as number] ?? 0) + 1;

  const featureStats = features.map((feature) => meansByCluster(labels, k, feature.values));
  const categoryStats = categories.map((category) => countsByCluster(labels, k, category.values));
  const seenNames = new Map<string, number>();

  return sizes.map((size, cluster) => {
    const comparisons = features.map((feature, f) => {
      const stats = featureStats[f] as ReturnType<typeof meansByCluster>;
      const mean = stats.means[cluster] as number;
      const difference = mean - stats.overallMean;
      return {
        name: feature.name,
        mean,
        overallMean: stats.overallMean,
        relativeDifference:
          stats.overallMean === 0 ? null : difference / Math.abs(stats.overallMean),
        standardizedDifference: stats.overallSd > 0 ? difference / stats.overallSd : 0,
      };
    });
    const baseName = suggestName(comparisons, features, nameThreshold, maxNameParts);
    const repeat = (seenNames.get(baseName) ?? 0) + 1;
    seenNames.set(baseName, repeat);
    return {
      cluster,
      size,
      share: n === 0 ? 0 : size / n,
      features: comparisons,
      categories: categories.map((category, c) => {
        const stats = categoryStats[c] as ReturnType<typeof countsByCluster>;
        return { name: category.name, top: topShares(stats, cluster, topCategories) };
      }),
      suggestedName: repeat === 1 ? baseName : `${baseName} (${repeat})`,
    };
  });
}

function suggestName(
  comparisons: readonly FeatureComparison[],
  features: readonly ProfileFeature[],
  threshold: number,
  maxParts: number,
): string {
  const parts = comparisons
    .map((comparison, f) => ({ comparison, feature: features[f] as ProfileFeature }))
    .filter(({ comparison }) => Math.abs(comparison.standardizedDifference) >= threshold)
    .sort(
      (a, b) =>
        Math.abs(b.comparison.standardizedDifference) -
        Math.abs(a.comparison.standardizedDifference),
    )
    .slice(0, maxParts)
    .map(({ comparison, feature }) =>
      comparison.standardizedDifference > 0
        ? (feature.highLabel ?? `high ${feature.name}`)
        : (feature.lowLabel ?? `low ${feature.name}`),
    );
  const name = parts.length === 0 ? "close to average" : parts.join(", ");
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Per-cluster means, overall mean and overall population σ, skipping NaN. */
function meansByCluster(labels: ArrayLike<number>, k: number, values: ArrayLike<number>) {
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  let total = 0;
  let squares = 0;
  let present = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const c = labels[i] as number;
    sums[c] = (sums[c] as number) + v;
    counts[c] = (counts[c] as number) + 1;
    total += v;
    squares += v * v;
    present++;
  }
  const overallMean = present === 0 ? Number.NaN : total / present;
  const overallSd =
    present === 0 ? 0 : Math.sqrt(Math.max(0, squares / present - overallMean * overallMean));
  const means = Array.from(sums, (s, c) =>
    (counts[c] as number) === 0 ? Number.NaN : s / (counts[c] as number),
  );
  return { means, overallMean, overallSd };
}

function countsByCluster(
  labels: ArrayLike<number>,
  k: number,
  values: ArrayLike<string | null | undefined>,
) {
  const perCluster = Array.from({ length: k }, () => new Map<string, number>());
  const overall = new Map<string, number>();
  const presentPerCluster = new Array<number>(k).fill(0);
  let present = 0;
  for (let i = 0; i < labels.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || value === "") continue;
    const c = labels[i] as number;
    const counts = perCluster[c] as Map<string, number>;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    overall.set(value, (overall.get(value) ?? 0) + 1);
    presentPerCluster[c] = (presentPerCluster[c] ?? 0) + 1;
    present++;
  }
  return { perCluster, overall, presentPerCluster, present };
}

function topShares(
  stats: ReturnType<typeof countsByCluster>,
  cluster: number,
  top: number,
): CategoryShare[] {
  const counts = stats.perCluster[cluster] as Map<string, number>;
  const present = stats.presentPerCluster[cluster] as number;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([value, count]) => ({
      value,
      count,
      share: count / present,
      overallShare: (stats.overall.get(value) ?? 0) / stats.present,
    }));
}
