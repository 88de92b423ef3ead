import { BasisNote } from "~/components/BasisNote";
import { CurveChart } from "~/components/charts/CurveChart";
import { ScatterChart } from "~/components/charts/ScatterChart";
import { humanLabel, humanLabels } from "~/components/labels";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger } from "~/format";
import { ClusterProfiles } from "./ClusterProfiles";
import { ClusterFormulas } from "./HowComputed";
import { formatFeatureValue } from "./money";
import { formatDecimal, formatPercent } from "./numbers";
import type { ScatterPoint } from "./run-queries.server";
import { type ClusterRunResult, labelOf } from "./run-results";

interface Scatter {
  total: number;
  step: number;
  points: ScatterPoint[];
}

function whyK(result: ClusterRunResult): string {
  const candidates = result.silhouette_by_k.map((c) => c.k);
  const range = `${Math.min(...candidates)}–${Math.max(...candidates)}`;
  return result.chosen_by === "fixed"
    ? `k = ${result.k} was fixed when the run was started; the curves for k = ${range} are shown for comparison.`
    : `k = ${result.k} has the highest mean silhouette (${formatDecimal(result.silhouette, 3)}) of k = ${range}.`;
}

function pointLabel(point: ScatterPoint, features: string[], currency: string | null): string {
  const values = features
    .map((f) => `${humanLabel(f)} ${formatFeatureValue(f, point.values?.[f], currency, 1)}`)
    .join(", ");
  return `${point.name ?? "Customer"} (#${point.customerId}) · ${values}`;
}

/** A finished k-means run: the choice of k, the PCA picture and a profile per cluster. */
export function ClusterRunView(props: {
  result: ClusterRunResult;
  labels: Record<string, string>;
  scatter: Scatter;
  base: string;
  canEdit: boolean;
  money: ReportingCurrency;
  renameError: string | null;
  /**
   * Read-only (a saved report): no CSV link (the report exports its tables) and no scatter
   * dots, which are single customers; the report keeps only how many there are.
   */
  interactive: boolean;
}) {
  const { result, labels, scatter, base, money } = props;
  const series = result.sizes.map((size) => ({
    id: labelOf(labels, size.name),
    data: scatter.points
      .filter((p) => p.segment === size.name)
      .map((p) => ({ x: p.x, y: p.y, label: pointLabel(p, result.features, money.currency) })),
  }));
  const [pc1 = 0, pc2 = 0] = result.projection.explained_variance;
  return (
    <>
      <div className="stats">
        <div>
          <strong data-testid="chosen-k">k = {result.k}</strong>
          <span>chosen by {result.chosen_by}</span>
        </div>
        <div>
          <strong>{formatDecimal(result.silhouette, 3)}</strong>
          <span>mean silhouette</span>
        </div>
        <div>
          <strong>{formatInteger(result.customers_used)}</strong>
          <span>customers clustered</span>
        </div>
        <div>
          <strong>{result.reference_date}</strong>
          <span>reference date</span>
        </div>
      </div>
      <BasisNote result={result} />
      <p className="small">
        <strong>Why k = {result.k}:</strong> {whyK(result)}
      </p>
      <p className="muted small">
        Features: {humanLabels(result.features)} · log-transformed: {humanLabels(result.log)} ·
        missing values:{" "}
        {result.missing === "drop"
          ? `left out (${formatInteger(result.dropped_missing)} customers)`
          : `median (${Object.entries(result.imputed)
              .map(([f, n]) => `${humanLabel(f)}: ${formatInteger(n)}`)
              .join(", ")})`}{" "}
        · seed {result.seed} · silhouette on {formatInteger(result.silhouette_sample_size)}{" "}
        customers
        {result.silhouette_sampled ? " (seeded sample)" : ""} · starts fitted on{" "}
        {formatInteger(result.fit_sample_size)}
      </p>

      <div
        className="grid-cards"
        style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}
      >
        <section aria-label="Elbow chart">
          <h2>Inertia by k (elbow)</h2>
          <CurveChart
            id="inertia"
            points={result.inertia_by_k.map((c) => ({ x: c.k, y: c.inertia }))}
            xLegend="k"
            yLegend="inertia"
            markX={result.k}
            markLabel={`k = ${result.k}`}
            valueFormat={(v) => formatDecimal(v, 1)}
          />
        </section>
        <section aria-label="Silhouette by k">
          <h2>Mean silhouette by k</h2>
          <CurveChart
            id="silhouette"
            points={result.silhouette_by_k.map((c) => ({ x: c.k, y: c.silhouette }))}
            xLegend="k"
            yLegend="silhouette"
            markX={result.k}
            markLabel={`k = ${result.k}`}
            valueFormat={(v) => formatDecimal(v, 2)}
          />
        </section>
      </div>

      <h2>Customers on the first two principal components</h2>
      <p className="muted small">
        PC1 explains {formatPercent(pc1)} and PC2 {formatPercent(pc2)} of the variance of the
        standardised features.{" "}
        {scatter.step > 1
          ? `Showing ${formatInteger(scatter.points.length)} of ${formatInteger(scatter.total)} customers (one in every ${scatter.step}, by customer id) to keep the browser fast.`
          : `Showing all ${formatInteger(scatter.total)} customers.`}{" "}
        Point at a dot for the customer and their feature values.
      </p>
      {props.interactive ? (
        <ScatterChart series={series} xLegend="PC1" yLegend="PC2" />
      ) : (
        <p className="muted small">
          Each dot of this chart is a single customer, so a saved report leaves the chart out.
        </p>
      )}

      <h2>Cluster profiles</h2>
      {props.interactive ? (
        <p className="small">
          <a href={`${base}/segments.csv`} download>
            Download the cluster table as CSV
          </a>
        </p>
      ) : null}
      <ClusterProfiles
        result={result}
        labels={labels}
        base={base}
        canEdit={props.canEdit}
        money={money}
        error={props.renameError}
      />
      <ClusterFormulas />
    </>
  );
}
