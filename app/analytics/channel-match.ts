/**
 * Segment × channel recommendation (docs/analytics.md §7, §23):
 *   score = similarity^a · effectiveness^b · (affinity index)^c      (a = b = c = 1)
 * similarity = 1 − JS between the segment profile and the channel audience (divergence.ts);
 * the affinity index (affinity-index.ts) = how much better the channel reaches this segment
 * than the customer base as a whole (1 = as the average customer); effectiveness ∈ [0, 1]
 * comes from past campaigns, else from traffic metrics, and is the segment's own where
 * results split by segment exist (shrunk toward the channel's).
 *
 * Pure: `matchSegmentChannels(segments, channels, options)` takes the types below and
 * returns a ChannelMatchResult, plain JSON data that a run can store and a page or report
 * can show later. Reasons and the diagnosis are message codes (./message-code.ts, namespace
 * "channelmatch") put into words in the reader's language.
 */

import {
  type AffinityIndex,
  affinityIndex,
  baseOf,
  diagnoseSeparation,
  SEPARATES,
  type SeparationDiagnosis,
} from "./affinity-index";
import { compareProfiles, type DimensionComparison, type Profile } from "./divergence";
import { message } from "./message-code";
import { type ArmTally, armKeyOf, armPosteriors } from "./response-rates";

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
  /** dimension → bucket → members (counts; shares work for the similarity alone). */
  profile: Profile;
  /**
   * Members of the segment. Default: the largest member count of a single-valued dimension
   * (age, gender, residency…), interests excluded since a customer has several.
   */
  size?: number;
}

/**
 * Results of past contacts split by segment: sends (messages, or customers reached) and
 * conversions of the segment's members on a channel, from a responses file whose customers
 * are in the run, or campaign rows per segment.
 */
export interface SegmentResult {
  segmentId: string;
  channelId: string;
  sends: number;
  conversions: number;
  /** Where they come from: customer-linked responses (default) or campaign rows per segment. */
  origin?: SegmentResultOrigin;
}

export type SegmentResultOrigin = "responses" | "campaigns";

export interface ChannelEffectiveness {
  channelId: string;
  basis: "campaigns" | "traffic" | "none";
  /** Normalised effectiveness in [0, 1] (a segment's own may exceed 1). */
  value: number;
  /** "segment": the channel's value × the segment's shrunk conversion rate / the channel's. */
  source: "channel" | "segment";
  segment?: SegmentEffectiveness;
  costPerConversion?: number;
  roi?: number;
  engagement?: number;
}

export interface SegmentEffectiveness {
  sends: number;
  conversions: number;
  /** Posterior mean of the segment's conversion rate, shrunk toward the channel's (§21). */
  rate: number;
  /** The channel's pooled conversion rate over every segment. */
  channelRate: number;
  /** rate / channelRate: what multiplies the channel's effectiveness for this segment. */
  multiplier: number;
  origin: SegmentResultOrigin;
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
        source: "channel",
        value: parts.reduce((a, b) => a + b, 0) / parts.length,
        costPerConversion: 1 / conversionsPerCost(channel),
        ...(revenueKnown ? { roi: roas(channel) - 1 } : {}),
      });
    } else if (hasTraffic(channel)) {
      const e = engagement(channel);
      const value = maxLogEngagement > 0 ? Math.log1p(e) / maxLogEngagement : 1;
      result.set(channelId, {
        channelId,
        basis: "traffic",
        source: "channel",
        value,
        engagement: e,
      });
    } else {
      result.set(channelId, {
        channelId,
        basis: "none",
        source: "channel",
        value: NEUTRAL_EFFECTIVENESS,
      });
    }
  }
  return result;
}

/** Namespace of the channel-match messages (app/locales/{en,tr,ru}/channel-match.json). */
const NS = "channelmatch";
const code = (key: string, values?: Record<string, string | number>) =>
  message(`${NS}:${key}`, values);

/**
 * The segment's own effectiveness on each channel with results split by segment: the
 * channel's value × (the segment's conversion rate, shrunk toward the channel's, §21) / (the
 * channel's rate). A segment without results there keeps the channel's value.
 */
