/**
 * Affinity index of a channel's audience for a segment (docs/analytics.md §23): how much
 * better the channel reaches this segment than the customer base as a whole, per dimension
 * the audiences describe (age band, gender, residency, interests) and overall. 1 (shown as
 * 100) = the audience holds the segment as the average customer of the base does, the
 * convention of audience tools (Similarweb's and GWI's indices).
 *
 * Per dimension d, with the base = every member of the run's segments:
 *   P        = segment members / base customers                 (the segment's share)
 *   rate(b)  = (members in b + k · P) / (base customers in b + k) (the segment's share among
 *              customers in bucket b, k = AFFINITY_PRIOR pseudo-customers at P)
 *   R₀       = Σ_b n_b · rate(b) / Σ_b n_b over the base's buckets (the average customer)
 *   index_d  = Σ_b q_b · rate(b) / (Σ_b q_b · R₀) over the buckets both sides know, q = the
 *              audience's shares
 *   index    = Π_d index_d (dimensions taken as independent, as in §20)
 * rate(b) / R₀ is the bucket's own index ("this segment is 2.1× as common among 18–24s").
 * Interests are several per customer: counts are mentions, and the same formulas give the
 * index against an audience with the base's interest mix.
 *
 * Pure: counts and shares in, indices out.
 */
import type { Distribution, Profile } from "./divergence";

/** Pseudo-customers at the segment's share added to every bucket (as BUCKET_PRIOR in §20). */
export const AFFINITY_PRIOR = 10;

/** Shares that differ by less than this (total variation, 0..1) count as equal. */
export const EQUAL_SHARES = 0.05;

export interface SegmentCounts {
  /** Members of the segment (or, for the base, customers of the run). */
  size: number;
  /** dimension → bucket → members in that bucket (unknown buckets are left out). */
  counts: Profile;
}

export interface DimensionAffinity {
  dimension: string;
  /** 1 = as for the average customer; 2 = the audience holds the segment twice as densely. */
  index: number;
  /** The audience's bucket that moves the index most in its direction. */
  bucket: string;
  /** Its share of the audience, renormalised over the buckets compared. */
  audienceShare: number;
  /** rate(bucket) / R₀: how much more common the segment is in that bucket than overall. */
  bucketIndex: number;
}

export interface AffinityIndex {
  /** Π_d index_d over the dimensions compared; 1 when none is. */
  index: number;
  /** By dimension name. */
  dimensions: DimensionAffinity[];
  /** Dimensions the audience or the customers describe but not both. */
  notCompared: string[];
}

/** The base: every segment's counts added up. */
export function baseOf(segments: readonly SegmentCounts[]): SegmentCounts {
  const counts: Record<string, Record<string, number>> = {};
  let size = 0;
  for (const segment of segments) {
    size += segment.size;
    for (const [dimension, buckets] of Object.entries(segment.counts)) {
      counts[dimension] ??= {};
      const total = counts[dimension] as Record<string, number>;
      for (const [bucket, n] of Object.entries(buckets)) total[bucket] = (total[bucket] ?? 0) + n;
    }
  }
  return { size, counts };
}

const positive = (d: Distribution | undefined) =>
  Object.entries(d ?? {}).filter(([, v]) => Number.isFinite(v) && v > 0);

/** rate(b) per base bucket and R₀ of one dimension, or undefined when the base has none. */
function bucketRates(segment: SegmentCounts, base: SegmentCounts, dimension: string) {
  const baseBuckets = positive(base.counts[dimension]);
  if (baseBuckets.length === 0 || base.size <= 0) return undefined;
  const share = segment.size / base.size;
  const members = segment.counts[dimension] ?? {};
  const rates = new Map<string, number>();
  let weighted = 0;
  let total = 0;
  for (const [bucket, n] of baseBuckets) {
    const rate = ((members[bucket] ?? 0) + AFFINITY_PRIOR * share) / (n + AFFINITY_PRIOR);
    rates.set(bucket, rate);
    weighted += n * rate;
    total += n;
  }
  return { rates, reference: weighted / total };
}

/** The affinity index of one audience for one segment (see the file's comment). */
export function affinityIndex(
  segment: SegmentCounts,
  base: SegmentCounts,
  audience: Profile,
): AffinityIndex {
  const names = [...new Set([...Object.keys(base.counts), ...Object.keys(audience)])].sort();
  const dimensions: DimensionAffinity[] = [];
  const notCompared: string[] = [];
  for (const dimension of names) {
    const rated = bucketRates(segment, base, dimension);
    const shares = positive(audience[dimension]).filter(([b]) => rated?.rates.has(b));
    const shareTotal = shares.reduce((sum, [, q]) => sum + q, 0);
    if (!rated || shares.length === 0 || !(rated.reference > 0)) {
      notCompared.push(dimension);
      continue;
    }
    let reach = 0;
    const pulls = shares
      .map(([bucket, q]) => {
        const audienceShare = q / shareTotal;
        const bucketIndex = (rated.rates.get(bucket) as number) / rated.reference;
        reach += audienceShare * bucketIndex;
        return { bucket, audienceShare, bucketIndex, pull: audienceShare * (bucketIndex - 1) };
      })
      .sort((a, b) => a.bucket.localeCompare(b.bucket));
    const index = reach;
    // The bucket pulling hardest in the index's own direction (pulls add up to index − 1).
    const direction = index >= 1 ? 1 : -1;
    const driver = pulls.reduce((best, p) =>
      p.pull * direction > best.pull * direction ? p : best,
    );
    dimensions.push({
      dimension,
      index,
      bucket: driver.bucket,
      audienceShare: driver.audienceShare,
      bucketIndex: driver.bucketIndex,
    });
  }
  return {
    index: dimensions.reduce((product, d) => product * d.index, 1),
    dimensions,
    notCompared,
  };
}

