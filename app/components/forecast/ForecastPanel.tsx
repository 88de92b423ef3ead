import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ForecastResult } from "~/analytics/campaign-forecast";
import { Field } from "~/components/Field";
import { useMessage } from "~/i18n/message";
import { count, intervalLevel, money, ratio, withInterval } from "./format";

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
  const { t } = useTranslation("forecast");
  const translate = useMessage();
  return (
    <section aria-label={t("panel.label")}>
      <h2>{t("panel.title")}</h2>
      <Form method="get" className="row">
        <label>
          {t("panel.channel")}
          <select name="channel" defaultValue={values.channel}>
            {channels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <Field
          label={t("panel.budget")}
          name="budget"
          inputMode="decimal"
          defaultValue={values.budget}
          error={errors.budget}
        />
        <Field
          label={t("panel.from")}
          name="from"
          type="date"
          defaultValue={values.from}
          error={errors.from}
        />
        <Field
          label={t("panel.to")}
          name="to"
          type="date"
          defaultValue={values.to}
          error={errors.to}
        />
        <button type="submit">{t("panel.submit")}</button>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      {result ? (
        <>
          <p className="notice">
            {t("panel.notice", {
              channel: result.channel,
              r2: ratio(result.fit.r2),
              nrmse: ratio(result.fit.nrmse_holdout),
              mape: ratio(result.fit.mape_holdout),
              level: intervalLevel(),
            })}
          </p>
          <table>
            <caption>
              {t("panel.caption", {
                budget: money(result.budget),
                channel: result.channel,
                count: result.days,
              })}
            </caption>
            <tbody>
              <tr>
                <th>{t("panel.impressions")}</th>
                <td>{withInterval(result.impressions, count)}</td>
              </tr>
              <tr>
                <th>{t("panel.clicks")}</th>
                <td>{withInterval(result.clicks, count)}</td>
              </tr>
              <tr>
                <th>{t("panel.conversions")}</th>
                <td>{withInterval(result.conversions, (v) => ratio(v, 1))}</td>
              </tr>
              <tr>
                <th>{t("panel.revenue")}</th>
                <td>{withInterval(result.revenue, money)}</td>
              </tr>
              <tr>
                <th>{t("panel.cpa")}</th>
                <td>{withInterval(result.cpa, money)}</td>
              </tr>
              <tr>
                <th>{t("panel.roi")}</th>
                <td>{withInterval(result.roi, (v) => ratio(v))}</td>
              </tr>
              <tr>
                <th>{t("panel.next", { step: money(result.marginal.step) })}</th>
                <td>
                  {t("panel.marginal", {
                    conversions: ratio(result.marginal.conversions, 2),
                    revenue: money(result.marginal.revenue),
                    roi: ratio(result.marginal_roi),
                  })}
                </td>
              </tr>
              <tr>
                <th>{t("panel.carryOverTitle")}</th>
                <td>
                  {t("panel.carryOver", {
                    conversions: ratio(result.carry_over.conversions, 1),
                    revenue: money(result.carry_over.revenue),
                  })}
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
