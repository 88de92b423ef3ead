/**
 * Segment × channel recommendations for a finished run: each segment's profile against
 * each channel audience (KL per dimension and summed, JS similarity), times the channel's
 * effectiveness from past campaigns or traffic (analytics/channel-match.ts), ranked per
 * segment with the reasons.
 */

import type { Db } from "#db/client";
import { type ChannelScoreOptions, rankChannels } from "~/analytics/channel-match";
import { dayToIsoDate, toUtcDay } from "~/analytics/columns";
import { loadChannelInputs } from "./channel-inputs.server";
import { ageBandsOf } from "./demographics";
import { loadSegmentMembers, runReferenceDate } from "./segment-members.server";
import { buildSegmentProfiles } from "./segment-profiles.server";

export interface ChannelMatch {
  channel: string;
  score: number;
  similarity: number;
  kl_total: number;
  effectiveness: {
    basis: "campaigns" | "traffic" | "none";
    value: number;
    cost_per_conversion?: number;
    roi?: number;
    engagement?: number;
  };
  dimensions: { dimension: string; kl: number; js: number; similarity: number }[];
  reasons: string[];
}

export function matchChannels(
  db: Db,
  workspaceId: number,
  runId: number,
  options: ChannelScoreOptions = {},
) {
  const members = loadSegmentMembers(db, workspaceId, runId);
  const channels = loadChannelInputs(db, workspaceId);
  const referenceDate = runReferenceDate(members.run);
  const referenceDay = referenceDate ? toUtcDay(referenceDate) : toUtcDay(Date.now());
  const ageBands = ageBandsOf(channels.flatMap((c) => Object.keys(c.audience.age ?? {})));
  const interests = new Set(channels.flatMap((c) => Object.keys(c.audience.interests ?? {})));
  const { profiles, interestMapping } = buildSegmentProfiles(
    db,
    workspaceId,
    members,
    referenceDay,
    ageBands,
    interests,
  );
  const ranked = rankChannels(
    members.segments.map((segment, s) => ({
      segmentId: segment,
      name: segment,
      profile: profiles[s] ?? {},
    })),
    channels,
    options,
  );
  return {
    run_id: members.run.id,
    run_kind: members.run.kind,
    reference_date: dayToIsoDate(referenceDay),
    ...members.exclusion,
    channels: channels.length,
    age_bands: ageBands.map((b) => b.key),
    interest_mapping: interestMapping,
    segments: ranked.map((entry, s) => ({
      segment: entry.segmentName,
      customers: members.sizes[s] ?? 0,
      profile: profiles[s] ?? {},
      channels: entry.channels.map(
        (c): ChannelMatch => ({
          channel: c.name,
          score: c.score,
          similarity: c.similarity,
          kl_total: c.dimensions.reduce((sum, d) => sum + d.kl, 0),
          effectiveness: {
            basis: c.effectiveness.basis,
            value: c.effectiveness.value,
            cost_per_conversion: c.effectiveness.costPerConversion,
            roi: c.effectiveness.roi,
            engagement: c.effectiveness.engagement,
          },
          dimensions: c.dimensions,
          reasons: c.reasons,
        }),
      ),
    })),
  };
}
