import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NextDelivery } from "~/dashboard/next-deliveries.server";
import { formatDateTime } from "~/format";
import { useMessage } from "~/i18n/message";
import { DashboardCard } from "./DashboardCard";

export function NextDeliveriesCard({ deliveries }: { deliveries: NextDelivery[] }) {
  const { t } = useTranslation("dashboard");
  const translate = useMessage();
  return (
    <DashboardCard
      title={t("deliveries.title")}
      to="reports"
      linkText={t("deliveries.link")}
      testId="card-deliveries"
    >
      {deliveries.length === 0 ? (
        <p className="muted">{t("deliveries.none")}</p>
      ) : (
        <ul className="plain-list">
          {deliveries.map((d) => (
            <li key={d.id}>
              <strong>{formatDateTime(d.nextRunAt)}</strong>:{" "}
              <Link to={`reports/${d.reportId}/delivery`}>{d.reportTitle}</Link>
              <div className="muted small">
                {t("deliveries.to", { schedule: translate(d.inWords), count: d.recipients })}
                {d.lastError ? t("deliveries.lastProblem", { error: translate(d.lastError) }) : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
