import { Form } from "@remix-run/react";
import { BasisNote } from "~/components/BasisNote";
import { CurveChart } from "~/components/charts/CurveChart";
import { Field } from "~/components/Field";
import { formatInteger, formatMoney } from "~/format";
import type { OfferCostResult } from "~/offers/offer-cost.server";

/** 0.312 → "31.2 %" (a share of new clients). */
const share = (v: number | null) =>
  v === null || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(1)}\u00a0%`;
/** Clients per month can be fractional on average: one decimal, never NaN. */
const clients = (v: number | null) =>
  v === null || !Number.isFinite(v)
    ? "—"
    : v.toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const MATCHED: Record<string, string> = {
  code: "product code",
  name: "product",
  category: "category",
};

/** The "Offer cost" panel of the Forecast page: the form, then the result. */
export function OfferCostPanel({
  values,
  errors,
  result,
  choices,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  result: OfferCostResult | null;
  choices: string[];
}) {
  return (
    <section aria-label="Offer cost">
      <h2>Offer cost</h2>
      <p className="muted">
        What an offer such as "free card servicing for the first two months" costs for each
        additional client it brings to a product, from how your new customers took it up so far.
      </p>
      <Form method="get">
        <div className="row">
          <Field
            label="Product, code or category"
            name="offerProduct"
            list="offer-products"
            defaultValue={values.offerProduct}
            error={errors.offerProduct}
          />
          <datalist id="offer-products">
            {choices.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field
            label="Cost per client per month"
            name="offerCost"
            inputMode="decimal"
            defaultValue={values.offerCost}
            error={errors.offerCost}
          />
          <Field
            label="Months (1–24)"
            name="offerMonths"
            inputMode="numeric"
            defaultValue={values.offerMonths ?? "2"}
            error={errors.offerMonths}
          />
          <Field
            label="Expected uplift, %"
            name="offerUplift"
            inputMode="decimal"
            defaultValue={values.offerUplift ?? "20"}
            error={errors.offerUplift}
          />
        </div>
        <div className="row">
          <Field
            label="Window from day"
            name="offerFromDay"
            inputMode="numeric"
            placeholder="0"
            defaultValue={values.offerFromDay}
            error={errors.offerFromDay}
          />
          <Field
            label="Window to day"
            name="offerToDay"
            inputMode="numeric"
            placeholder="months × 30"
            defaultValue={values.offerToDay}
            error={errors.offerToDay}
          />
          <Field
            label="New clients per month"
            name="offerNewPerMonth"
            inputMode="decimal"
            placeholder="as in the history"
            defaultValue={values.offerNewPerMonth}
            error={errors.offerNewPerMonth}
          />
          <label>
            Who gets the offer
            <select name="offerPaidFor" defaultValue={values.offerPaidFor ?? "every-new-client"}>
              <option value="every-new-client">Every new client</option>
              <option value="activated-clients">Only clients who buy the product</option>
            </select>
          </label>
          <button type="submit">Price the offer</button>
        </div>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {result ? <OfferCostResultView result={result} /> : null}
    </section>
  );
}

/** The result alone (also what a saved "offer cost" report shows). */
export function OfferCostResultView({ result }: { result: OfferCostResult }) {
  const { figures, inputs, window, history, product } = result;
  const money = (v: number | null) => formatMoney(v, result.currency);
  const unitOfMoney = result.currency ?? "amounts in no single currency";
  const perCost = figures.cost_per_additional_activation;
  return (
    <>
      <table aria-label="Offer cost figures">
        <caption>
          {product.label} ({MATCHED[product.matched]}): {inputs.months.value}{" "}
          {inputs.months.value === 1 ? "month" : "months"} at {money(inputs.cost_per_month.value)}{" "}
          per client per month, +{(inputs.uplift.value * 100).toFixed(1)}&nbsp;% on activation from
          day {window.from_day} to day {window.to_day} after joining
        </caption>
        <tbody>
          <tr>
            <th>New clients per month</th>
            <td>
              {clients(inputs.new_per_month.value)} clients
              {inputs.new_per_month.source === "history" ? " (average of the history)" : ""}
            </td>
          </tr>
          <tr>
            <th>Already activated before day {window.from_day}</th>
            <td>{share(figures.activated_before_window.value)} of new clients</td>
          </tr>
          <tr>
            <th>Activate in the window without the offer</th>
            <td>
              {share(figures.baseline_rate.value)} of new clients ={" "}
              {clients(figures.baseline_activations.value)} clients per month of new clients
            </td>
          </tr>
          <tr>
            <th>Activate in the window with the offer</th>
            <td>{share(figures.offer_rate.value)} of new clients</td>
          </tr>
          <tr>
            <th>Additional activated clients</th>
            <td>
              {clients(figures.additional_activations.value)} clients per month of new clients
            </td>
          </tr>
          <tr>
            <th>Offer cost</th>
            <td>
              {money(figures.offer_cost.value)} per month of new clients (
              {clients(figures.paid_clients.value)} clients × {inputs.months.value} ×{" "}
              {money(inputs.cost_per_month.value)})
            </td>
          </tr>
          <tr>
            <th>Cost per additional activation</th>
            <td>
              {perCost.value === null
                ? `— (${"reason" in perCost ? perCost.reason : "cannot be computed"})`
                : `${money(perCost.value)} per additional activated client`}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="small muted">
        Who is paid for: {result.assumptions.paid_for_text} {result.assumptions.uplift_text} Money
        in {unitOfMoney}; a month is {result.assumptions.days_per_month} days.
      </p>
      <p className="small muted">
        Learned from {formatInteger(history.new_customers)} new customers who joined between{" "}
        {history.sales_from} and {history.sales_to} (the span of the sales);{" "}
        {formatInteger(history.joined_before_history)} who joined before the sales start are left
        out, since their earlier purchases are unknown. Customers who joined recently count only for
        the days they were followed (Kaplan–Meier): {formatInteger(history.followed_to_window_end)}{" "}
        were followed to day {window.to_day}.
      </p>
      <BasisNote result={result.exclusion} />
      <h3>Activation curve</h3>
      <CurveChart
        id="Activated"
        points={result.curve.map((p) => ({ x: p.day, y: p.activated }))}
        xLegend="Days since joining"
        yLegend="Share of new clients who bought"
        valueFormat={share}
        band={{ from: window.from_day, to: window.to_day, label: "Offer window" }}
        tooltipText={(day, y) => `Day ${formatInteger(day)}: ${share(y)} activated`}
        pointSize={result.curve.length > 60 ? 0 : 5}
      />
    </>
  );
}

/** A saved "offer cost" report: its figures, or why a live report can no longer show them. */
export function OfferCostReportView({
  data,
}: {
  data: { errors: Record<string, string>; result: OfferCostResult | null };
}) {
  if (data.result) return <OfferCostResultView result={data.result} />;
  return (
    <>
      {Object.values(data.errors).map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
    </>
  );
}
