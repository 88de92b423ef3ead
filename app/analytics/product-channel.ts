/**
 * Product × channel: for each product (or category), channels ranked by the expected buyers
 * they reach (docs/analytics.md §20):
 *   expected buyers = propensity × audience size × effectiveness,
 * where the propensity of a channel's audience for an item comes from the customers' buy rate
 * per bucket (age band, gender, residency, …) weighted by the audience's shares of those
 * buckets. Pure: customers' buckets, buyers and channels come in, rankings go out.
 */
import type { Profile } from "./divergence";

export interface ProductChannelInput {
  /** dimension → each customer's bucket (undefined = unknown), all arrays of equal length. */
  customerBuckets: Readonly<Record<string, readonly (string | undefined)[]>>;
  /** Items (products or categories) with the indices of the customers who bought them. */
  items: readonly { item: string; label: string; buyers: ArrayLike<number> }[];
  channels: readonly {
    channelId: string;
    name: string;
    audience: Profile;
    /** Monthly visits or reach; null = unknown (such channels rank after the sized ones). */
    audienceSize: number | null;
    /** Effectiveness in [0, 1] (channel-match.ts computeEffectiveness). */
    effectiveness: number;
  }[];
}

export interface DimensionIndex {
  dimension: string;
  /** Σ_b share_c(b) · rate(b) / base rate; 1 = as likely to buy as the average customer. */
  index: number;
  /** The audience's bucket that contributes most above the base rate (or least, if index < 1). */
  drivingBucket: string;
  drivingShare: number;
  drivingRate: number;
}

export interface ChannelForItem {
  channelId: string;
  name: string;
  propensity: number;
  audienceSize: number | null;
  effectiveness: number;
  /** propensity × audience size × effectiveness; null when the size is unknown. */
  expectedBuyers: number | null;
  dimensions: DimensionIndex[];
  /** Dimensions the audience describes but the customers do not (or the reverse). */
  notCompared: string[];
}

export interface ItemChannels {
  item: string;
  label: string;
  buyers: number;
  baseRate: number;
  channels: ChannelForItem[];
}

/** Pseudo-customers at the base rate added to every bucket, so a tiny bucket cannot dominate. */
export const BUCKET_PRIOR = 10;

/**
 * rate(b) = (buyers in b + k · base) / (customers in b + k), k = BUCKET_PRIOR;
 * index_d = Σ_b s_b · rate(b) / base over the buckets known on both sides (shares renormalised);
 * propensity = min(1, base · Π_d index_d) (dimensions taken as independent).
 */
export function rankChannelsForItems(input: ProductChannelInput): ItemChannels[] {
  const dimensions = Object.entries(input.customerBuckets);
  const customerCount = dimensions[0]?.[1].length ?? 0;
  return input.items.map(({ item, label, buyers }) => {
    const bought = new Uint8Array(customerCount);
    for (let i = 0; i < buyers.length; i++) bought[buyers[i] as number] = 1;
    const baseRate = customerCount === 0 ? 0 : buyers.length / customerCount;
    const rates = new Map<string, Map<string, number>>();
    for (const [dimension, buckets] of dimensions) {
      const counts = new Map<string, { n: number; buyers: number }>();
      buckets.forEach((bucket, i) => {
        if (bucket === undefined) return;
        const c = counts.get(bucket) ?? { n: 0, buyers: 0 };
        counts.set(bucket, c);
        c.n += 1;
        c.buyers += bought[i] as number;
      });
      if (counts.size === 0) continue;
      rates.set(
        dimension,
        new Map(
          [...counts].map(([bucket, c]) => [
            bucket,
            (c.buyers + BUCKET_PRIOR * baseRate) / (c.n + BUCKET_PRIOR),
          ]),
        ),
      );
    }
    const channels = input.channels.map((channel) => {
      const indices: DimensionIndex[] = [];
      const notCompared: string[] = [];
      const names = new Set([...rates.keys(), ...Object.keys(channel.audience)]);
      for (const dimension of [...names].sort()) {
        const rate = rates.get(dimension);
        const shares = channel.audience[dimension];
        const known = Object.entries(shares ?? {}).filter(([b, s]) => s > 0 && rate?.has(b));
        const total = known.reduce((sum, [, s]) => sum + s, 0);
        if (!rate || known.length === 0 || total <= 0 || baseRate <= 0) {
          notCompared.push(dimension);
          continue;
        }
        let weighted = 0;
        let driving = { bucket: "", share: 0, rate: 0, pull: 0 };
        for (const [bucket, rawShare] of known) {
          const share = rawShare / total;
          const r = rate.get(bucket) as number;
          weighted += share * r;
          const pull = share * (r - baseRate);
          if (Math.abs(pull) > Math.abs(driving.pull)) driving = { bucket, share, rate: r, pull };
        }
        const index = weighted / baseRate;
        if (driving.bucket === "") {
          const [bucket, share] = known[0] as [string, number];
          driving = { bucket, share: share / total, rate: rate.get(bucket) as number, pull: 0 };
        }
        indices.push({
          dimension,
          index,
          drivingBucket: driving.bucket,
          drivingShare: driving.share,
          drivingRate: driving.rate,
        });
      }
      const propensity = Math.min(
        1,
        indices.reduce((p, d) => p * d.index, baseRate),
      );
      const expectedBuyers =
        channel.audienceSize === null
          ? null
          : propensity * channel.audienceSize * channel.effectiveness;
      return {
        channelId: channel.channelId,
        name: channel.name,
        propensity,
        audienceSize: channel.audienceSize,
        effectiveness: channel.effectiveness,
        expectedBuyers,
        dimensions: indices.sort(
          (a, b) => Math.abs(Math.log(b.index)) - Math.abs(Math.log(a.index)),
        ),
        notCompared,
      };
    });
    channels.sort(
      (a, b) =>
        (b.expectedBuyers ?? -1) - (a.expectedBuyers ?? -1) ||
        b.propensity * b.effectiveness - a.propensity * a.effectiveness ||
        a.name.localeCompare(b.name),
    );
    return { item, label, buyers: buyers.length, baseRate, channels };
  });
}
