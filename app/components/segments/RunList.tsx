import { Link } from "@remix-run/react";
import { humanLabels } from "~/components/labels";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDateTime, formatInteger } from "~/format";
import type { RunSummary } from "./run-access.server";
import { runKindLabels } from "./run-results";

function describeParams(run: Pick<RunSummary, "kind" | "params">): string {
  const p = run.params;
  if (run.kind === "rfm")
    return p.asOf ? `as of ${String(p.asOf)}` : "as of the day after the last sale";
  const features = Array.isArray(p.features) ? humanLabels(p.features.map(String), "") : "";
  const k = typeof p.k === "number" ? `k = ${p.k}` : "k by silhouette";
  return `${features} · ${k}`;
}

/** The workspace's analysis runs, newest first. */
export function RunList({ runs, segmentsPath }: { runs: RunSummary[]; segmentsPath: string }) {
  if (runs.length === 0) return <p className="muted">No analysis has been run yet.</p>;
  return (
    <div className="scroll-x">
      <table className="data" aria-label="Analysis runs">
        <thead>
          <tr>
            <th>Run</th>
            <th>Kind</th>
            <th>Started</th>
            <th>Status</th>
            <th>Segments / k</th>
            <th>Customers</th>
            <th>Excluded (basis)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link to={`${segmentsPath}/${run.id}`}>#{run.id}</Link>
              </td>
              <td>
                {runKindLabels[run.kind] ?? run.kind}
                <div className="muted small">{describeParams(run)}</div>
              </td>
              <td>
                {formatDateTime(run.createdAt)}
                {run.finishedAt ? (
                  <div className="muted small">finished {formatDateTime(run.finishedAt)}</div>
                ) : null}
              </td>
              <td>
                <StatusBadge status={run.status} />
                {run.error ? <div className="form-error small">{run.error}</div> : null}
              </td>
              <td>{run.segments ?? "—"}</td>
              <td>{formatInteger(run.customers)}</td>
              <td>{formatInteger(run.excludedWithoutConsent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