export function segmentEffectiveness(
  channelEffectiveness: ReadonlyMap<string, ChannelEffectiveness>,
  results: readonly SegmentResult[],
): Map<string, Map<string, ChannelEffectiveness>> {
  const originOf = new Map<string, SegmentResultOrigin>();
  for (const r of results) originOf.set(r.channelId, r.origin ?? "responses");
  const tallies: ArmTally[] = results
    .filter((r) => r.sends > 0)
    .map((r) => ({
      segment: r.segmentId,
      channel: r.channelId,
      offer: "",
      hour: 0,
      sends: r.sends,
      responses: Math.min(r.sends, Math.max(0, r.conversions)),
    }));
  const posteriors = armPosteriors(tallies, tallies);
  const channelRate = new Map<string, { sends: number; conversions: number }>();
  for (const t of tallies) {
    const c = channelRate.get(t.channel) ?? { sends: 0, conversions: 0 };
    c.sends += t.sends;
    c.conversions += t.responses;
    channelRate.set(t.channel, c);
  }
  const bySegment = new Map<string, Map<string, ChannelEffectiveness>>();
  for (const t of tallies) {
    const own = channelEffectiveness.get(t.channel);
    const pooled = channelRate.get(t.channel) as { sends: number; conversions: number };
    const posterior = posteriors.get(armKeyOf(t));
    if (!own || !posterior) continue;
    const rate = pooled.conversions / pooled.sends;
    const multiplier = rate > 0 ? posterior.mean / rate : 1;
    const map = bySegment.get(t.segment) ?? new Map<string, ChannelEffectiveness>();
    bySegment.set(t.segment, map);
    map.set(t.channel, {
      ...own,
      source: "segment",
      value: own.value * multiplier,
      segment: {
        sends: t.sends,
        conversions: t.responses,
        rate: posterior.mean,
        channelRate: rate,
        multiplier,
        origin: originOf.get(t.channel) ?? "responses",
      },
    });
  }
  return bySegment;
}

export interface RankedChannel {
  channelId: string;
  name: string;
  /** similarity^a · effectiveness^b · index^c. */
  score: number;
  /** 1 − JS averaged over the dimensions compared (the others' mean when none is). */
  similarity: number;
  /** Overall affinity index, 1 = as for the average customer (shown × 100). */
  index: number;
  affinity: AffinityIndex;
  effectiveness: ChannelEffectiveness;
  dimensions: DimensionComparison[];
  /** Message codes, most telling first. */
  reasons: string[];
}

export interface SegmentRanking {
  segmentId: string;
  segmentName: string;
  channels: RankedChannel[];
  /** Message codes about the segment as a whole (close to the base everywhere…). */
  notes: string[];
}

export interface ChannelMatchResult {
  segments: SegmentRanking[];
  /** Which dimensions can tell the segments' channels apart, and why the others cannot. */
  diagnosis: SeparationDiagnosis & {
    /** Message codes for the page: empty when some dimension separates. */
    messages: string[];
  };
  /** "segment" when some effectiveness is a segment's own (results split by segment). */
  effectivenessSource: "segment" | "channel";
  /** Channels (ids) whose effectiveness is split by segment. */
  segmentResultChannels: string[];
  /** Of those, the channels split by campaign rows per segment (the others by responses). */
  segmentCampaignChannels: string[];
}

export interface ChannelScoreOptions {
  /** Exponent a on similarity (default 1). */
  similarityWeight?: number;
  /** Exponent b on effectiveness (default 1); 0 ranks by audience fit alone. */
  effectivenessWeight?: number;
  /** Exponent c on the affinity index (default 1); 0 gives the score of §7 alone. */
  indexWeight?: number;
  /** Per-dimension weights for the similarity mean. */
  dimensionWeights?: Readonly<Record<string, number>>;
  /** Past results split by segment, for each segment's own effectiveness. */
  segmentResults?: readonly SegmentResult[];
}

/** At most this many dimensions are named per channel. */
const REASON_DIMENSIONS = 2;

