import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { ScraperHealth, SourceHealth } from "~/dashboard/scraper-health.server";
import { formatDateTime, formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import { DashboardCard } from "./DashboardCard";

const TONES: Record<SourceHealth, string> = {
  ok: "ok",
  failing: "bad",
  stale: "busy",
  paused: "idle",
  waiting: "idle",
};

const SHOWN: SourceHealth[] = ["ok", "failing", "stale", "paused", "waiting"];

export function ScraperHealthCard({ health }: { health: ScraperHealth }) {
  const { t } = useTranslation("dashboard");
  const translate = useMessage();
  return (
    <DashboardCard
      title={t("scrapers.title")}
      to="scrapers"
      linkText={t("scrapers.link")}
      testId="card-scrapers"
    >
      {health.total === 0 ? (
        <p className="muted">
          <Trans t={t} i18nKey="scrapers.none" components={{ scrapers: <Link to="scrapers" /> }} />
        </p>
      ) : (
        <>
          <p className="badge-row" data-testid="scraper-counts">
            {SHOWN.filter(
              (h) => h === "ok" || h === "failing" || h === "stale" || health.counts[h] > 0,
            ).map((h) => (
              <span key={h} className={`badge status-${TONES[h]}`} data-testid={`scrapers-${h}`}>
                {formatInteger(health.counts[h])} {t(`scrapers.health.${h}`)}
              </span>
            ))}
          </p>
          {health.attention.length > 0 ? (
            <ul className="plain-list small">
              {health.attention.slice(0, 5).map((s) => (
                <li key={s.id}>
                  <Link to={`scrapers?source=${s.id}#runs`}>{s.name}</Link>:{" "}
                  {s.health === "failing"
                    ? s.lastError
                      ? t("scrapers.failingWith", { error: translate(s.lastError) })
                      : t("scrapers.failing")
                    : t("scrapers.stale", { date: formatDateTime(s.missedRunAt) })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("scrapers.onSchedule")}</p>
          )}
          <p className="muted small">{t("scrapers.staleNote")}</p>
        </>
      )}
    </DashboardCard>
  );
}
