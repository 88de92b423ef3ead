import { useTranslation } from "react-i18next";
import { HeatMap } from "~/components/charts/HeatMap";
import { formatDay, formatInteger } from "~/format";
import type { matchProducts } from "~/segments/match-products.server";
import { formatDecimal, formatPercent } from "./numbers";
import { labelOf } from "./run-results";

export type ProductReport = ReturnType<typeof matchProducts>;
type SegmentProducts = ProductReport["segments"][number];
type LiftRow = SegmentProducts["categories"][number];

const TOP_ITEMS = 5;

function LiftTable({
  caption,
  rows,
  names,
}: {
  caption: string;
  rows: LiftRow[];
  names?: (item: string) => string;
}) {
  const { t } = useTranslation("segments");
  return (
    <table className="data small" aria-label={caption}>
      <thead>
        <tr>
          <th>{caption}</th>
          <th>{t("productMatch.buyers")}</th>
          <th>{t("productMatch.rates")}</th>
          <th>{t("productMatch.lift")}</th>
          <th>{t("productMatch.interval")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, TOP_ITEMS).map((row) => (
          <tr key={row.item}>
            <td>{names ? names(row.item) : row.item}</td>
            <td>{formatInteger(row.buyers)}</td>
            <td>
              {formatPercent(row.segmentRate)} / {formatPercent(row.baseRate)}
            </td>
            <td>
              <strong>{formatDecimal(row.lift)}</strong>
            </td>
            <td>
              {formatDecimal(row.liftLow)} – {formatDecimal(row.liftHigh)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lift of categories and products per segment, as a heat map and as ranked tables. */
export function ProductMatchView({
  report,
  labels,
}: {
  report: ProductReport;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation("segments");
  const categories = [
    ...new Set(report.segments.flatMap((s) => s.categories.map((c) => c.item))),
  ].sort();
  const heat = report.segments.map((s) => ({
    id: labelOf(labels, s.segment),
    data: categories.map((category) => ({
      x: category,
      y: s.categories.find((c) => c.item === category)?.lift ?? null,
    })),
  }));
  return (
    <>
      <p className="muted small">
        {report.reference_date
          ? t("productMatch.purchasesBefore", {
              count: report.purchases_used,
              date: formatDay(report.reference_date),
            })
          : t("productMatch.purchasesToday", {
              count: report.purchases_used,
            })}
        {report.excluded_without_consent > 0
          ? ` · ${t("productMatch.excluded", { count: report.excluded_without_consent })}`
          : ""}
      </p>
      <h2>{t("productMatch.heatTitle")}</h2>
      <p className="muted small">{t("productMatch.liftNote")}</p>
      <HeatMap
        rows={categories.length > 0 ? heat : []}
        height={Math.max(220, 44 * heat.length + 100)}
        valueFormat={(v) => formatDecimal(v)}
        valueName={t("productMatch.lift")}
        empty={t("productMatch.empty")}
      />
      <h2>{t("productMatch.topTitle")}</h2>
      <div style={{ display: "grid", gap: "1rem" }}>
        {report.segments.map((s) => (
          <section
            key={s.segment}
            className="card"
            aria-label={t("productMatch.productsFor", { segment: labelOf(labels, s.segment) })}
          >
            <h3 style={{ marginTop: 0 }}>
              {labelOf(labels, s.segment)}{" "}
              <span className="muted small">
                {t("productMatch.customers", {
                  count: s.customers,
                })}
              </span>
            </h3>
            {s.top_interests.length > 0 ? (
              <p className="small">
                {t("productMatch.topInterests")}{" "}
                {s.top_interests
                  .map((i) => `${i.category} (${formatPercent(i.share, 0)})`)
                  .join(" · ")}
              </p>
            ) : null}
            <div
              className="grid-cards"
              style={{ gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))" }}
            >
              <LiftTable caption={t("productMatch.category")} rows={s.categories} />
              <LiftTable
                caption={t("productMatch.product")}
                rows={s.products}
                names={(item) => {
                  const name = s.products.find((p) => p.item === item)?.name;
                  return name ? `${name} (${item})` : item;
                }}
              />
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
