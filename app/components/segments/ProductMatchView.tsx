import { HeatMap } from "~/components/charts/HeatMap";
import { formatInteger } from "~/format";
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
  return (
    <table className="data small" aria-label={caption}>
      <thead>
        <tr>
          <th>{caption}</th>
          <th>Buyers</th>
          <th>Segment / base rate</th>
          <th>Lift</th>
          <th>95 % interval</th>
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
        {formatInteger(report.purchases_used)} purchases before {report.reference_date ?? "today"}
        {report.excluded_without_consent > 0
          ? ` · ${formatInteger(report.excluded_without_consent)} members who may no longer be analysed (no consent or objected since the run) are left out`
          : ""}
      </p>
      <h2>Category lift by segment</h2>
      <p className="muted small">
        Lift 2 = the segment's customers buy the category twice as often as customers overall
        (smoothed towards 1 for small segments).
      </p>
      <HeatMap
        rows={categories.length > 0 ? heat : []}
        height={Math.max(220, 44 * heat.length + 100)}
        valueFormat={(v) => formatDecimal(v)}
        empty="No purchases with a category yet."
      />
      <h2>Top categories and products per segment</h2>
      <div style={{ display: "grid", gap: "1rem" }}>
        {report.segments.map((s) => (
          <section
            key={s.segment}
            className="card"
            aria-label={`Products for ${labelOf(labels, s.segment)}`}
          >
            <h3 style={{ marginTop: 0 }}>
              {labelOf(labels, s.segment)}{" "}
              <span className="muted small">{formatInteger(s.customers)} customers</span>
            </h3>
            {s.top_interests.length > 0 ? (
              <p className="small">
                Most common top interests:{" "}
                {s.top_interests
                  .map((i) => `${i.category} (${formatPercent(i.share, 0)})`)
                  .join(" · ")}
              </p>
            ) : null}
            <div
              className="grid-cards"
              style={{ gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))" }}
            >
              <LiftTable caption="Category" rows={s.categories} />
              <LiftTable
                caption="Product"
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
