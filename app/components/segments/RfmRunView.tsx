import { BasisNote } from "~/components/BasisNote";
import { CurrencyNote } from "~/components/CurrencyNote";
import { BarChart } from "~/components/charts/BarChart";
import { HeatMap } from "~/components/charts/HeatMap";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger } from "~/format";
import { RfmFormulas } from "./HowComputed";
import { RfmRuleTables, RfmSegmentTable } from "./RfmTables";
import type { RfmRunResult } from "./run-results";

const percentAxis = (v: number) => `${Math.round(v)} %`;

/** A finished RFM run: counts, segment sizes and revenue, the R × F map, tables and rules. */
export function RfmRunView({
  result,
  cells,
  base,
  money,
}: {
  result: RfmRunResult;
  cells: number[][];
  base: string;
  money: ReportingCurrency;
}) {
  const filled = result.segments.filter((s) => s.customers > 0);
  const bars = filled.map((s) => ({
    label: s.segment,
    Customers: s.share * 100,
    Revenue: s.revenue_share * 100,
  }));
  // Rows R = 5 (most recent) at the top, as the segment map is usually drawn.
  const heat = [5, 4, 3, 2, 1].map((r) => ({
    id: `R ${r}`,
    data: [1, 2, 3, 4, 5].map((f) => ({ x: `F ${f}`, y: cells[r - 1]?.[f - 1] ?? 0 })),
  }));
  return (
    <>
      <div className="stats">
        <div>
          <strong data-testid="customers-scored">{formatInteger(result.customers_scored)}</strong>
          <span>customers scored</span>
        </div>
        <div>
          <strong>{filled.length}</strong>
          <span>segments with customers</span>
        </div>
        <div>
          <strong>{result.reference_date}</strong>
          <span>reference date</span>
        </div>
        <div>
          <strong>{formatInteger(result.transactions_used)}</strong>
          <span>transactions used</span>
        </div>
      </div>
      <BasisNote result={result} />
      <p className="muted small">
        {formatInteger(result.customers_without_purchase)} analysed customers have no purchase
        before the reference date and get no score;{" "}
        {formatInteger(result.transactions_after_reference)} transactions on or after it were
        ignored.
      </p>

      <h2>Share of customers and of revenue by segment</h2>
      <BarChart
        data={bars}
        keys={["Customers", "Revenue"]}
        layout="horizontal"
        groupMode="grouped"
        valueFormat={percentAxis}
        height={Math.max(220, 48 * bars.length + 60)}
        empty="No customer has a purchase before the reference date."
      />

      <h2>Recency × frequency</h2>
      <p className="muted small">
        Customers per cell of recency score R (rows, 5 = bought most recently) and frequency score F
        (columns, 5 = buys most often).
      </p>
      <HeatMap rows={heat} height={300} valueFormat={(v) => formatInteger(v)} />

      <h2>Segments</h2>
      <p className="small">
        <a href={`${base}/segments.csv`} download>
          Download the segment table as CSV
        </a>{" "}
        · share = customers / {formatInteger(result.customers_scored)} scored; revenue share = the
        segment's net spend / all scored customers' net spend
      </p>
      <CurrencyNote money={money} />
      <RfmSegmentTable segments={result.segments} base={base} currency={money.currency} />

      <h2>Segment rules</h2>
      <RfmRuleTables rules={result.rules} grid={result.grid} />
      <RfmFormulas />
    </>
  );
}
