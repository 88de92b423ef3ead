/**
 * Past campaign results split by segment for the channel match (docs/analytics.md §23):
 * campaign rows that carry a segment (a report broken down by audience segment) whose value
 * names one of the run's segments, summed per segment and channel. A row's impressions are
 * the people it reached (the sends) and its conversions what came of them; rows without
 * impressions cannot give a rate and are left out. A segment is named by its stored name, a
 * cluster's shown name, or an RFM segment's name in English, Turkish or Russian, compared
 * case-folded; the channel by the audience's name, ignoring case (as the campaign totals).
 */
import { foldCase } from "#db/fold-case";
import type { WorkspaceScope } from "#db/scoped";
import type { ChannelInput, SegmentResult } from "~/analytics/channel-match";
import { resources } from "~/locales";
import type { SegmentMembers } from "./segment-members.server";

const fold = (text: string) => foldCase(text).trim().replace(/\s+/g, " ");

/** Folded name → the run's segment it names. */
export function segmentNamesOf(members: Pick<SegmentMembers, "run" | "segments">) {
  const byName = new Map<string, string>();
  const add = (name: unknown, segment: string) => {
    if (typeof name === "string" && name.trim() && !byName.has(fold(name)))
      byName.set(fold(name), segment);
  };
  const run = new Set(members.segments);
  for (const segment of members.segments) add(segment, segment);
  // A cluster's name as the page shows it (result.names, by cluster number).
  const result = (members.run.result ?? {}) as {
    sizes?: { name?: unknown; cluster?: unknown }[];
    names?: Record<string, unknown>;
  };
  for (const size of Array.isArray(result.sizes) ? result.sizes : []) {
    if (typeof size.name === "string" && run.has(size.name))
      add(result.names?.[String(size.cluster)], size.name);
  }
  // RFM segments are stored in English; their names in the other catalogues name them too.
  const english = resources.en.segments.rfm.names as Record<string, string>;
  for (const [key, name] of Object.entries(english)) {
    if (!run.has(name)) continue;
    for (const language of Object.values(resources)) {
      add((language.segments.rfm.names as Record<string, string>)[key], name);
    }
  }
  return byName;
}

export function loadSegmentCampaignResults(
  scope: WorkspaceScope,
  members: Pick<SegmentMembers, "run" | "segments">,
  channels: readonly ChannelInput[],
): SegmentResult[] {
  const channelOf = new Map(channels.map((c) => [c.name.trim().toLowerCase(), c.channelId]));
  const segmentOf = segmentNamesOf(members);
  // A campaign given both as whole-campaign rows (date "") and as daily rows counts once,
  // from its daily rows (as the campaign totals of channel-inputs.server.ts).
  const rows = scope
    .sql(
      `SELECT c.segment, lower(trim(c.channel)), total(c.impressions), total(c.conversions)
       FROM campaigns AS c
       WHERE c.workspace_id = @workspace AND c.segment <> '' AND c.channel IS NOT NULL
         AND c.impressions IS NOT NULL
         AND (c.date <> '' OR NOT EXISTS (
           SELECT 1 FROM campaigns AS d
           WHERE d.workspace_id = c.workspace_id AND d.campaign_key = c.campaign_key
             AND d.segment = c.segment AND d.date <> ''))
       GROUP BY 1, 2`,
    )
    .raw()
    .all<[string, string, number, number]>();
  const tallies = new Map<string, SegmentResult>();
  for (const [name, channel, impressions, conversions] of rows) {
    const segmentId = segmentOf.get(fold(name));
    const channelId = channelOf.get(channel);
    if (segmentId === undefined || channelId === undefined || !(impressions > 0)) continue;
    const key = `${segmentId}\u0000${channelId}`;
    const tally = tallies.get(key) ?? {
      segmentId,
      channelId,
      sends: 0,
      conversions: 0,
      origin: "campaigns" as const,
    };
    tally.sends += impressions;
    tally.conversions += conversions;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

/**
 * Customer-linked responses and campaign rows per segment together: a channel with
 * responses of the run's members keeps those (they are the members' own), the others take
 * the campaign rows'.
 */
export function combineSegmentResults(
  responses: readonly SegmentResult[],
  campaignRows: readonly SegmentResult[],
): SegmentResult[] {
  const fromResponses = new Set(responses.map((r) => r.channelId));
  return [...responses, ...campaignRows.filter((r) => !fromResponses.has(r.channelId))];
}
