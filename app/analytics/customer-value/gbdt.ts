/**
 * A compact histogram gradient-boosted regression tree ensemble (squared error), the
 * method of LightGBM / scikit-learn's HistGradientBoostingRegressor in miniature: each
 * feature is cut into at most 64 quantile bins once, each tree grows level by level from
 * per-bin gradient sums (O(rows × features) per level, not O(rows²)), leaves are shrunk
 * and the rows of each tree subsampled. Why not an npm tree package: ADR 029.
 * docs/analytics.md §24.
 */
import { createRandom } from "../random";

export interface BoostingOptions {
  trees: number;
  learningRate: number;
  maxDepth: number;
  minLeafRows: number;
  /** Share of rows each tree sees (without replacement). */
  subsample: number;
  /** L2 penalty on leaf values (in rows). */
  lambda: number;
  maxBins: number;
  seed: number;
}

export const DEFAULT_BOOSTING: BoostingOptions = {
  trees: 150,
  learningRate: 0.1,
  maxDepth: 4,
  minLeafRows: 20,
  subsample: 0.8,
  lambda: 1,
  maxBins: 64,
  seed: 1,
};

/** A tree as flat arrays; node 0 is the root, a leaf has feature −1. */
interface Tree {
  feature: Int32Array;
  /** Go left when value ≤ threshold. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  /** Squared-error reduction of each split node (0 at leaves), for feature importance. */
  gain: Float64Array;
}

export interface BoostedModel {
  base: number;
  trees: Tree[];
  learningRate: number;
  featureCount: number;
}

/** Quantile cut points of one column: at most maxBins − 1 distinct thresholds. */
function binEdges(column: ArrayLike<number>, maxBins: number): Float64Array {
  const sorted = Float64Array.from(column).sort();
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / maxBins)] as number;
    // A bin holds the values ≤ its edge (and > the edge before), so ties stay together.
    if (edges.length === 0 || v > (edges[edges.length - 1] as number)) edges.push(v);
  }
  // Drop an edge at the maximum: nothing would go right of it.
  const max = sorted[sorted.length - 1] as number;
  while (edges.length > 0 && (edges[edges.length - 1] as number) >= max) edges.pop();
  return Float64Array.from(edges);
}

function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (edges[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Fits y from columns[f][i] (row i, feature f). Deterministic for a given seed. */
export function fitBoostedTrees(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: Partial<BoostingOptions> = {},
): BoostedModel {
  const o = { ...DEFAULT_BOOSTING, ...options };
  const n = y.length;
  const featureCount = columns.length;
  if (n === 0) throw new RangeError("Boosting needs at least one row");
  const edges = columns.map((column) => binEdges(column, o.maxBins));
  // Bins row by row, so one row's features sit together in memory.
  const binsByRow = new Uint8Array(n * featureCount);
  for (let f = 0; f < featureCount; f++) {
    const column = columns[f] as ArrayLike<number>;
    const e = edges[f] as Float64Array;
    for (let i = 0; i < n; i++) binsByRow[i * featureCount + f] = binOf(e, column[i] as number);
  }
  let base = 0;
  for (let i = 0; i < n; i++) base += y[i] as number;
  base /= n;
  const prediction = new Float64Array(n).fill(base);
  const residual = new Float64Array(n);
  const random = createRandom(o.seed);
  const trees: Tree[] = [];
  const sampleSize = Math.max(1, Math.round(o.subsample * n));
  const rowsOf = new Int32Array(n);
  const binCount = o.maxBins;
  /** Per feature and bin: [sum of residuals, rows], interleaved. */
  const histogram = (rows: Int32Array): Float64Array => {
    const hist = new Float64Array(2 * featureCount * binCount);
    for (const i of rows) {
      const g = residual[i] as number;
      const rowOffset = i * featureCount;
      for (let f = 0; f < featureCount; f++) {
        const k = 2 * (f * binCount + (binsByRow[rowOffset + f] as number));
        hist[k] = (hist[k] as number) + g;
        hist[k + 1] = (hist[k + 1] as number) + 1;
      }
    }
    return hist;
  };

  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) residual[i] = (y[i] as number) - (prediction[i] as number);
    // Subsample by a partial Fisher–Yates shuffle of the row ids.
    for (let i = 0; i < n; i++) rowsOf[i] = i;
    for (let i = 0; i < sampleSize; i++) {
      const j = i + random.nextInt(n - i);
      const swap = rowsOf[i] as number;
      rowsOf[i] = rowsOf[j] as number;
      rowsOf[j] = swap;
    }
    const sample = rowsOf.subarray(0, sampleSize);

    const feature: number[] = [-1];
    const threshold: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const value: number[] = [0];
    const nodeGain: number[] = [0];
    // Grow depth-first from a stack of nodes, each with its rows and gradient histogram.
    // A split builds the histogram of its smaller child only; the larger one is the
    // parent's minus it (the "histogram subtraction" of LightGBM), halving the work.
    const stack: { node: number; rows: Int32Array; depth: number; hist: Float64Array }[] = [
      {
        node: 0,
        rows: Int32Array.from(sample),
        depth: 0,
        hist: histogram(Int32Array.from(sample)),
      },
    ];
    while (stack.length > 0) {
      const { node, rows, depth, hist } = stack.pop() as (typeof stack)[number];
      let g = 0;
      for (const i of rows) g += residual[i] as number;
      value[node] = g / (rows.length + o.lambda);
      if (depth === o.maxDepth || rows.length < 2 * o.minLeafRows) continue;
      const parentScore = (g * g) / (rows.length + o.lambda);
      let bestGain = 1e-12;
      let bestFeature = -1;
      let bestBin = -1;
      for (let f = 0; f < featureCount; f++) {
        const offset = 2 * f * binCount;
        const binsHere = (edges[f] as Float64Array).length;
        let gl = 0;
        let nl = 0;
        for (let k = 0; k < binsHere; k++) {
          gl += hist[offset + 2 * k] as number;
          nl += hist[offset + 2 * k + 1] as number;
          const nr = rows.length - nl;
          if (nl < o.minLeafRows) continue;
          if (nr < o.minLeafRows) break;
          const gr = g - gl;
          const splitGain = (gl * gl) / (nl + o.lambda) + (gr * gr) / (nr + o.lambda) - parentScore;
          if (splitGain > bestGain) {
            bestGain = splitGain;
            bestFeature = f;
            bestBin = k;
          }
        }
      }
      if (bestFeature < 0) continue;
      nodeGain[node] = bestGain;
      const leftNode = feature.length;
      const rightNode = leftNode + 1;
      feature.push(-1, -1);
      threshold.push(0, 0);
      left.push(-1, -1);
      right.push(-1, -1);
      value.push(0, 0);
      nodeGain.push(0, 0);
      feature[node] = bestFeature;
      threshold[node] = (edges[bestFeature] as Float64Array)[bestBin] as number;
      left[node] = leftNode;
      right[node] = rightNode;
      const leftRows: number[] = [];
      const rightRows: number[] = [];
      for (const i of rows)
        ((binsByRow[i * featureCount + bestFeature] as number) <= bestBin
          ? leftRows
          : rightRows
        ).push(i);
      const l = Int32Array.from(leftRows);
      const r = Int32Array.from(rightRows);
      const small = l.length <= r.length ? l : r;
      const smallHist = histogram(small);
      const largeHist = hist;
      for (let k = 0; k < largeHist.length; k++)
        largeHist[k] = (largeHist[k] as number) - (smallHist[k] as number);
      const d = depth + 1;
      stack.push({ node: leftNode, rows: l, depth: d, hist: small === l ? smallHist : largeHist });
      stack.push({ node: rightNode, rows: r, depth: d, hist: small === l ? largeHist : smallHist });
    }
    const tree: Tree = {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value, (v) => v * o.learningRate),
      gain: Float64Array.from(nodeGain),
    };
    trees.push(tree);
    // Update every row (sampled or not) through the raw columns.
    for (let i = 0; i < n; i++)
      prediction[i] = (prediction[i] as number) + treeValue(tree, columns, i);
  }
  return { base, trees, learningRate: o.learningRate, featureCount };
}