/** The size of a segment given as counts: its largest single-valued dimension's total. */
function sizeOf(segment: SegmentInput): number {
  if (segment.size !== undefined) return segment.size;
  let size = 0;
  for (const [dimension, counts] of Object.entries(segment.profile)) {
    if (dimension === "interests") continue;
    size = Math.max(
      size,
      Object.values(counts).reduce((a, b) => a + b, 0),
    );
  }
  return size;
}

const spreadOf = (values: readonly number[]) =>
  values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Segment × channel match: for every segment, channels ranked by score (descending; ties by
 * name) with reasons that name what separates them, plus a diagnosis of the dimensions.
 */
export function matchSegmentChannels(
  segments: readonly SegmentInput[],
  channels: readonly ChannelInput[],
  options: ChannelScoreOptions = {},
): ChannelMatchResult {
  const {
    similarityWeight = 1,
    effectivenessWeight = 1,
    indexWeight = 1,
    dimensionWeights,
    segmentResults = [],
  } = options;
  const effectiveness = computeEffectiveness(channels);
  const ownEffectiveness = segmentEffectiveness(effectiveness, segmentResults);
  const counts = segments.map((s) => ({ size: sizeOf(s), counts: s.profile }));
  const base = baseOf(counts);
  const diagnosis = diagnoseSeparation(
    counts,
    channels.map((c) => c.audience),
  );
  const separating = new Set(diagnosis.separating);

  const ranked = segments.map((segment, s): SegmentRanking => {
    const own = ownEffectiveness.get(segment.segmentId);
    const rows = channels.map((channel) => {
      const comparison = compareProfiles(segment.profile, channel.audience, {
        weights: dimensionWeights,
      });
      const affinity = affinityIndex(counts[s] as (typeof counts)[number], base, channel.audience);
      return {
        channel,
        comparison,
        affinity,
        effectiveness:
          own?.get(channel.channelId) ??
          (effectiveness.get(channel.channelId) as ChannelEffectiveness),
      };
    });
    // A channel that shares no dimension with the segment is neither favoured nor punished:
    // it takes the mean similarity of those that do (1 when none does).
    const known = rows.filter((r) => r.comparison.dimensions.length > 0);
    const meanSimilarity =
      known.length === 0
        ? 1
        : known.reduce((sum, r) => sum + r.comparison.similarity, 0) / known.length;
    const similarityOf = (r: (typeof rows)[number]) =>
      r.comparison.dimensions.length > 0 ? r.comparison.similarity : meanSimilarity;

    // What differs between the channels for this segment.
    const indexOf = (r: (typeof rows)[number], dimension: string) =>
      r.affinity.dimensions.find((d) => d.dimension === dimension)?.index;
    const dimensionNames = [
      ...new Set(rows.flatMap((r) => r.affinity.dimensions.map((d) => d.dimension))),
    ];
    const meanLogIndex = new Map<string, number>();
    const channelsDiffer = new Set<string>();
    for (const dimension of dimensionNames) {
      const values = rows.map((r) => indexOf(r, dimension)).filter((v) => v !== undefined);
      if (spreadOf(values) >= SEPARATES) channelsDiffer.add(dimension);
      meanLogIndex.set(
        dimension,
        values.reduce((sum, v) => sum + Math.log(v), 0) / Math.max(1, values.length),
      );
    }
    const effectivenessDiffers = spreadOf(rows.map((r) => r.effectiveness.value)) >= SEPARATES;
    const similarities = known.map((r) => r.comparison.similarity);
    const similarityDiffers = spreadOf(similarities) >= SEPARATES;
    const fitDiffers = new Set(
      [...new Set(known.flatMap((r) => r.comparison.dimensions.map((d) => d.dimension)))].filter(
        (dimension) =>
          spreadOf(
            known.flatMap(
              (r) =>
                r.comparison.dimensions.find((d) => d.dimension === dimension)?.similarity ?? [],
            ),
          ) >= SEPARATES,
      ),
    );
    const describedBySome = new Set(
      known.flatMap((r) => r.comparison.dimensions.map((d) => d.dimension)),
    );

    const result = rows.map((r) => {
      const similarity = similarityOf(r);
      const index = r.affinity.index;
      const score =
        similarity ** similarityWeight *
        r.effectiveness.value ** effectivenessWeight *
        index ** indexWeight;
      // Each reason with the factor of the score it is about (ln of the factor, by name).
      const reasons: { text: string; factor: string }[] = [];
      const factors = new Map<string, number>([
        ["effectiveness", Math.log(Math.max(r.effectiveness.value, 1e-9))],
        ["similarity", Math.log(Math.max(similarity, 1e-9))],
        ...r.affinity.dimensions.map((d): [string, number] => [
          `index:${d.dimension}`,
          Math.log(d.index),
        ]),
      ]);
      const telling = r.affinity.dimensions
        .filter(
          (d) =>
            separating.has(d.dimension) &&
            channelsDiffer.has(d.dimension) &&
            Math.abs(d.index - 1) >= SEPARATES,
        )
        .sort(
          (a, b) =>
            Math.abs(Math.log(b.index) - (meanLogIndex.get(b.dimension) ?? 0)) -
            Math.abs(Math.log(a.index) - (meanLogIndex.get(a.dimension) ?? 0)),
        )
        .slice(0, REASON_DIMENSIONS);
      for (const d of telling) {
        reasons.push({
          text: code(d.index >= 1 ? "reasons.overIndex" : "reasons.underIndex", {
            dimension: d.dimension,
            bucket: bucketName(d.dimension, d.bucket),
            bucketIndex: round(d.bucketIndex),
            share: round(d.audienceShare, 3),
            index: round(d.index, 3),
          }),
          factor: `index:${d.dimension}`,
        });
      }
      if (effectivenessDiffers || r.effectiveness.source === "segment")
        reasons.push({
          text: describeEffectiveness(r.effectiveness, r.channel),
          factor: "effectiveness",
        });
      const mean = similarities.reduce((a, b) => a + b, 0) / Math.max(1, similarities.length);
      if (
        similarityDiffers &&
        r.comparison.dimensions.length > 0 &&
        Math.abs(r.comparison.similarity - mean) >= SEPARATES
      ) {
        // Named: the best (or weakest) of the dimensions whose fit differs between channels.
        const byFit = r.comparison.dimensions
          .filter((d) => fitDiffers.has(d.dimension))
          .sort((a, b) => b.similarity - a.similarity);
        const close = r.comparison.similarity > mean;
        const named = close ? byFit[0] : byFit[byFit.length - 1];
        if (named)
          reasons.push({
            text: code(close ? "reasons.closeAudience" : "reasons.farAudience", {
              similarity: round(r.comparison.similarity),
              average: round(mean),
              dimension: named.dimension,
            }),
            factor: "similarity",
          });
      }
      const undescribed = [...describedBySome].filter(
        (d) => !r.comparison.dimensions.some((c) => c.dimension === d),
      );
      if (undescribed.length > 0)
        reasons.push({
          text: code("reasons.notDescribed", { dimensions: undescribed.join(",") }),
          factor: "",
        });
      if (reasons.length === 0)
        reasons.push({ text: code("reasons.nothingSeparates"), factor: "" });
      return {
        channelId: r.channel.channelId,
        name: r.channel.name,
        score,
        similarity,
        index,
        affinity: r.affinity,
        effectiveness: r.effectiveness,
        dimensions: r.comparison.dimensions,
        reasons,
        factors,
      };
    });
    result.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    // What puts a channel where it is comes first: in the top half, what lifts it above the
    // next channel; in the bottom half, what holds it below the one before.
    const channelsRanked = result.map(({ reasons, factors, ...channel }, rank): RankedChannel => {
      const upper = rank < result.length / 2;
      const neighbour = result[upper ? rank + 1 : rank - 1]?.factors;
      const pull = (factor: string) =>
        neighbour ? (factors.get(factor) ?? 0) - (neighbour.get(factor) ?? 0) : 0;
      const ordered = [...reasons].sort((a, b) =>
        upper ? pull(b.factor) - pull(a.factor) : pull(a.factor) - pull(b.factor),
      );
      return { ...channel, reasons: ordered.map((reason) => reason.text) };
    });
    const notes: string[] = [];
    if (separating.size > 0 && ![...channelsDiffer].some((d) => separating.has(d)))
      notes.push(code("notes.likeBase"));
    return {
      segmentId: segment.segmentId,
      segmentName: segment.name,
      channels: channelsRanked,
      notes,
    };
  });

  return {
    segments: ranked,
    diagnosis: { ...diagnosis, messages: diagnosisMessages(diagnosis) },
    effectivenessSource: ownEffectiveness.size > 0 ? "segment" : "channel",
    segmentResultChannels: [
      ...new Set([...ownEffectiveness.values()].flatMap((m) => [...m.keys()])),
    ].sort(),
    segmentCampaignChannels: [
      ...new Set(
        [...ownEffectiveness.values()].flatMap((m) =>
          [...m.values()].filter((e) => e.segment?.origin === "campaigns").map((e) => e.channelId),
        ),
      ),
    ].sort(),
  };
}

