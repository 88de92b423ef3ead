import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BasisNote } from "~/components/BasisNote";
import { CurveChart } from "~/components/charts/CurveChart";
import { ScatterChart } from "~/components/charts/ScatterChart";
import { customerLabel } from "~/components/customer-label";
import { humanLabel, humanLabels } from "~/components/labels";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatDay, formatInteger } from "~/format";
import type { ScatterPoint } from "~/segments/run-queries.server";
import { ClusterProfiles } from "./ClusterProfiles";
import { ClusterFormulas } from "./HowComputed";
import { formatFeatureValue } from "./money";
import { formatDecimal, formatPercent } from "./numbers";
import { type ClusterRunResult, labelOf } from "./run-results";

interface Scatter {
  total: number;
  step: number;
  points: ScatterPoint[];
  /** Thinned when stored: every cluster and its extremes kept (analytics/scatter-thinning). */
  sampled?: boolean;
}

function whyK(t: TFunction<"segments">, result: ClusterRunResult): string {
  const candidates = result.silhouette_by_k.map((c) => c.k);
  const range = `${Math.min(...candidates)}–${Math.max(...candidates)}`;
  return result.chosen_by === "fixed"
    ? t("cluster.whyFixed", { k: result.k, range })
    : t("cluster.whyBest", { k: result.k, range, silhouette: formatDecimal(result.silhouette, 3) });
}

/** How customers without a value were handled: left out (counted) or given the median. */
function missingValues(t: TFunction<"segments">, result: ClusterRunResult): string {
  if (result.missing === "drop") {
    return t("cluster.missingDropped", { count: result.dropped_missing });
  }
  const imputed = Object.entries(result.imputed)
    .map(([f, n]) => `${humanLabel(f)}: ${formatInteger(n)}`)
    .join(", ");
  return t("cluster.missingMedian", { imputed });
}

/** The run's settings in one line: features, transforms, missing values, seed and samples. */
function settingsLine(t: TFunction<"segments">, result: ClusterRunResult): string {
  const none = t("cluster.none");
  return [
    t("cluster.features", { features: humanLabels(result.features, none) }),
    t("cluster.logged", { features: humanLabels(result.log, none) }),
    t("cluster.missing", { how: missingValues(t, result) }),
    t("cluster.seed", { seed: result.seed }),
    result.silhouette_sampled
      ? t("cluster.silhouetteSampled", { count: result.silhouette_sample_size })
      : t("cluster.silhouetteOn", { count: result.silhouette_sample_size }),
    t("cluster.fitted", { count: result.fit_sample_size }),
  ].join(" · ");
}

/**
 * A dot's words, as the members table writes the same customer: "Ayşe Kaya · C-1042: Income
 * ₺12,500.00, Age 34" (their name and own id, never the internal one; the table's digits).
 */
function pointLabel(
  point: ScatterPoint,
  features: string[],
  currency: string | null,
  customer: string,
): string {
  const values = features
    .map((f) => {
      const value = point.values?.[f];
      const digits = Number.isInteger(value) ? 0 : 2;
      return `${humanLabel(f)} ${formatFeatureValue(f, value, currency, digits)}`;
    })
    .join(", ");
  return `${customerLabel(point) ?? customer}: ${values}`;
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
  const { t } = useTranslation("segments");
  const customer = t("cluster.customer");
  const series = result.sizes.map((size) => ({
    id: labelOf(labels, size.name),
    data: scatter.points
      .filter((p) => p.segment === size.name)
      .map((p) => ({
        x: p.x,
        y: p.y,
        label: pointLabel(p, result.features, money.currency, customer),
      })),
  }));
  const [pc1 = 0, pc2 = 0] = result.projection.explained_variance;
  return (
    <>
      <div className="stats">
        <div>
          <strong data-testid="chosen-k">{t("cluster.k", { k: result.k })}</strong>
          <span>{t(`cluster.chosenBy.${result.chosen_by}`)}</span>
        </div>
        <div>
          <strong>{formatDecimal(result.silhouette, 3)}</strong>
          <span>{t("cluster.meanSilhouette")}</span>
        </div>
        <div>
          <strong>{formatInteger(result.customers_used)}</strong>
          <span>{t("cluster.customersClustered")}</span>
        </div>
        <div>
          <strong>{formatDay(result.reference_date)}</strong>
          <span>{t("cluster.referenceDate")}</span>
        </div>
      </div>
      <BasisNote result={result} />
      <p className="small">
        <strong>{t("cluster.why", { k: result.k })}</strong> {whyK(t, result)}
      </p>
      <p className="muted small">{settingsLine(t, result)}</p>

      <div
        className="grid-cards"
        style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}
      >
        <section aria-label={t("cluster.elbowChart")}>
          <h2>{t("cluster.elbowTitle")}</h2>
          <CurveChart
            id="inertia"
            points={result.inertia_by_k.map((c) => ({ x: c.k, y: c.inertia }))}
            xLegend="k"
            yLegend={t("cluster.inertiaAxis")}
            markX={result.k}
            markLabel={t("cluster.k", { k: result.k })}
            valueFormat={(v) => formatDecimal(v, 1)}
          />
        </section>
        <section aria-label={t("cluster.silhouetteChart")}>
          <h2>{t("cluster.silhouetteTitle")}</h2>
          <CurveChart
            id="silhouette"
            points={result.silhouette_by_k.map((c) => ({ x: c.k, y: c.silhouette }))}
            xLegend="k"
            yLegend={t("cluster.silhouetteAxis")}
            markX={result.k}
            markLabel={t("cluster.k", { k: result.k })}
            valueFormat={(v) => formatDecimal(v, 2)}
          />
        </section>
      </div>

      <h2>{t("cluster.pcaTitle")}</h2>
      <p className="muted small">
        {t("cluster.pcaExplains", { pc1: formatPercent(pc1), pc2: formatPercent(pc2) })}{" "}
        {scatter.sampled
          ? t("cluster.showingSample", {
              count: scatter.total,
              shown: formatInteger(scatter.points.length),
            })
          : scatter.step > 1
            ? t("cluster.showingSome", {
                count: scatter.total,
                shown: formatInteger(scatter.points.length),
                step: formatInteger(scatter.step),
              })
            : t("cluster.showingAll", { count: scatter.total })}{" "}
        {t("cluster.pointAt")}
      </p>
      {props.interactive ? (
        <ScatterChart series={series} xLegend="PC1" yLegend="PC2" />
      ) : (
        <p className="muted small">{t("cluster.reportLeavesOut")}</p>
      )}

      <h2>{t("cluster.profilesTitle")}</h2>
      {props.interactive ? (
        <p className="small">
          <a href={`${base}/segments.csv`} download>
            {t("cluster.downloadCsv")}
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
