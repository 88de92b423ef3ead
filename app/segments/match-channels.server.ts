/**
 * Segment × channel recommendations for a finished run (docs/analytics.md §6, §7, §23): each
 * segment's profile against each channel audience (KL per dimension and summed, JS
 * similarity), its affinity index against the run's whole membership, and the channel's
 * effectiveness from past campaigns or traffic (the segment's own where responses or campaign
 * rows per segment split it),
 * ranked per segment with reasons and a diagnosis (analytics/channel-match.ts).
 *
 * The result is plain JSON (ChannelMatchReport): the Channels tab, a saved "channel-match"
 * report and the CLI show it, and a run may store it as it is. Reasons and diagnosis
 * messages are message codes (namespace "channelmatch"), put into words where shown.
 */

import type { WorkspaceScope } from "#db/scoped";
import type { DimensionStatus } from "~/analytics/affinity-index";
import { type ChannelScoreOptions, matchSegmentChannels } from "~/analytics/channel-match";
import { dayToIsoDate, toUtcDay } from "~/analytics/columns";
import { loadChannelInputs } from "./channel-inputs.server";
import { ageBandsOf } from "./demographics";
import { combineSegmentResults, loadSegmentCampaignResults } from "./segment-campaigns.server";
import { loadSegmentMembers, runReferenceDate } from "./segment-members.server";
import { buildSegmentProfiles } from "./segment-profiles.server";
import { loadSegmentResults } from "./segment-responses.server";

export interface ChannelMatch {
  channel: string;
  /** similarity × effectiveness × index (§23). */
  score: number;
  similarity: number;
  /** Affinity index, 100 = reaches this segment as it reaches the average customer. */
  index: number;
  kl_total: number;
  effectiveness: {
    basis: "campaigns" | "traffic" | "none";
    /** "segment": this segment's own, from results split by segment. */
    source: "channel" | "segment";
    value: number;
    cost_per_conversion?: number;
    roi?: number;
    engagement?: number;
    /** The segment's results on the channel when source is "segment". */
    segment_sends?: number;
    segment_conversions?: number;
    segment_rate?: number;
    channel_rate?: number;
    /** Where the segment's results come from: its members' responses or campaign rows. */
    segment_origin?: "responses" | "campaigns";
  };
  dimensions: { dimension: string; kl: number; js: number; similarity: number }[];
  /** Per dimension: index (100 = base), the audience bucket that moves it, its share. */
  index_dimensions: {
    dimension: string;
    index: number;
    bucket: string;
    audience_share: number;
    bucket_index: number;
  }[];
  /** Message codes (channelmatch:reasons.*), most telling first. */
  reasons: string[];
}

export interface ChannelMatchReport {
  run_id: number;
  run_kind: string;
  reference_date: string;
  channels: number;
  age_bands: string[];
  interest_mapping: Record<string, string | null>;
  /** "segment" when some segment's effectiveness is its own (responses split by segment). */
  effectiveness_source: "segment" | "channel";
  /** Channels whose effectiveness is split by segment. */
  segment_result_channels: string[];
  /** Of those, the ones split by campaign rows per segment (the others by responses). */
  segment_campaign_channels: string[];
  /** Why dimensions can or cannot tell the segments apart; messages when none can. */
  diagnosis: { dimensions: DimensionStatus[]; separating: string[]; messages: string[] };
  segments: {
    segment: string;
    customers: number;
    profile: Record<string, Record<string, number>>;
    /** Message codes about the segment as a whole. */
    notes: string[];
    channels: ChannelMatch[];
  }[];
}

export function matchChannels(
  scope: WorkspaceScope,
  runId: number,
  options: ChannelScoreOptions = {},
) {
  const members = loadSegmentMembers(scope, runId);
  const channels = loadChannelInputs(scope);
  const referenceDate = runReferenceDate(members.run);
  const referenceDay = referenceDate ? toUtcDay(referenceDate) : toUtcDay(Date.now());
  const ageBands = ageBandsOf(channels.flatMap((c) => Object.keys(c.audience.age ?? {})));
  const interests = new Set(channels.flatMap((c) => Object.keys(c.audience.interests ?? {})));
  const { profiles, interestMapping } = buildSegmentProfiles(
    scope,
    members,
    referenceDay,
    ageBands,
    interests,
  );
  const match = matchSegmentChannels(
    members.segments.map((segment, s) => ({
      segmentId: segment,
      name: segment,
      profile: profiles[s] ?? {},
      size: members.sizes[s] ?? 0,
    })),
    channels,
    {
      segmentResults: combineSegmentResults(
        loadSegmentResults(scope, members, channels),
        loadSegmentCampaignResults(scope, members, channels),
      ),
      ...options,
    },
  );
  const nameOf = new Map(channels.map((c) => [c.channelId, c.name]));
  return {
    run_id: members.run.id,
    run_kind: members.run.kind,
    reference_date: dayToIsoDate(referenceDay),
    ...members.exclusion,
    channels: channels.length,
    age_bands: ageBands.map((b) => b.key),
    interest_mapping: interestMapping,
    effectiveness_source: match.effectivenessSource,
    segment_result_channels: match.segmentResultChannels.map((id) => nameOf.get(id) ?? id),
    segment_campaign_channels: match.segmentCampaignChannels.map((id) => nameOf.get(id) ?? id),
    diagnosis: match.diagnosis,
    segments: match.segments.map((entry, s) => ({
      segment: entry.segmentName,
      customers: members.sizes[s] ?? 0,
      profile: (profiles[s] ?? {}) as Record<string, Record<string, number>>,
      notes: entry.notes,
      channels: entry.channels.map(
        (c): ChannelMatch => ({
          channel: c.name,
          score: c.score,
          similarity: c.similarity,
          index: c.index * 100,
          kl_total: c.dimensions.reduce((sum, d) => sum + d.kl, 0),
          effectiveness: {
            basis: c.effectiveness.basis,
            source: c.effectiveness.source,
            value: c.effectiveness.value,
            cost_per_conversion: c.effectiveness.costPerConversion,
            roi: c.effectiveness.roi,
            engagement: c.effectiveness.engagement,
            segment_sends: c.effectiveness.segment?.sends,
            segment_conversions: c.effectiveness.segment?.conversions,
            segment_rate: c.effectiveness.segment?.rate,
            channel_rate: c.effectiveness.segment?.channelRate,
            segment_origin: c.effectiveness.segment?.origin,
          },
          dimensions: c.dimensions,
          index_dimensions: c.affinity.dimensions.map((d) => ({
            dimension: d.dimension,
            index: d.index * 100,
            bucket: d.bucket,
            audience_share: d.audienceShare,
            bucket_index: d.bucketIndex,
          })),
          reasons: c.reasons,
        }),
      ),
    })),
  } satisfies ChannelMatchReport & Record<string, unknown>;
}