function treeValue(tree: Tree, columns: readonly ArrayLike<number>[], i: number): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const f = tree.feature[node] as number;
    node =
      ((columns[f] as ArrayLike<number>)[i] as number) <= (tree.threshold[node] as number)
        ? (tree.left[node] as number)
        : (tree.right[node] as number);
  }
  return tree.value[node] as number;
}

/** Predictions for columns[f][i], using the first `treeCount` trees (default all). */
export function predictBoostedTrees(
  model: BoostedModel,
  columns: readonly ArrayLike<number>[],
  treeCount = model.trees.length,
): Float64Array {
  const n = columns[0]?.length ?? 0;
  const out = new Float64Array(n).fill(model.base);
  for (let t = 0; t < treeCount; t++) {
    const tree = model.trees[t] as Tree;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + treeValue(tree, columns, i);
  }
  return out;
}

/**
 * How many trees to keep: the count whose predictions (floored at 0, as revenue is) have
 * the smallest squared error on rows the fit never saw. At least one.
 */
export function bestTreeCount(
  model: BoostedModel,
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
): number {
  const running = new Float64Array(y.length).fill(model.base);
  let best = Number.POSITIVE_INFINITY;
  let count = model.trees.length;
  for (let t = 0; t < model.trees.length; t++) {
    const tree = model.trees[t] as Tree;
    let squared = 0;
    for (let i = 0; i < y.length; i++) {
      running[i] = (running[i] as number) + treeValue(tree, columns, i);
      squared += ((y[i] as number) - Math.max(0, running[i] as number)) ** 2;
    }
    if (squared < best) {
      best = squared;
      count = t + 1;
    }
  }
  return count;
}

/**
 * Each feature's share of the total split gain of the first `treeCount` trees (sums to 1;
 * all 0 when no split was made).
 */
export function featureImportance(model: BoostedModel, treeCount = model.trees.length): number[] {
  const gain = new Float64Array(model.featureCount);
  for (const tree of model.trees.slice(0, treeCount))
    for (let node = 0; node < tree.feature.length; node++) {
      const f = tree.feature[node] as number;
      if (f >= 0) gain[f] = (gain[f] as number) + (tree.gain[node] as number);
    }
  const total = gain.reduce((s, g) => s + g, 0);
  return [...gain].map((g) => (total > 0 ? g / total : 0));
}
