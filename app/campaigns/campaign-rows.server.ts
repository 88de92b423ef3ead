/**
 * The workspace's campaign rows in a date range, read through the workspace scope.
 *
 * Rules (docs/analytics.md, "Campaign ROI"):
 * - A daily row is in the range when its date is (from ≤ date ≤ to).
 * - A totals row (date "") is included whole, only when its whole period lies inside the
 *   range (from ≤ start_date and end_date ≤ to); with a range, a totals row without both
 *   dates is left out. Left-out totals rows are counted so the page can say so.
 * - A campaign uploaded both as a totals row and as daily rows counts once, from its daily
 *   rows (as the channel matching does): its totals row is "superseded".
 */
import { asc, eq, gte, lte, max, min, ne } from "drizzle-orm";
import { campaigns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { CampaignRowInput } from "~/analytics/campaign-report";

export interface DateRange {
  from?: string;
  to?: string;
}

export interface CampaignRows {
  rows: CampaignRowInput[];
  /** Totals rows whose period is not inside the range (or has no dates, with a range). */
  totalsRowsOutsideRange: number;
  /** Totals rows of campaigns that also have daily rows. */
  totalsRowsSuperseded: number;
}

const columns = {
  campaignKey: campaigns.campaignKey,
  name: campaigns.name,
  channel: campaigns.channel,
  product: campaigns.product,
  date: campaigns.date,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  spend: campaigns.spend,
  impressions: campaigns.impressions,
  clicks: campaigns.clicks,
  conversions: campaigns.conversions,
  revenue: campaigns.revenue,
};

type Selected = { startDate: string | null; endDate: string | null } & CampaignRowInput;

function input({ startDate: _s, endDate: _e, ...row }: Selected): CampaignRowInput {
  return row;
}

function insideRange(row: Selected, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  if (range.from && !(row.startDate && row.startDate >= range.from)) return false;
  if (range.to && !(row.endDate && row.endDate <= range.to)) return false;
  return true;
}

export function readCampaignRows(
  scope: WorkspaceScope,
  range: DateRange = {},
  campaignKey?: string,
): CampaignRows {
  const ofCampaign = campaignKey === undefined ? undefined : eq(campaigns.campaignKey, campaignKey);
  const daily = scope.db
    .select(columns)
    .from(campaigns)
    .where(
      scope.where(
        campaigns,
        ne(campaigns.date, ""),
        range.from ? gte(campaigns.date, range.from) : undefined,
        range.to ? lte(campaigns.date, range.to) : undefined,
        ofCampaign,
      ),
    )
    .orderBy(asc(campaigns.date), asc(campaigns.id))
    .all() as Selected[];
  const totalsRows = scope.db
    .select(columns)
    .from(campaigns)
    .where(scope.where(campaigns, eq(campaigns.date, ""), ofCampaign))
    .orderBy(asc(campaigns.id))
    .all() as Selected[];
  const withDays = new Set(
    scope.db
      .selectDistinct({ key: campaigns.campaignKey })
      .from(campaigns)
      .where(scope.where(campaigns, ne(campaigns.date, ""), ofCampaign))
      .all()
      .map((row) => row.key),
  );
  let outside = 0;
  let superseded = 0;
  const kept: CampaignRowInput[] = [];
  for (const row of totalsRows) {
    if (withDays.has(row.campaignKey)) superseded++;
    else if (!insideRange(row, range)) outside++;
    else kept.push(input(row));
  }
  return {
    rows: [...daily.map(input), ...kept],
    totalsRowsOutsideRange: outside,
    totalsRowsSuperseded: superseded,
  };
}

/** The first and last day of the workspace's daily rows, for the range form's hints. */
export function campaignDateSpan(scope: WorkspaceScope): { first: string; last: string } | null {
  const span = scope.db
    .select({ first: min(campaigns.date), last: max(campaigns.date) })
    .from(campaigns)
    .where(scope.where(campaigns, ne(campaigns.date, "")))
    .get();
  return span?.first && span.last ? { first: span.first, last: span.last } : null;
}
