import { Link } from "@remix-run/react";
import type { NextDelivery } from "~/dashboard/next-deliveries.server";
import { formatDateTime } from "~/format";
import { DashboardCard } from "./DashboardCard";

export function NextDeliveriesCard({ deliveries }: { deliveries: NextDelivery[] }) {
  return (
    <DashboardCard
      title="Next scheduled e-mails"
      to="reports"
      linkText="Reports"
      testId="card-deliveries"
    >
      {deliveries.length === 0 ? (
        <p className="muted">
          No report e-mails scheduled. Editors schedule one from a report's E-mail page (weekly or
          monthly).
        </p>
      ) : (
        <ul className="plain-list">
          {deliveries.map((d) => (
            <li key={d.id}>
              <strong>{formatDateTime(d.nextRunAt)}</strong>:{" "}
              <Link to={`reports/${d.reportId}/delivery`}>{d.reportTitle}</Link>
              <div className="muted small">
                {d.inWords}, to {d.recipients} {d.recipients === 1 ? "address" : "addresses"}
                {d.lastError ? `; last problem: ${d.lastError}` : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
