/**
 * Segment × channel recommendation: score = similarity^a · effectiveness^b, where
 * similarity = 1 − JS between the segment profile and the channel audience (divergence.ts)
 * and effectiveness ∈ [0, 1] comes from past campaigns, else from traffic metrics.
 */
import { compareProfiles, type DimensionComparison, type Profile } from "./divergence";

export interface ChannelInput {
  channelId: string;
  name: string;
  audience: Profile;
  /** Totals over the channel's past campaigns. */
  campaigns?: { spend: number; conversions: number; revenue?: number };
  /** Site or channel traffic; bounceRate as a fraction 0..1. */
  traffic?: { visits: number; avgVisitDurationSeconds: number; bounceRate: number };
}

export interface SegmentInput {
  segmentId: string;
  name: string;
  profile: Profile;
}

export interface ChannelEffectiveness {
  channelId: string;
  basis: "campaigns" | "traffic" | "none";
  /** Normalised effectiveness in [0, 1]. */
  value: number;
  costPerConversion?: number;
  roi?: number;
  engagement?: number;
}

/** Effectiveness of a channel with neither campaign nor traffic data. */
export const NEUTRAL_EFFECTIVENESS = 0.5;
/** Bounce rates below 1 % are treated as 1 % so one tiny denominator cannot dominate. */
export const MIN_BOUNCE_RATE = 0.01;

/**
 * Effectiveness per channel, each basis normalised among the channels that use it:
 * campaigns (spend > 0, conversions > 0): mean of (conversions/spend) / max and, where revenue
 * is known, ROAS / max ROAS (ROAS = revenue/spend, ROI = ROAS − 1, so ranking by ROAS is
 * ranking by ROI). traffic: engagement E = visits × avg visit seconds / max(bounce, 1 %),
 * value = ln(1 + E) / max ln(1 + E) (log because traffic spans orders of magnitude).
 * none: NEUTRAL_EFFECTIVENESS.
 */
export function computeEffectiveness(
  channels: readonly ChannelInput[],
): Map<string, ChannelEffectiveness> {
  const hasCampaigns = (c: ChannelInput) =>
    (c.campaigns?.spend ?? 0) > 0 && (c.campaigns?.conversions ?? 0) > 0;
  const hasTraffic = (c: ChannelInput) => (c.traffic?.visits ?? 0) > 0;
  const campaignChannels = channels.filter(hasCampaigns);
  const trafficChannels = channels.filter((c) => !hasCampaigns(c) && hasTraffic(c));
  const conversionsPerCost = (c: ChannelInput) =>
    (c.campaigns?.conversions ?? 0) / (c.campaigns?.spend ?? 1);
  const roas = (c: ChannelInput) => (c.campaigns?.revenue ?? 0) / (c.campaigns?.spend ?? 1);
  const engagement = (c: ChannelInput) =>
    ((c.traffic?.visits ?? 0) * (c.traffic?.avgVisitDurationSeconds ?? 0)) /
    Math.max(c.traffic?.bounceRate ?? 1, MIN_BOUNCE_RATE);
  const maxOf = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);
  const maxConversionsPerCost = maxOf(campaignChannels.map(conversionsPerCost));
  const maxRoas = maxOf(
    campaignChannels.filter((c) => c.campaigns?.revenue !== undefined).map(roas),
  );
  const maxLogEngagement = maxOf(trafficChannels.map((c) => Math.log1p(engagement(c))));

  const result = new Map<string, ChannelEffectiveness>();
  for (const channel of channels) {
    const { channelId } = channel;
    if (hasCampaigns(channel)) {
      const parts = [conversionsPerCost(channel) / maxConversionsPerCost];
      const revenueKnown = channel.campaigns?.revenue !== undefined;
      if (revenueKnown && maxRoas > 0) parts.push(roas(channel) / maxRoas);
      result.set(channelId, {
        channelId,
        basis: "campaigns",
        value: parts.reduce((a, b) => a + b, 0) / parts.length,
        costPerConversion: 1 / conversionsPerCost(channel),
        ...(revenueKnown ? { roi: roas(channel) - 1 } : {}),
      });
    } else if (hasTraffic(channel)) {
      const e = engagement(channel);
      const value = maxLogEngagement > 0 ? Math.log1p(e) / maxLogEngagement : 1;
      result.set(channelId, { channelId, basis: "traffic", value, engagement: e });
    } else {
      result.set(channelId, { channelId, basis: "none", value: NEUTRAL_EFFECTIVENESS });
    }
  }
  return result;
}

