/**
 * Daily spend and results per channel, the input of the response curves. Daily rows are
 * summed per channel and day; a campaign uploaded only as a totals row (date "") is spread
 * evenly over its start..end days, since nothing better is known of its pacing. Days
 * without a row inside a channel's history (from its first day to the workspace's last
 * campaign day) count as no spend and no result.
 */
import { sql } from "drizzle-orm";
import { campaigns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { dayNumber, isoFromDayNumber } from "~/analytics/day-number";

export interface ChannelHistory {
  channel: string;
  dates: string[];
  spend: Float64Array;
  impressions: Float64Array;
  clicks: Float64Array;
  conversions: Float64Array;
  revenue: Float64Array;
  /** Campaigns uploaded only as totals, whose figures were spread over their days. */
  spreadCampaigns: number;
}

interface DayRow {
  channel: string;
  date: string;
  spend: number | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  revenue: number | null;
}

const FIGURES = ["spend", "impressions", "clicks", "conversions", "revenue"] as const;

export function readChannelHistories(scope: WorkspaceScope): Map<string, ChannelHistory> {
  const daily = scope.db
    .select({
      channel: campaigns.channel,
      date: campaigns.date,
      spend: sql<number | null>`sum(${campaigns.spend})`,
      impressions: sql<number | null>`sum(${campaigns.impressions})`,
      clicks: sql<number | null>`sum(${campaigns.clicks})`,
      conversions: sql<number | null>`sum(${campaigns.conversions})`,
      revenue: sql<number | null>`sum(${campaigns.revenue})`,
    })
    .from(campaigns)
    .where(
      scope.where(campaigns, sql`${campaigns.date} <> ''`, sql`${campaigns.channel} is not null`),
    )
    .groupBy(campaigns.channel, campaigns.date)
    .all() as DayRow[];
  const totalsOnly = scope.db
    .select()
    .from(campaigns)
    .where(
      scope.where(
        campaigns,
        sql`${campaigns.date} = ''`,
        sql`${campaigns.channel} is not null`,
        sql`not exists (select 1 from campaigns d where d.workspace_id = ${campaigns.workspaceId} and d.campaign_key = ${campaigns.campaignKey} and d.date <> '')`,
      ),
    )
    .all();
  const rows: DayRow[] = [...daily];
  const spread = new Map<string, number>();
  for (const c of totalsOnly) {
    if (!c.startDate || !c.endDate || !c.channel) continue;
    const start = dayNumber(c.startDate);
    const end = dayNumber(c.endDate);
    if (!(end >= start)) continue;
    const days = end - start + 1;
    spread.set(c.channel, (spread.get(c.channel) ?? 0) + 1);
    for (let d = start; d <= end; d++)
      rows.push({
        channel: c.channel,
        date: isoFromDayNumber(d),
        spend: c.spend === null ? null : c.spend / days,
        impressions: c.impressions === null ? null : c.impressions / days,
        clicks: c.clicks === null ? null : c.clicks / days,
        conversions: c.conversions === null ? null : c.conversions / days,
        revenue: c.revenue === null ? null : c.revenue / days,
      });
  }
  return toHistories(rows, spread);
}

function toHistories(rows: DayRow[], spread: Map<string, number>): Map<string, ChannelHistory> {
  const byChannel = new Map<string, DayRow[]>();
  for (const row of rows) {
    const list = byChannel.get(row.channel) ?? [];
    list.push(row);
    byChannel.set(row.channel, list);
  }
  const out = new Map<string, ChannelHistory>();
  // Every channel's history runs to the workspace's last campaign day, so a channel that
  // stopped earlier shows its quiet days (and its carry-over decays over them).
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const row of rows) lastDay = Math.max(lastDay, dayNumber(row.date));
  for (const [channel, list] of [...byChannel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const days = list.map((r) => dayNumber(r.date)).filter((d) => !Number.isNaN(d));
    if (!days.length) continue;
    const first = Math.min(...days);
    const length = lastDay - first + 1;
    const history: ChannelHistory = {
      channel,
      dates: Array.from({ length }, (_, t) => isoFromDayNumber(first + t)),
      spend: new Float64Array(length),
      impressions: new Float64Array(length),
      clicks: new Float64Array(length),
      conversions: new Float64Array(length),
      revenue: new Float64Array(length),
      spreadCampaigns: spread.get(channel) ?? 0,
    };
    for (const row of list) {
      const t = dayNumber(row.date) - first;
      if (Number.isNaN(t)) continue;
      for (const figure of FIGURES)
        history[figure][t] = (history[figure][t] as number) + (row[figure] ?? 0);
    }
    out.set(channel, history);
  }
  return out;
}
