/**
 * The Channels page: one catalogue of the channels a workspace knows, whether uploaded
 * (channel_audiences: who the audience is) or scraped (subscribers, views, posting), joined
 * where both describe the same channel; and series over time to compare up to 5 channels.
 */
import { asc } from "drizzle-orm";
import { channelAudiences } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { MAX_COMPARED_CHANNELS } from "./limits";
import {
  latestByEntity,
  latestObservations,
  type ObservationRow,
  observationRows,
} from "./observation-queries.server";
import { latestPerPeriod, periodDate } from "./series";

/** The figures a channel page plots; "views" is per post (Telegram) or per video. */
export const CHANNEL_METRICS = {
  subscribers: ["subscribers"],
  views: ["avg_views_per_post", "avg_views_per_video"],
  engagement_rate: ["engagement_rate"],
  posts_per_week: ["posts_per_week"],
} as const;
export type ChannelMetric = keyof typeof CHANNEL_METRICS;

export interface CatalogueRow {
  key: string;
  /** Scraped title, else the uploaded name. Shown escaped (scraped text). */
  name: string;
  /** The scraped handle, when scraped. */
  handle: string | null;
  kind: string | null;
  uploaded: boolean;
  subscribers: number | null;
  avgViews: number | null;
  engagementRate: number | null;
  postsPerWeek: number | null;
  monthlyVisits: number | null;
  /** The largest age band of the uploaded audience, e.g. "age_25_34 (41 %)". */
  topAgeBand: string | null;
  fetchedAt: Date | null;
  sourceName: string | null;
}

/** "@Acme_News", "https://t.me/s/acme_news" and "acme_news" all name the same channel. */
export function channelKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(?:www\.)?(?:t\.me\/(?:s\/)?|[^/]+\/)?/, "")
    .replace(/^@/, "")
    .replace(/\/.*$/, "");
}

function topShare(shares: Record<string, number> | undefined): string | null {
  const top = Object.entries(shares ?? {}).sort((a, b) => b[1] - a[1])[0];
  return top ? `${top[0]} (${Math.round(top[1] * 100)} %)` : null;
}

function metricValue(metrics: Map<string, ObservationRow> | undefined, metric: ChannelMetric) {
  for (const name of CHANNEL_METRICS[metric]) {
    const row = metrics?.get(name);
    if (row?.value !== null && row?.value !== undefined) return row.value;
  }
  return null;
}

export function channelCatalogue(scope: WorkspaceScope): CatalogueRow[] {
  const scraped = latestByEntity(latestObservations(scope, "channel"));
  const uploads = scope.db
    .select()
    .from(channelAudiences)
    .where(scope.where(channelAudiences))
    .orderBy(asc(channelAudiences.channelName))
    .all();
  const rows: CatalogueRow[] = [];
  const matched = new Set<string>();
  for (const [entity, metrics] of scraped) {
    const title = metrics.get("title")?.textValue ?? null;
    const keys = new Set([channelKey(entity), ...(title ? [channelKey(title)] : [])]);
    const upload = uploads.find(
      (u) => keys.has(channelKey(u.channelName)) || (u.url !== null && keys.has(channelKey(u.url))),
    );
    if (upload) matched.add(upload.channelName);
    const any = [...metrics.values()].sort((a, b) => +b.fetchedAt - +a.fetchedAt)[0];
    rows.push({
      key: entity,
      name: title ?? upload?.channelName ?? entity,
      handle: entity,
      kind: upload?.channelType ?? any?.sourceAdapter ?? null,
      uploaded: Boolean(upload),
      subscribers: metricValue(metrics, "subscribers"),
      avgViews: metricValue(metrics, "views"),
      engagementRate: metricValue(metrics, "engagement_rate"),
      postsPerWeek: metricValue(metrics, "posts_per_week"),
      monthlyVisits: upload?.monthlyVisits ?? null,
      topAgeBand: topShare(upload?.shares.age),
      fetchedAt: any?.fetchedAt ?? null,
      sourceName: any?.sourceName ?? null,
    });
  }
  for (const upload of uploads.filter((u) => !matched.has(u.channelName))) {
    rows.push({
      key: `upload:${upload.channelName}`,
      name: upload.channelName,
      handle: null,
      kind: upload.channelType,
      uploaded: true,
      subscribers: null,
      avgViews: null,
      engagementRate: null,
      postsPerWeek: null,
      monthlyVisits: upload.monthlyVisits,
      topAgeBand: topShare(upload.shares.age),
      fetchedAt: null,
      sourceName: null,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export interface ChartSeries {
  id: string;
  data: { x: string; y: number | null }[];
}

/** One line per channel (at most 5) of one metric, by day. */
export function channelSeries(
  scope: WorkspaceScope,
  entities: readonly string[],
  metric: ChannelMetric,
  labels: ReadonlyMap<string, string> = new Map(),
): ChartSeries[] {
  const chosen = entities.slice(0, MAX_COMPARED_CHANNELS);
  const rows = observationRows(scope, {
    entityType: "channel",
    entities: chosen,
    metrics: CHANNEL_METRICS[metric],
  });
  return chosen.map((entity) => ({
    id: labels.get(entity) ?? entity,
    data: latestPerPeriod(rows.filter((r) => r.entity === entity && r.value !== null)).map((r) => ({
      x: periodDate(r.period),
      y: r.value,
    })),
  }));
}
