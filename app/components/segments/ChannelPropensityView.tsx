import { Form, useNavigation } from "@remix-run/react";
import { HeatMap, type HeatRow } from "~/components/charts/HeatMap";
import { humanLabels } from "~/components/labels";
import { exclusionWording } from "~/customers/processing-basis";
import type { ChannelPropensityReport } from "~/segments/channel-propensity.server";
import { HowComputed } from "./HowComputed";
import { formatPercent } from "./numbers";

export type ChannelPropensityResult =
  | { propensity: ChannelPropensityReport; error?: undefined }
  | { error: string; propensity?: undefined };

/** Upload of channel users and, once scored, their mean propensity per channel and target. */
export function ChannelPropensityView({
  canEdit,
  result,
}: {
  canEdit: boolean;
  result: ChannelPropensityResult | undefined;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card" style={{ marginTop: "1.5rem" }}>
      <h2>Propensity of channel users</h2>
      <p className="muted small">
        Upload a CSV of channel users: a <code>channel</code> column and any of <code>age</code>,{" "}
        <code>birth_year</code>, <code>gender</code>, <code>resident</code> (yes/no),{" "}
        <code>city</code>, <code>income</code> or another numeric customer attribute (at most 5 MB,
        50,000 rows).
      </p>
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="row">
          <input type="file" name="file" accept=".csv,text/csv" required aria-label="Users CSV" />
          <label>
            Score per{" "}
            <select name="target" defaultValue="category">
              <option value="category">category</option>
              <option value="product">product</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {busy ? "Scoring…" : "Score users"}
          </button>
        </Form>
      ) : (
        <p className="muted">Scoring an upload needs the editor role.</p>
      )}
      {result?.error && (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      )}
      {result?.propensity && <PropensityResults report={result.propensity} />}
      <HowComputed sections="§10 Propensity of channel audiences">
        <p>
          One logistic regression per {result?.propensity?.target ?? "category or product"}, trained
          on the customers with data-processing consent (label 1 = bought it before the reference
          date) over the attributes the file shares with them: numbers as z-scores, categories as
          one-hot columns.
        </p>
        <pre className="mono">
          {"pᵤ = σ(w·xᵤ + b),   mean propensity = (1/m) Σ pᵤ over a channel's m users"}
        </pre>
      </HowComputed>
    </section>
  );
}

function PropensityResults({ report }: { report: ChannelPropensityReport }) {
  const targets = report.targets.map((t) => t.name);
  const rows: HeatRow[] = report.channels.map((c) => ({
    id: c.channel,
    data: targets.map((t) => ({ x: t, y: (c.mean_propensity[t] ?? 0) * 100 })),
  }));
  return (
    <>
      <p className="small">
        {report.users_scored} users scored on {humanLabels(report.features)}; model trained on{" "}
        {report.customers_trained_on} customers ({report.excluded_without_consent}{" "}
        {exclusionWording(report.processing_basis)} left out).
        {report.ignored_columns.length > 0 &&
          ` Columns not used: ${report.ignored_columns.join(", ")}.`}
      </p>
      {report.bad_rows > 0 && (
        <div className="form-error" role="alert">
          {report.bad_rows} row(s) skipped:
          <ul>
            {report.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <HeatMap
        rows={rows}
        height={Math.max(240, 60 + rows.length * 36)}
        valueFormat={(v) => `${v.toFixed(1)} %`}
      />
      <div className="table-scroll">
        <table aria-label="Mean propensity per channel">
          <thead>
            <tr>
              <th>Channel</th>
              <th>Users</th>
              {targets.map((t) => (
                <th key={t}>{t}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.channels.map((c) => (
              <tr key={c.channel}>
                <td>{c.channel}</td>
                <td>{c.users}</td>
                {targets.map((t) => (
                  <td key={t}>{formatPercent(c.mean_propensity[t])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
