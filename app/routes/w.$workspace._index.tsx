import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BestChannelCard } from "~/components/dashboard/BestChannelCard";
import { CustomersCard } from "~/components/dashboard/CustomersCard";
import { LatestReportsCard } from "~/components/dashboard/LatestReportsCard";
import { NextDeliveriesCard } from "~/components/dashboard/NextDeliveriesCard";
import { RevenueCard } from "~/components/dashboard/RevenueCard";
import { ScraperHealthCard } from "~/components/dashboard/ScraperHealthCard";
import { SegmentsCard } from "~/components/dashboard/SegmentsCard";
import { activeSegments } from "~/dashboard/active-segments.server";
import { bestChannelByRoi } from "~/dashboard/best-channel.server";
import { customersAnalysed } from "~/dashboard/customers-analysed.server";
import { latestReports } from "~/dashboard/latest-reports.server";
import { nextDeliveries } from "~/dashboard/next-deliveries.server";
import { revenueTrend } from "~/dashboard/revenue-trend.server";
import { scraperHealth } from "~/dashboard/scraper-health.server";
import { sectionText, workspaceSections } from "~/navigation";
import { requireWorkspace } from "~/workspace.server";
import { workspaceDataMarks } from "~/workspace-cache.server";

/** The workspace home: key figures, each from its own module in app/dashboard. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role, scope } = await requireWorkspace(request, params);
  const now = new Date();
  // Read once: the figures kept between visits are checked against the same marks.
  const marks = workspaceDataMarks(scope);
  const revenue = revenueTrend(scope, now, marks, workspace.timeZone);
  return {
    workspace: { slug: workspace.slug, name: workspace.name },
    role,
    customers: customersAnalysed(scope, marks),
    revenue,
    segments: activeSegments(scope),
    bestChannel: bestChannelByRoi(scope, marks),
    scrapers: scraperHealth(scope, now),
    reports: latestReports(scope),
    deliveries: nextDeliveries(scope),
  };
}

export default function WorkspaceHome() {
  const data = useLoaderData<typeof loader>();
  const { workspace, role } = data;
  const { t } = useTranslation("dashboard");
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="muted">{t(`youAre.${role}`)}</p>
      <div className="grid-cards dashboard">
        <CustomersCard figures={data.customers} />
        <RevenueCard trend={data.revenue} />
        <SegmentsCard kinds={data.segments} />
        <BestChannelCard figures={data.bestChannel} currency={data.revenue.money.currency} />
        <ScraperHealthCard health={data.scrapers} />
        <LatestReportsCard reports={data.reports.reports} total={data.reports.total} />
        <NextDeliveriesCard deliveries={data.deliveries} />
      </div>
      <h2>{t("sections")}</h2>
      <div className="grid-cards">
        {workspaceSections.map((s) => (
          <Link
            key={s.path}
            to={s.path}
            className="card"
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <strong>{t(`common:${sectionText(s.path).label}`)}</strong>
            <p className="muted small">{t(`common:${sectionText(s.path).summary}`)}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
