/**
 * Everything the Campaigns page shows, from its search parameters: the route's loader and a
 * saved "campaign ROI" report both call this, so a report shows exactly what the page showed.
 */
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { createWorkspaceCache, marksKey, workspaceDataMarks } from "~/workspace-cache.server";
import { campaignDateSpan } from "./campaign-rows.server";
import { RoiFilters } from "./roi-params";
import { type CampaignPage, campaignDays, campaignPage } from "./roi-report.server";
import { SORT_COLUMNS, sortGroups } from "./sort-groups";

const Sort = z.object({
  sort: z.enum(SORT_COLUMNS).catch("spend"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  campaign: z.string().trim().min(1).optional().catch(undefined),
});

/**
 * The page's figures (three grouped reports with bootstrap intervals: about 190 ms on the
 * demo's 1,530 campaign rows) are kept per workspace under the data's marks and the range,
 * breakdown and granularity asked, so repeated views read them instead of resampling.
 */
const pages = createWorkspaceCache<CampaignPage>();

export function campaignRoiPage(scope: WorkspaceScope, search: Record<string, string>) {
  const parsed = RoiFilters.safeParse(search);
  // A bad filter shows its message and the page falls back to all dates.
  const filters = parsed.success ? parsed.data : RoiFilters.parse({});
  const error = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`).join("; ");
  const { sort, dir, campaign } = Sort.parse(search);
  const range = { from: filters.from, to: filters.to };
  const key = [
    marksKey(workspaceDataMarks(scope)),
    range.from ?? "",
    range.to ?? "",
    filters.by,
    filters.granularity,
  ].join("|");
  const page = pages.get(scope.workspaceId, key, () =>
    campaignPage(scope, range, filters.by, filters.granularity),
  );
  return {
    filters,
    search: parsed.success ? search : {},
    error,
    sort: { column: sort, dir },
    currency: reportingCurrency(scope).currency,
    span: campaignDateSpan(scope),
    breakdown: page.breakdown,
    channels: page.channels,
    campaigns: sortGroups(page.campaigns, sort, dir),
    series: page.series,
    drill: campaign ? { key: campaign, ...campaignDays(scope, range, campaign) } : null,
  };
}

export type CampaignRoiPage = ReturnType<typeof campaignRoiPage>;
