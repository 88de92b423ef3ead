import { formatFigure } from "./format";

export interface TestObservation {
  entityType: string;
  entity: string;
  metric: string;
  period: string;
  value: number | null;
  textValue?: string | null;
}

export type TestOutcome =
  | { ok: true; url: string; total: number; observations: TestObservation[] }
  | { ok: false; error: string };

/** What the "Test" button read from the page (text is scraped: React escapes it). */
export function TestResult({ outcome }: { outcome: TestOutcome }) {
  if (!outcome.ok) {
    return (
      <section aria-label="Test result" className="card">
        <h3 style={{ marginTop: 0 }}>Test failed</h3>
        <p className="form-error" role="alert">
          {outcome.error}
        </p>
      </section>
    );
  }
  return (
    <section aria-label="Test result" className="card">
      <h3 style={{ marginTop: 0 }}>
        Test read {outcome.total} values from {outcome.url}
      </h3>
      <p className="muted small">
        Nothing was saved. Save the source to collect these on its schedule.
      </p>
      <div className="scroll-x">
        <table className="data">
          <thead>
            <tr>
              <th>Entity</th>
              <th>Metric</th>
              <th>Period</th>
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {outcome.observations.map((o) => (
              <tr key={`${o.entity}|${o.metric}|${o.period}`}>
                <td>
                  {o.entity} <span className="muted small">{o.entityType}</span>
                </td>
                <td>{o.metric}</td>
                <td>{o.period}</td>
                <td>{o.value === null ? o.textValue : formatFigure(o.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.total > outcome.observations.length ? (
        <p className="muted small">…and {outcome.total - outcome.observations.length} more.</p>
      ) : null}
    </section>
  );
}
