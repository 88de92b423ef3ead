/** The "channels" report: the Channels page's catalogue and the compared channels' charts. */
import { channelsPage } from "~/scraping/channels-page.server";
import { type ReportKind, searchParams } from "./report-kind.server";

export const channelsReport: ReportKind<ReturnType<typeof channelsPage>> = {
  page: "channels",
  params: searchParams([], ["compare"]),
  personal: false,
  dateRange: null,
  build: (scope, params) => {
    const compare = params.compare;
    return channelsPage(scope, Array.isArray(compare) ? compare : compare ? [compare] : []);
  },
  tables: (data) => [
    {
      name: "channels",
      columns: [
        "channel",
        "handle",
        "kind",
        "subscribers",
        "views_per_post",
        "engagement_rate",
        "posts_per_week",
        "fetched_at",
      ],
      rows: data.catalogue.map((r) => [
        r.name,
        r.handle,
        r.kind,
        r.subscribers,
        r.avgViews,
        r.engagementRate,
        r.postsPerWeek,
        r.fetchedAt ? new Date(r.fetchedAt).toISOString() : null,
      ]),
    },
  ],
};
