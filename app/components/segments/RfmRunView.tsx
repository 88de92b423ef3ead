import { useTranslation } from "react-i18next";
import { BasisNote } from "~/components/BasisNote";
import { CurrencyNote } from "~/components/CurrencyNote";
import { BarChart } from "~/components/charts/BarChart";
import { HeatMap } from "~/components/charts/HeatMap";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatDay, formatInteger } from "~/format";
import { RfmFormulas } from "./HowComputed";
import { formatPercent } from "./numbers";
import { RfmRuleTables, RfmSegmentTable } from "./RfmTables";
import type { RfmRunResult } from "./run-results";
import { segmentName } from "./segment-names";

/** A finished RFM run: counts, segment sizes and revenue, the R × F map, tables and rules. */
export function RfmRunView({
  result,
  cells,
  base,
  money,
  interactive,
}: {
  result: RfmRunResult;
  cells: number[][];
  base: string;
  money: ReportingCurrency;
  /** Read-only (a saved report), the segment CSV is one of the report's own exports. */
  interactive: boolean;
}) {
  const { t } = useTranslation("segments");
  const filled = result.segments.filter((s) => s.customers > 0);
  const customersKey = t("rfm.customers");
  const revenueKey = t("rfm.revenue");
  const bars = filled.map((s) => ({
    label: segmentName(t, s.segment),
    [customersKey]: s.share,
    [revenueKey]: s.revenue_share,
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
          <span>{t("rfm.customersScored")}</span>
        </div>
        <div>
          <strong>{filled.length}</strong>
          <span>{t("rfm.segmentsWithCustomers")}</span>
        </div>
        <div>
          <strong>{formatDay(result.reference_date)}</strong>
          <span>{t("rfm.referenceDate")}</span>
        </div>
        <div>
          <strong>{formatInteger(result.transactions_used)}</strong>
          <span>{t("rfm.transactionsUsed")}</span>
        </div>
      </div>
      <BasisNote result={result} />
      <p className="muted small">
        {t("rfm.unscored", {
          without: formatInteger(result.customers_without_purchase),
          after: formatInteger(result.transactions_after_reference),
        })}
      </p>

      <h2>{t("rfm.shareTitle")}</h2>
      <BarChart
        data={bars}
        keys={[customersKey, revenueKey]}
        layout="horizontal"
        groupMode="grouped"
        valueFormat={(v) => formatPercent(v)}
        height={Math.max(220, 48 * bars.length + 60)}
        empty={t("rfm.noPurchase")}
      />

      <h2>{t("rfm.heatTitle")}</h2>
      <p className="muted small">{t("rfm.heatNote")}</p>
      <HeatMap
        rows={heat}
        height={300}
        valueFormat={(v) => formatInteger(v)}
        valueName={t("rfm.customers")}
      />

      <h2>{t("rfm.segmentsTitle")}</h2>
      <p className="small">
        {interactive ? (
          <>
            <a href={`${base}/segments.csv`} download>
              {t("rfm.downloadCsv")}
            </a>{" "}
            ·{" "}
          </>
        ) : null}
        {t("rfm.shareNote", { scored: formatInteger(result.customers_scored) })}
      </p>
      <CurrencyNote money={money} />
      <RfmSegmentTable segments={result.segments} base={base} currency={money.currency} />

      <h2>{t("rfm.rulesTitle")}</h2>
      <RfmRuleTables rules={result.rules} grid={result.grid} />
      <RfmFormulas />
    </>
  );
}
