import { Link } from "@remix-run/react";
import type { ScraperHealth, SourceHealth } from "~/dashboard/scraper-health.server";
import { formatDateTime, formatInteger } from "~/format";
import { DashboardCard } from "./DashboardCard";

const LABELS: Record<SourceHealth, { label: string; tone: string }> = {
  ok: { label: "ok", tone: "ok" },
  failing: { label: "failing", tone: "bad" },
  stale: { label: "stale", tone: "busy" },
  paused: { label: "paused", tone: "idle" },
  waiting: { label: "waiting for a first run", tone: "idle" },
};

const SHOWN: SourceHealth[] = ["ok", "failing", "stale", "paused", "waiting"];

export function ScraperHealthCard({ health }: { health: ScraperHealth }) {
  return (
    <DashboardCard title="Scraper health" to="scrapers" linkText="Scrapers" testId="card-scrapers">
      {health.total === 0 ? (
        <p className="muted">
          No sources yet. Add a channel page, site statistics or web trends on the{" "}
          <Link to="scrapers">Scrapers</Link> page to collect them on a schedule.
        </p>
      ) : (
        <>
          <p className="badge-row" data-testid="scraper-counts">
            {SHOWN.filter(
              (h) => h === "ok" || h === "failing" || h === "stale" || health.counts[h] > 0,
            ).map((h) => (
              <span
                key={h}
                className={`badge status-${LABELS[h].tone}`}
                data-testid={`scrapers-${h}`}
              >
                {formatInteger(health.counts[h])} {LABELS[h].label}
              </span>
            ))}
          </p>
          {health.attention.length > 0 ? (
            <ul className="plain-list small">
              {health.attention.slice(0, 5).map((s) => (
                <li key={s.id}>
                  <Link to={`scrapers?source=${s.id}#runs`}>{s.name}</Link>:{" "}
                  {s.health === "failing"
                    ? `failing${s.lastError ? `: ${s.lastError}` : ""}`
                    : `stale: the run due ${formatDateTime(s.missedRunAt)} did not happen (is the worker running?)`}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">Every enabled source ran on schedule.</p>
          )}
          <p className="muted small">
            Stale: enabled, but a whole scheduled period has passed since its last run.
          </p>
        </>
      )}
    </DashboardCard>
  );
}
