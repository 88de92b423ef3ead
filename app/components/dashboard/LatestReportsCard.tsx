import { Link } from "@remix-run/react";
import type { LatestReport } from "~/dashboard/latest-reports.server";
import { formatDateTime, formatInteger } from "~/format";
import { isReportKind, reportKindLabels } from "~/reports/report-kinds";
import { DashboardCard } from "./DashboardCard";

export function LatestReportsCard({ reports, total }: { reports: LatestReport[]; total: number }) {
  return (
    <DashboardCard
      title="Latest reports"
      to="reports"
      linkText={total > reports.length ? `All ${formatInteger(total)} reports` : "Reports"}
      testId="card-reports"
    >
      {reports.length === 0 ? (
        <p className="muted">
          No reports yet. Save one from the <Link to="campaigns">Campaigns</Link> page to share it
          or e-mail it on a schedule.
        </p>
      ) : (
        <ul className="plain-list">
          {reports.map((r) => (
            <li key={r.id}>
              <Link to={`reports/${r.id}`}>{r.title}</Link>
              <div className="muted small">
                {isReportKind(r.kind) ? reportKindLabels[r.kind] : r.kind},{" "}
                {r.mode === "snapshot"
                  ? `snapshot of ${formatDateTime(r.takenAt)}`
                  : `live, saved ${formatDateTime(r.takenAt)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
