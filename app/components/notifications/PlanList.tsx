import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatInteger, formatPercentage } from "~/format";
import { StatusBadge } from "../StatusBadge";
import { segmentName } from "../segments/segment-names";

export interface PlanListItem {
  id: number;
  runId: number;
  segment: string;
  weeklyCap: number;
  explore: number;
  status: string;
  createdAt: string | Date;
}

/** The workspace's latest plans, newest first; the open one is marked. */
export function PlanList({ plans, openId }: { plans: PlanListItem[]; openId: number | null }) {
  const { t } = useTranslation("notifications");
  return (
    <section aria-label={t("plans.title")}>
      <h2>{t("plans.title")}</h2>
      {plans.length === 0 ? (
        <p className="muted">{t("plans.none")}</p>
      ) : (
        <div className="scroll-x">
          <table className="data" aria-label={t("plans.title")}>
            <thead>
              <tr>
                <th>{t("plans.open")}</th>
                <th>{t("plans.created")}</th>
                <th>{t("plans.run")}</th>
                <th>{t("plans.segment")}</th>
                <th className="num">{t("plans.cap")}</th>
                <th className="num">{t("plans.explore")}</th>
                <th>{t("plans.status")}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} aria-current={p.id === openId ? "true" : undefined}>
                  <td>
                    <Link to={`?plan=${p.id}`}>#{p.id}</Link>
                  </td>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>#{p.runId}</td>
                  <td>{segmentName(t, p.segment)}</td>
                  <td className="num">{formatInteger(p.weeklyCap)}</td>
                  <td className="num">{formatPercentage(p.explore, 0)}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
