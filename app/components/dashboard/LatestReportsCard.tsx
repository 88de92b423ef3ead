import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { useReportKindLabel } from "~/components/reports/report-kind-label";
import type { LatestReport } from "~/dashboard/latest-reports.server";
import { formatDateTime } from "~/format";
import { DashboardCard } from "./DashboardCard";

export function LatestReportsCard({ reports, total }: { reports: LatestReport[]; total: number }) {
  const { t } = useTranslation("dashboard");
  const kindLabel = useReportKindLabel();
  return (
    <DashboardCard
      title={t("reports.title")}
      to="reports"
      linkText={total > reports.length ? t("reports.linkAll", { count: total }) : t("reports.link")}
      testId="card-reports"
    >
      {reports.length === 0 ? (
        <p className="muted">
          <Trans t={t} i18nKey="reports.none" components={{ campaigns: <Link to="campaigns" /> }} />
        </p>
      ) : (
        <ul className="plain-list">
          {reports.map((r) => (
            <li key={r.id}>
              <Link to={`reports/${r.id}`}>{r.title}</Link>
              <div className="muted small">
                {kindLabel(r.kind)},{" "}
                {r.mode === "snapshot"
                  ? t("reports.snapshotOf", { date: formatDateTime(r.takenAt) })
                  : t("reports.liveSaved", { date: formatDateTime(r.takenAt) })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
