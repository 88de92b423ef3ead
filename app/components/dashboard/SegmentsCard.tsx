import { Link } from "@remix-run/react";
import { formatPercent } from "~/components/segments/numbers";
import { runKindLabels } from "~/components/segments/run-results";
import type { ActiveSegmentsOfKind } from "~/dashboard/active-segments.server";
import { formatInteger } from "~/format";
import { DashboardCard } from "./DashboardCard";

export function SegmentsCard({ kinds }: { kinds: ActiveSegmentsOfKind[] }) {
  const any = kinds.some((k) => k.latest || k.newer);
  return (
    <DashboardCard title="Active segments" to="segments" linkText="Segments" testId="card-segments">
      {!any ? (
        <p className="muted">
          No segments yet. Upload transactions, then run RFM or k-means on the{" "}
          <Link to="segments">Segments</Link> page.
        </p>
      ) : (
        <ul className="plain-list">
          {kinds.map((k) => (
            <li key={k.kind} data-testid={`segments-${k.kind}`}>
              <strong>{runKindLabels[k.kind]}</strong>:{" "}
              {k.latest ? (
                <>
                  <Link to={`segments/${k.latest.runId}`}>
                    {formatInteger(k.latest.segments)} segments, {formatInteger(k.latest.customers)}{" "}
                    customers
                  </Link>{" "}
                  <span className="muted small">(as of {k.latest.referenceDate})</span>
                  {k.latest.largest ? (
                    <div className="muted small">
                      Largest: {k.latest.largest.name}, {formatInteger(k.latest.largest.customers)}{" "}
                      ({formatPercent(k.latest.largest.share, 0)})
                    </div>
                  ) : null}
                </>
              ) : (
                <span className="muted">none finished yet</span>
              )}
              {k.newer ? (
                <div className="small">
                  A newer run is <Link to={`segments/${k.newer.runId}`}>{k.newer.status}</Link>.
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
