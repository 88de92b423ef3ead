import { Form, Link } from "@remix-run/react";
import { formatInteger } from "~/format";
import { formatDecimal, formatPercent } from "./numbers";
import type { ProductReport } from "./ProductMatchView";
import { labelOf } from "./run-results";

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
  return (
    <>
      <h2>Bought together</h2>
      <Form method="get" className="row" aria-label="Rule thresholds">
        <label>
          Minimum support (% of baskets)
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
          Minimum confidence
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
          Minimum lift
          <input name="lift" type="number" min={0} step="any" defaultValue={thresholds.lift} />
        </label>
        <button type="submit" className="secondary">
          Apply
        </button>
      </Form>
      <p className="muted small">
        {formatInteger(basket.baskets)} baskets (one customer's purchases on one day) ·{" "}
        {formatInteger(basket.rules_found)} rules found
        {basket.rules_found > basket.rules.length
          ? `, the ${basket.rules.length} strongest shown`
          : ""}
      </p>
      {basket.rules.length === 0 ? (
        <p className="muted">No rule meets these thresholds.</p>
      ) : (
        <div className="scroll-x">
          <table className="data small" aria-label="Association rules">
            <thead>
              <tr>
                <th>If bought</th>
                <th>Then also</th>
                <th>Support</th>
                <th>Confidence</th>
                <th>Lift</th>
                <th>Baskets</th>
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

      <h2>Next best products</h2>
      <p className="muted small">
        The first {formatInteger(report.next_best.length)} of{" "}
        {formatInteger(report.customers_with_suggestions)} customers who get a suggestion from these
        rules, by customer id.
      </p>
      {report.next_best.length === 0 ? null : (
        <div className="scroll-x">
          <table className="data small" aria-label="Next best products">
            <thead>
              <tr>
                <th>Customer</th>
                <th>Segment</th>
                <th>Top interests</th>
                <th>Suggested (confidence · because they bought)</th>
              </tr>
            </thead>
            <tbody>
              {report.next_best.map((row) => (
                <tr key={row.customer_id}>
                  <td>
                    <Link to={`${customersPath}/${row.customer_id}`}>#{row.customer_id}</Link>
                  </td>
                  <td>{labelOf(labels, row.segment)}</td>
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