/** Total variation ½ Σ |p − q| between two distributions, each normalised over `buckets`. */
export function totalVariation(
  p: Distribution,
  q: Distribution,
  buckets: readonly string[] = [...new Set([...Object.keys(p), ...Object.keys(q)])],
): number {
  const sum = (d: Distribution) => buckets.reduce((s, b) => s + Math.max(0, d[b] ?? 0), 0);
  const sp = sum(p);
  const sq = sum(q);
  if (sp <= 0 || sq <= 0) return 0;
  return (
    0.5 *
    buckets.reduce(
      (s, b) => s + Math.abs(Math.max(0, p[b] ?? 0) / sp - Math.max(0, q[b] ?? 0) / sq),
      0,
    )
  );
}

/** Why a dimension does or does not tell the segments' channels apart. */
export type DimensionStatus =
  /** The channel audiences describe it; the customer data has nothing for it. */
  | { dimension: string; status: "noCustomerData" }
  /** The customers have it; no channel audience describes it. */
  | { dimension: string; status: "noAudienceData" }
  /**
   * No segment's index on it differs between channels by SEPARATES or more, because no
   * segment's mix differs from the base's by EQUAL_SHARES (largest difference given)…
   */
  | { dimension: string; status: "segmentsEqual"; largestDifference: number }
  /** …or because the audiences describing it hardly differ (largest difference given). */
  | { dimension: string; status: "channelsEqual"; largestDifference: number }
  /** Some segment's index on it differs between channels by SEPARATES or more (largest given). */
  | { dimension: string; status: "separates"; largestDifference: number };

export interface SeparationDiagnosis {
  dimensions: DimensionStatus[];
  /** The dimensions with status "separates". */
  separating: string[];
}

/** Index values closer than this (0.05 = 5 points of 100) do not separate channels. */
export const SEPARATES = 0.05;

/**
 * Which dimensions can make channels differ between segments: those on which some segment's
 * index differs between two channels by SEPARATES or more. For the others it says why: the
 * customers or the audiences lack it, the segments' mixes are all within EQUAL_SHARES of the
 * base's (each smoothed toward it with AFFINITY_PRIOR pseudo-members, so a segment of three
 * people does not look different by chance), or else the audiences are alike.
 */
export function diagnoseSeparation(
  segments: readonly SegmentCounts[],
  audiences: readonly Profile[],
): SeparationDiagnosis {
  const base = baseOf(segments);
  const described = new Set(
    audiences.flatMap((a) => Object.keys(a).filter((d) => positive(a[d]).length > 0)),
  );
  const known = new Set(
    Object.keys(base.counts).filter((d) => positive(base.counts[d]).length > 0),
  );
  const indices = segments.map((segment) => audiences.map((a) => affinityIndex(segment, base, a)));
  const dimensions: DimensionStatus[] = [];
  for (const dimension of [...new Set([...described, ...known])].sort()) {
    if (!known.has(dimension)) {
      dimensions.push({ dimension, status: "noCustomerData" });
      continue;
    }
    if (!described.has(dimension)) {
      dimensions.push({ dimension, status: "noAudienceData" });
      continue;
    }
    const indexSpread = Math.max(
      0,
      ...indices.map((perChannel) => {
        const values = perChannel.flatMap(
          (a) => a.dimensions.find((d) => d.dimension === dimension)?.index ?? [],
        );
        return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
      }),
    );
    if (indexSpread >= SEPARATES) {
      dimensions.push({ dimension, status: "separates", largestDifference: indexSpread });
      continue;
    }
    const baseMix = base.counts[dimension] as Distribution;
    const buckets = positive(baseMix).map(([b]) => b);
    const baseTotal = buckets.reduce((s, b) => s + (baseMix[b] as number), 0);
    const segmentDifference = Math.max(
      0,
      ...segments.map((segment) => {
        const counts = segment.counts[dimension] ?? {};
        const n = buckets.reduce((s, b) => s + (counts[b] ?? 0), 0);
        const smoothed = Object.fromEntries(
          buckets.map((b) => [
            b,
            ((counts[b] ?? 0) + (AFFINITY_PRIOR * (baseMix[b] as number)) / baseTotal) /
              (n + AFFINITY_PRIOR),
          ]),
        );
        return totalVariation(smoothed, baseMix, buckets);
      }),
    );
    if (segmentDifference < EQUAL_SHARES) {
      dimensions.push({ dimension, status: "segmentsEqual", largestDifference: segmentDifference });
      continue;
    }
    const mixes = audiences
      .map((a) => a[dimension])
      .filter((d): d is Distribution => positive(d).length > 0);
    let channelDifference = 0;
    for (let i = 0; i < mixes.length; i++)
      for (let j = i + 1; j < mixes.length; j++)
        channelDifference = Math.max(
          channelDifference,
          totalVariation(mixes[i] as Distribution, mixes[j] as Distribution, buckets),
        );
    dimensions.push({ dimension, status: "channelsEqual", largestDifference: channelDifference });
  }
  return {
    dimensions,
    separating: dimensions.filter((d) => d.status === "separates").map((d) => d.dimension),
  };
}
