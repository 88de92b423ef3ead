import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { formatPercent } from "~/components/segments/numbers";
import { segmentName } from "~/components/segments/segment-names";
import type { ActiveSegmentsOfKind } from "~/dashboard/active-segments.server";
import { formatInteger } from "~/format";
import { DashboardCard } from "./DashboardCard";

export function SegmentsCard({ kinds }: { kinds: ActiveSegmentsOfKind[] }) {
  const { t } = useTranslation("dashboard");
  const any = kinds.some((k) => k.latest || k.newer);
  return (
    <DashboardCard
      title={t("segments.title")}
      to="segments"
      linkText={t("segments.link")}
      testId="card-segments"
    >
      {!any ? (
        <p className="muted">
          <Trans t={t} i18nKey="segments.none" components={{ segments: <Link to="segments" /> }} />
        </p>
      ) : (
        <ul className="plain-list">
          {kinds.map((k) => (
            <li key={k.kind} data-testid={`segments-${k.kind}`}>
              <strong>{t(`segments:runs.kinds.${k.kind}`)}</strong>:{" "}
              {k.latest ? (
                <>
                  <Link to={`segments/${k.latest.runId}`}>
                    {t("segments.segments", { count: k.latest.segments })},{" "}
                    {t("segments.customers", { count: k.latest.customers })}
                  </Link>{" "}
                  <span className="muted small">
                    {t("segments.asOf", { day: k.latest.referenceDate })}
                  </span>
                  {k.latest.largest ? (
                    <div className="muted small">
                      {t("segments.largest", {
                        name: segmentName(t, k.latest.largest.name),
                        customers: formatInteger(k.latest.largest.customers),
                        share: formatPercent(k.latest.largest.share, 0),
                      })}
                    </div>
                  ) : null}
                </>
              ) : (
                <span className="muted">{t("segments.noneFinished")}</span>
              )}
              {k.newer ? (
                <div className="small">
                  <Trans
                    t={t}
                    i18nKey="segments.newer"
                    values={{
                      status: t(`common:status.${k.newer.status}`, {
                        defaultValue: k.newer.status,
                      }),
                    }}
                    components={{ run: <Link to={`segments/${k.newer.runId}`} /> }}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
