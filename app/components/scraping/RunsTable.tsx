import { StatusBadge } from "~/components/StatusBadge";
import { formatDateTime, formatInteger } from "~/format";
import { formatMs } from "./format";

export interface RunRow {
  id: number;
  sourceName: string;
  trigger: string;
  status: string;
  startedAt: string;
  durationMs: number | null;
  pagesFetched: number;
  observationsWritten: number;
  error: string | null;
}

/** The history of runs: when, how long, how many pages and values, and what went wrong. */
export function RunsTable({ runs }: { runs: RunRow[] }) {
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <div className="scroll-x">
      <table className="data" aria-label="Runs">
        <thead>
          <tr>
            <th>Source</th>
            <th>Started</th>
            <th>Trigger</th>
            <th>Status</th>
            <th>Duration</th>
            <th>Pages</th>
            <th>Values written</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{r.sourceName}</td>
              <td>{formatDateTime(r.startedAt)}</td>
              <td>{r.trigger}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{formatMs(r.durationMs)}</td>
              <td>{formatInteger(r.pagesFetched)}</td>
              <td>{formatInteger(r.observationsWritten)}</td>
              <td className="small">{r.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
