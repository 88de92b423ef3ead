/**
 * Everything the Channels page shows, from its search parameters (`compare`, repeated): the
 * route's loader and a saved "channels" report both call this.
 */
import type { WorkspaceScope } from "#db/scoped";
import { channelCatalogue, channelSeries } from "./channel-queries.server";
import { MAX_COMPARED_CHANNELS } from "./limits";

export function channelsPage(scope: WorkspaceScope, asked: string[]) {
  const catalogue = channelCatalogue(scope);
  const scraped = catalogue.filter((r) => r.handle !== null);
  const known = asked.filter((h) => scraped.some((r) => r.handle === h));
  const compare = (known.length > 0 ? known : scraped.slice(0, 3).map((r) => r.handle ?? "")).slice(
    0,
    MAX_COMPARED_CHANNELS,
  );
  const labels = new Map(scraped.map((r) => [r.handle ?? "", `${r.name} (${r.handle})`]));
  const compared = scraped.filter((r) => compare.includes(r.handle ?? ""));
  return {
    catalogue: catalogue.map((r) => ({ ...r, fetchedAt: r.fetchedAt?.toISOString() ?? null })),
    compare,
    tooMany: known.length > MAX_COMPARED_CHANNELS,
    subscribers: channelSeries(scope, compare, "subscribers", labels),
    views: channelSeries(scope, compare, "views", labels),
    engagement: channelSeries(scope, compare, "engagement_rate", labels),
    posting: compared.map((r) => ({ label: r.name, posts: r.postsPerWeek ?? 0 })),
  };
}

export type ChannelsPage = ReturnType<typeof channelsPage>;