/**
 * For every segment, channels ranked by score (matchSegmentChannels without the diagnosis),
 * kept for callers that need the rankings only.
 */
export function rankChannels(
  segments: readonly SegmentInput[],
  channels: readonly ChannelInput[],
  options: ChannelScoreOptions = {},
): SegmentRanking[] {
  return matchSegmentChannels(segments, channels, options).segments;
}

/**
 * A bucket under the name the labels know: "age_18_24", "gender_female", "interest_travel",
 * "resident" (the audiences' own column names).
 */
export function bucketName(dimension: string, bucket: string): string {
  if (dimension === "gender") return `gender_${bucket}`;
  if (dimension === "interests") return `interest_${bucket}`;
  return bucket;
}

/** The page's explanation when no dimension separates: what is missing, what is equal. */
function diagnosisMessages(diagnosis: SeparationDiagnosis): string[] {
  if (diagnosis.separating.length > 0) return [];
  const byStatus = (status: string) =>
    diagnosis.dimensions.filter((d) => d.status === status).map((d) => d.dimension);
  const shared = diagnosis.dimensions.filter(
    (d) => d.status !== "noCustomerData" && d.status !== "noAudienceData",
  );
  const messages = [code(shared.length === 0 ? "diagnosis.noneShared" : "diagnosis.noneSeparates")];
  const missing = byStatus("noCustomerData");
  if (missing.length > 0)
    messages.push(code("diagnosis.noCustomerData", { dimensions: missing.join(",") }));
  const notDescribed = byStatus("noAudienceData");
  if (notDescribed.length > 0)
    messages.push(code("diagnosis.noAudienceData", { dimensions: notDescribed.join(",") }));
  for (const d of diagnosis.dimensions) {
    if (d.status === "segmentsEqual" || d.status === "channelsEqual")
      messages.push(
        code(`diagnosis.${d.status}`, {
          dimension: d.dimension,
          difference: round(d.largestDifference, 3),
        }),
      );
  }
  return messages;
}

function describeEffectiveness(eff: ChannelEffectiveness, channel: ChannelInput): string {
  const value = round(eff.value, 3);
  if (eff.source === "segment" && eff.segment) {
    const key =
      eff.segment.origin === "campaigns"
        ? "reasons.effectivenessSegmentCampaigns"
        : "reasons.effectivenessSegment";
    return code(key, {
      value,
      rate: round(eff.segment.rate, 4),
      sends: eff.segment.sends,
      channelRate: round(eff.segment.channelRate, 4),
    });
  }
  if (eff.basis === "campaigns") {
    const cpa = round(eff.costPerConversion ?? 0);
    return eff.roi === undefined
      ? code("reasons.effectivenessCampaigns", { value, cpa })
      : code("reasons.effectivenessCampaignsRoi", { value, cpa, roi: round(eff.roi, 3) });
  }
  if (eff.basis === "traffic" && channel.traffic) {
    const t = channel.traffic;
    return code("reasons.effectivenessTraffic", {
      value,
      visits: t.visits,
      seconds: t.avgVisitDurationSeconds,
      bounce: round(t.bounceRate, 3),
    });
  }
  return code("reasons.effectivenessNone", { value });
}
