import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInteger, formatMoney } from "~/format";
import { formatDecimal, formatPercent } from "./numbers";
import type { RfmRunResult } from "./run-results";
import { segmentDescription, segmentName } from "./segment-names";

/** One row per RFM segment (all 11, empty ones too), each linking to its members. */
export function RfmSegmentTable({
  segments,
  base,
  currency,
}: {
  segments: RfmRunResult["segments"];
  base: string;
  /** The workspace's reporting currency; null shows plain numbers. */
  currency: string | null;
}) {
  const { t } = useTranslation("segments");
  return (
    <div className="scroll-x">
      <table className="data" aria-label={t("rfm.segmentTable")}>
        <thead>
          <tr>
            <th>{t("rfm.segment")}</th>
            <th>{t("rfm.customers")}</th>
            <th>{t("rfm.share")}</th>
            <th>{t("rfm.revenue")}</th>
            <th>{t("rfm.revenueShare")}</th>
            <th>{t("rfm.orders")}</th>
            <th>{t("rfm.aov")}</th>
            <th>{t("rfm.meanRecency")}</th>
            <th>{t("rfm.meanFrequency")}</th>
            <th>{t("rfm.meanMonetary")}</th>
            <th>{t("rfm.meanRfm")}</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.segment} className={s.customers === 0 ? "muted" : undefined}>
              <td>
                {s.customers > 0 ? (
                  <Link to={`${base}/members?segment=${encodeURIComponent(s.segment)}`}>
                    {segmentName(t, s.segment)}
                  </Link>
                ) : (
                  segmentName(t, s.segment)
                )}
              </td>
              <td>{formatInteger(s.customers)}</td>
              <td>{formatPercent(s.share)}</td>
              <td>{formatMoney(s.monetary_total, currency)}</td>
              <td>{formatPercent(s.revenue_share)}</td>
              {/* Runs made before orders were counted have no order figures: a dash. */}
              <td>{s.orders === undefined ? "—" : formatInteger(s.orders)}</td>
              <td>
                {s.avg_order_value === undefined || s.customers === 0
                  ? "—"
                  : formatMoney(s.avg_order_value, currency)}
              </td>
              {s.customers > 0 ? (
                <>
                  <td>{formatDecimal(s.mean_recency_days, 1)}</td>
                  <td>{formatDecimal(s.mean_frequency, 1)}</td>
                  <td>{formatMoney(s.mean_monetary, currency)}</td>
                  <td>
                    {formatDecimal(s.mean_r, 1)} / {formatDecimal(s.mean_f, 1)} /{" "}
                    {formatDecimal(s.mean_m, 1)}
                  </td>
                </>
              ) : (
                <td colSpan={4}>—</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const range = ([from, to]: readonly number[]) => (from === to ? String(from) : `${from}–${to}`);

/** The rules that name the segments, as stored with the run, and the R × FM map they draw. */
export function RfmRuleTables({ rules, grid }: { rules: RfmRunResult["rules"]; grid: string[][] }) {
  const { t } = useTranslation("segments");
  return (
    <div
      className="grid-cards"
      style={{ gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))" }}
    >
      <table className="data" aria-label={t("rfm.rules")}>
        <thead>
          <tr>
            <th>{t("rfm.segment")}</th>
            <th>R</th>
            <th>FM</th>
            <th>{t("rfm.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.segment}>
              <td>{segmentName(t, rule.segment)}</td>
              <td>{range(rule.r)}</td>
              <td>{range(rule.fm)}</td>
              <td className="small">{segmentDescription(t, rule.segment, rule.description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="scroll-x">
        <table className="data small" aria-label={t("rfm.map")}>
          <thead>
            <tr>
              <th>R \ FM</th>
              {[1, 2, 3, 4, 5].map((fm) => (
                <th key={fm}>{fm}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((r) => (
              <tr key={r}>
                <th>{r}</th>
                {(grid[r - 1] ?? []).map((segment, fm) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the five FM columns are fixed
                  <td key={fm}>{segmentName(t, segment)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t("rfm.rulesNote")}</p>
      </div>
    </div>
  );
}
