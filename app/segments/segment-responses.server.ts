/**
 * Past results split by segment for the channel match (docs/analytics.md §23): the uploaded
 * responses (a send log) of the run's members who may still be analysed, counted per segment
 * and channel. A response's channel (sms, email, push, call in one spelling) is matched to a
 * channel audience whose name spells the same channel ("SMS", "E-posta"), else by name.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { ChannelInput, SegmentResult } from "~/analytics/channel-match";
import { canonicalResponseChannel } from "~/ingest/response-channels";
import type { SegmentMembers } from "./segment-members.server";

export function loadSegmentResults(
  scope: WorkspaceScope,
  members: SegmentMembers,
  channels: readonly ChannelInput[],
): SegmentResult[] {
  const channelOf = new Map<string, string>();
  for (const channel of channels) {
    channelOf.set(canonicalResponseChannel(channel.name).toLowerCase(), channel.channelId);
  }
  // Each response is filed under the customer's id in some source; that source's record
  // gives the profile (the lowest profile id when two sources share the id).
  const rows = scope
    .sql(
      `SELECT min(cs.customer_id), r.channel, r.converted
       FROM responses AS r
       JOIN customer_sources AS cs
         ON cs.workspace_id = r.workspace_id AND cs.external_id = r.customer_external_id
       WHERE r.workspace_id = @workspace AND r.converted IS NOT NULL
       GROUP BY r.id`,
    )
    .raw()
    .all<[number, string, number]>();
  const tallies = new Map<string, SegmentResult>();
  for (const [customerId, responseChannel, converted] of rows) {
    const position = members.customers.positionOf(customerId);
    const segment = position < 0 ? -1 : (members.segmentOf[position] as number);
    const channelId = channelOf.get(canonicalResponseChannel(responseChannel).toLowerCase());
    if (segment < 0 || channelId === undefined) continue;
    const segmentId = members.segments[segment] as string;
    const key = `${segmentId}\u0000${channelId}`;
    const tally = tallies.get(key) ?? { segmentId, channelId, sends: 0, conversions: 0 };
    tally.sends += 1;
    tally.conversions += converted ? 1 : 0;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}
