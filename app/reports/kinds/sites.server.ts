/** The "sites" report: the Sites page's visits, traffic mix and figures per chosen site. */
import { sitesPage } from "~/scraping/sites-page.server";
import { type ReportKind, searchParams } from "./report-kind.server";

export const sitesReport: ReportKind<ReturnType<typeof sitesPage>> = {
  page: "sites",
  params: searchParams([], ["site"]),
  personal: false,
  dateRange: null,
  build: (scope, params) => {
    const site = params.site;
    return sitesPage(scope, Array.isArray(site) ? site : site ? [site] : []);
  },
  tables: (data) => [
    {
      name: "sites",
      columns: [
        "site",
        "last_month_visits",
        "bounce_rate",
        "avg_visit_duration_seconds",
        "pages_per_visit",
      ],
      rows: data.summaries.map((s) => [
        s.site,
        s.lastVisits?.value ?? null,
        s.bounceRate?.value ?? null,
        s.avgVisitDuration?.value ?? null,
        s.pagesPerVisit?.value ?? null,
      ]),
    },
    {
      name: "traffic-sources",
      columns: ["site", ...data.trafficKeys],
      rows: data.mix.map((m) => {
        const shares = m as Record<string, string | number>;
        return [m.label, ...data.trafficKeys.map((k) => (shares[k] as number | undefined) ?? null)];
      }),
    },
  ],
};