export interface RankedChannel {
  channelId: string;
  name: string;
  score: number;
  similarity: number;
  effectiveness: ChannelEffectiveness;
  dimensions: DimensionComparison[];
  reasons: string[];
}

export interface ChannelScoreOptions {
  /** Exponent a on similarity (default 1). */
  similarityWeight?: number;
  /** Exponent b on effectiveness (default 1); 0 ranks by audience fit alone. */
  effectivenessWeight?: number;
  /** Per-dimension weights for the similarity mean. */
  dimensionWeights?: Readonly<Record<string, number>>;
}

/**
 * For every segment, channels ranked by score = similarity^a · effectiveness^b (descending;
 * ties by name), each with the reasons: best and weakest matching dimension, the
 * effectiveness basis and its figures, and dimensions missing on one side.
 */
export function rankChannels(
  segments: readonly SegmentInput[],
  channels: readonly ChannelInput[],
  options: ChannelScoreOptions = {},
): { segmentId: string; segmentName: string; channels: RankedChannel[] }[] {
  const { similarityWeight = 1, effectivenessWeight = 1, dimensionWeights } = options;
  const effectiveness = computeEffectiveness(channels);
  return segments.map((segment) => {
    const ranked = channels.map((channel) => {
      const comparison = compareProfiles(segment.profile, channel.audience, {
        weights: dimensionWeights,
      });
      const eff = effectiveness.get(channel.channelId) as ChannelEffectiveness;
      const score = comparison.similarity ** similarityWeight * eff.value ** effectivenessWeight;
      const byFit = [...comparison.dimensions].sort((a, b) => b.similarity - a.similarity);
      const reasons: string[] = [];
      const best = byFit[0];
      const worst = byFit[byFit.length - 1];
      if (best)
        reasons.push(`Best match on ${best.dimension} (similarity ${best.similarity.toFixed(2)})`);
      // A "weakest" dimension as good as the best (to the 2 decimals shown) is no reason.
      const distinct = (a: number, b: number) => a.toFixed(2) !== b.toFixed(2);
      if (best && worst && byFit.length > 1 && distinct(best.similarity, worst.similarity))
        reasons.push(
          `Weakest match on ${worst.dimension} (similarity ${worst.similarity.toFixed(2)})`,
        );
      if (comparison.missingDimensions.length > 0) {
        reasons.push(
          `Not compared (data on one side only): ${comparison.missingDimensions.join(", ")}`,
        );
      }
      reasons.push(describeEffectiveness(eff, channel));
      return {
        channelId: channel.channelId,
        name: channel.name,
        score,
        similarity: comparison.similarity,
        effectiveness: eff,
        dimensions: comparison.dimensions,
        reasons,
      };
    });
    ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    return { segmentId: segment.segmentId, segmentName: segment.name, channels: ranked };
  });
}

function describeEffectiveness(eff: ChannelEffectiveness, channel: ChannelInput): string {
  const value = eff.value.toFixed(2);
  if (eff.basis === "campaigns") {
    const roi = eff.roi === undefined ? "" : `, ROI ${(eff.roi * 100).toFixed(0)} %`;
    return `Effectiveness ${value} from past campaigns: cost per conversion ${(eff.costPerConversion ?? 0).toFixed(2)}${roi}`;
  }
  if (eff.basis === "traffic" && channel.traffic) {
    const t = channel.traffic;
    return `Effectiveness ${value} from traffic: ${t.visits} visits × ${t.avgVisitDurationSeconds} s / ${(t.bounceRate * 100).toFixed(0)} % bounce`;
  }
  return `No campaign or traffic data: neutral effectiveness ${value}`;
}
