/**
 * How close a segment's profile is to a channel's audience, per dimension (age band,
 * gender, interests, …). Distributions are category → share or count; they are normalised
 * to sum to 1 over the union of categories of both sides. Logarithms are base 2 (bits).
 */

export type Distribution = Readonly<Record<string, number>>;
/** dimension → distribution, e.g. { gender: { female: 0.6, male: 0.4 } }. */
export type Profile = Readonly<Record<string, Distribution>>;

/**
 * ε of the additive smoothing used by KL: p′ᵢ = (pᵢ + ε) / (1 + m·ε) over the m categories,
 * so a category one side lacks costs a large but finite amount instead of ∞.
 */
export const KL_EPSILON = 1e-6;

function aligned(p: Distribution, q: Distribution): [Float64Array, Float64Array] {
  const categories = [...new Set([...Object.keys(p), ...Object.keys(q)])];
  const toShares = (d: Distribution) => {
    const values = Float64Array.from(categories, (c) => d[c] ?? 0);
    let total = 0;
    for (const v of values) {
      if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError("Shares must be finite and ≥ 0");
      total += v;
    }
    if (total === 0) throw new RangeError("A distribution needs at least one positive share");
    return values.map((v) => v / total);
  };
  return [toShares(p), toShares(q)];
}

function smooth(shares: Float64Array, epsilon: number): Float64Array {
  const denominator = 1 + shares.length * epsilon;
  return shares.map((v) => (v + epsilon) / denominator);
}

/** Σ pᵢ log₂(pᵢ / qᵢ) over pᵢ > 0 (0 · log 0 = 0); ∞ if some qᵢ = 0 < pᵢ. */
function klBits(p: Float64Array, q: Float64Array): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    if (pi > 0) total += pi * Math.log2(pi / (q[i] as number));
  }
  return total;
}

/**
 * Kullback–Leibler divergence KL(P‖Q) = Σ p′ᵢ log₂(p′ᵢ / q′ᵢ) in bits, with both sides
 * smoothed by ε (see KL_EPSILON). Asymmetric: P is the segment, Q the channel audience.
 */
export function klDivergence(p: Distribution, q: Distribution, epsilon = KL_EPSILON): number {
  const [ps, qs] = aligned(p, q);
  return klBits(smooth(ps, epsilon), smooth(qs, epsilon));
}

/**
 * Jensen–Shannon divergence JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q) / 2, log base 2,
 * no smoothing needed (M > 0 wherever P or Q is). Symmetric and bounded: 0 for identical
 * distributions, 1 for distributions with no category in common.
 */
export function jsDivergence(p: Distribution, q: Distribution): number {
  const [ps, qs] = aligned(p, q);
  const m = ps.map((v, i) => (v + (qs[i] as number)) / 2);
  // Clamp rounding error so the result stays inside [0, 1].
  return Math.min(1, Math.max(0, 0.5 * klBits(ps, m) + 0.5 * klBits(qs, m)));
}

/** Similarity = 1 − JS(P, Q), in [0, 1]; 1 = identical. */
export function jsSimilarity(p: Distribution, q: Distribution): number {
  return 1 - jsDivergence(p, q);
}

export interface DimensionComparison {
  dimension: string;
  kl: number;
  js: number;
  similarity: number;
}

export interface ProfileComparison {
  dimensions: DimensionComparison[];
  /** Σ of per-dimension KL(segment‖audience), in bits. */
  klTotal: number;
  /** Weighted mean of per-dimension similarity 1 − JS, in [0, 1] (0 when nothing is shared). */
  similarity: number;
  /** Dimensions present on only one side; left out of the totals. */
  missingDimensions: string[];
}

/**
 * Compares a segment profile with a channel audience on the dimensions both have.
 * similarity = Σ wₐ (1 − JSₐ) / Σ wₐ with weights w (default 1 per dimension).
 */
export function compareProfiles(
  segment: Profile,
  audience: Profile,
  options: { weights?: Readonly<Record<string, number>>; epsilon?: number } = {},
): ProfileComparison {
  const names = [...new Set([...Object.keys(segment), ...Object.keys(audience)])];
  const dimensions: DimensionComparison[] = [];
  const missingDimensions: string[] = [];
  let weighted = 0;
  let weightTotal = 0;
  let klTotal = 0;
  for (const dimension of names) {
    const p = segment[dimension];
    const q = audience[dimension];
    if (!p || !q || !hasMass(p) || !hasMass(q)) {
      missingDimensions.push(dimension);
      continue;
    }
    const js = jsDivergence(p, q);
    const kl = klDivergence(p, q, options.epsilon);
    const weight = options.weights?.[dimension] ?? 1;
    dimensions.push({ dimension, kl, js, similarity: 1 - js });
    klTotal += kl;
    weighted += weight * (1 - js);
    weightTotal += weight;
  }
  return {
    dimensions,
    klTotal,
    similarity: weightTotal === 0 ? 0 : weighted / weightTotal,
    missingDimensions,
  };
}

function hasMass(d: Distribution): boolean {
  return Object.values(d).some((v) => v > 0);
}
