import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInteger } from "~/format";
import { formatDecimal, formatPercent } from "./numbers";
import type { ProductReport } from "./ProductMatchView";
import { labelOf } from "./run-results";
import { segmentName } from "./segment-names";

interface Thresholds {
  /** Minimum support in % of baskets. */
  support: number;
  confidence: number;
  lift: number;
}

/** Association rules (thresholds set by a GET form) and next-best products for some customers. */
export function BasketTables({
  report,
  thresholds,
  labels,
  customersPath,
}: {
  report: ProductReport;
  thresholds: Thresholds;
  labels: Record<string, string>;
  customersPath: string;
}) {
  const { association_rules: basket } = report;
  const { t } = useTranslation("segments");
  return (
    <>
      <h2>{t("basket.title")}</h2>
      <Form method="get" className="row" aria-label={t("basket.thresholds")}>
        <label>
          {t("basket.support")}
          <input
            name="support"
            type="number"
            min={0.01}
            max={100}
            step="any"
            defaultValue={thresholds.support}
          />
        </label>
        <label>
          {t("basket.confidence")}
          <input
            name="confidence"
            type="number"
            min={0}
            max={1}
            step="any"
            defaultValue={thresholds.confidence}
          />
        </label>
        <label>
          {t("basket.lift")}
          <input name="lift" type="number" min={0} step="any" defaultValue={thresholds.lift} />
        </label>
        <button type="submit" className="secondary">
          {t("basket.apply")}
        </button>
      </Form>
      <p className="muted small">
        {t("basket.summary", {
          baskets: formatInteger(basket.baskets),
          rules: formatInteger(basket.rules_found),
        })}
        {basket.rules_found > basket.rules.length
          ? t("basket.strongest", { n: formatInteger(basket.rules.length) })
          : ""}
      </p>
      {basket.rules.length === 0 ? (
        <p className="muted">{t("basket.none")}</p>
      ) : (
        <div className="scroll-x">
          <table className="data small" aria-label={t("basket.rules")}>
            <thead>
              <tr>
                <th>{t("basket.ifBought")}</th>
                <th>{t("basket.thenAlso")}</th>
                <th>{t("basket.supportCol")}</th>
                <th>{t("basket.confidenceCol")}</th>
                <th>{t("basket.liftCol")}</th>
                <th>{t("basket.baskets")}</th>
              </tr>
            </thead>
            <tbody>
              {basket.rules.map((rule) => (
                <tr key={`${rule.antecedent.join("+")}→${rule.consequent.join("+")}`}>
                  <td>{rule.antecedent.join(" + ")}</td>
                  <td>{rule.consequent.join(" + ")}</td>
                  <td>{formatPercent(rule.support)}</td>
                  <td>{formatDecimal(rule.confidence)}</td>
                  <td>{formatDecimal(rule.lift)}</td>
                  <td>{formatInteger(rule.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("basket.nextBest")}</h2>
      <p className="muted small">
        {t("basket.nextBestIntro", {
          shown: formatInteger(report.next_best.length),
          total: formatInteger(report.customers_with_suggestions),
        })}
      </p>
      {report.next_best.length === 0 ? null : (
        <div className="scroll-x">
          <table className="data small" aria-label={t("basket.nextBest")}>
            <thead>
              <tr>
                <th>{t("basket.customer")}</th>
                <th>{t("basket.segment")}</th>
                <th>{t("basket.interests")}</th>
                <th>{t("basket.suggested")}</th>
              </tr>
            </thead>
            <tbody>
              {report.next_best.map((row) => (
                <tr key={row.customer_id}>
                  <td>
                    <Link to={`${customersPath}/${row.customer_id}`}>#{row.customer_id}</Link>
                  </td>
                  <td>{segmentName(t, labelOf(labels, row.segment))}</td>
                  <td>{row.interests.join(", ") || "—"}</td>
                  <td>
                    {row.suggestions
                      .map(
                        (s) =>
                          `${s.item} (${formatDecimal(s.confidence)} · ${s.because.join(" + ")})`,
                      )
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
