import { Form } from "@remix-run/react";
import type { ForecastResult } from "~/analytics/campaign-forecast";
import { Field } from "~/components/Field";
import { count, money, ratio, withInterval } from "./format";

/** What the page shows is the forecast as computed (app/analytics/campaign-forecast.ts). */
export type ForecastView = ForecastResult;

export function ForecastPanel({
  channels,
  values,
  errors,
  result,
}: {
  channels: string[];
  values: { channel?: string; budget?: string; from?: string; to?: string };
  errors: Record<string, string>;
  result: ForecastView | null;
}) {
  return (
    <section aria-label="Forecast of a planned campaign">
      <h2>Forecast a planned campaign</h2>
      <Form method="get" className="row">
        <label>
          Channel
          <select name="channel" defaultValue={values.channel}>
            {channels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <Field
          label="Total budget"
          name="budget"
          inputMode="decimal"
          defaultValue={values.budget}
          error={errors.budget}
        />
        <Field
          label="From"
          name="from"
          type="date"
          defaultValue={values.from}
          error={errors.from}
        />
        <Field label="To" name="to" type="date" defaultValue={values.to} error={errors.to} />
        <button type="submit">Forecast</button>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {result ? (
        <>
          <p className="notice">
            A scenario on curves fitted to past campaigns, not a promise. Fit quality of{" "}
            {result.channel}: R² {ratio(result.fit.r2)}, held-out NRMSE{" "}
            {ratio(result.fit.nrmse_holdout)}, MAPE {ratio(result.fit.mape_holdout)}. Ranges are 80
            % intervals.
          </p>
          <table>
            <caption>
              {money(result.budget)} on {result.channel} over {result.days} days, spread evenly
            </caption>
            <tbody>
              <tr>
                <th>Impressions</th>
                <td>{withInterval(result.impressions, count)}</td>
              </tr>
              <tr>
                <th>Clicks</th>
                <td>{withInterval(result.clicks, count)}</td>
              </tr>
              <tr>
                <th>Conversions</th>
                <td>{withInterval(result.conversions, (v) => ratio(v, 1))}</td>
              </tr>
              <tr>
                <th>Revenue</th>
                <td>{withInterval(result.revenue, money)}</td>
              </tr>
              <tr>
                <th>Cost per conversion</th>
                <td>{withInterval(result.cpa, money)}</td>
              </tr>
              <tr>
                <th>ROI (revenue − spend) / spend</th>
                <td>{withInterval(result.roi, (v) => ratio(v))}</td>
              </tr>
              <tr>
                <th>Next {money(result.marginal.step)}</th>
                <td>
                  +{ratio(result.marginal.conversions, 2)} conversions, +
                  {money(result.marginal.revenue)} revenue (marginal ROI{" "}
                  {ratio(result.marginal_roi)})
                </td>
              </tr>
              <tr>
                <th>Of which carry-over of past spend</th>
                <td>
                  {ratio(result.carry_over.conversions, 1)} conversions,{" "}
                  {money(result.carry_over.revenue)} revenue
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
