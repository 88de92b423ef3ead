import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BasisNote } from "~/components/BasisNote";
import { CurveChart } from "~/components/charts/CurveChart";
import { Field } from "~/components/Field";
import { formatDay, formatDecimal, formatInteger, formatMoney, formatPercentage } from "~/format";
import { useMessage } from "~/i18n/message";
import type { OfferCostResult } from "~/offers/offer-cost.server";

/** 0.312 → "31.2 %" (a share of new clients). */
const share = (v: number | null) => formatPercentage(v, 1);
/** Clients per month can be fractional on average: one decimal, never NaN. */
const clients = (v: number | null) => formatDecimal(v, 1);

/**
 * The analytics (pure, and stored in report snapshots) say in English why the cost per
 * additional activation is missing; the two reasons are translated here, at render.
 */
const COST_REASONS: Record<string, string> = {
  "No new client first bought the product in this window, so a relative uplift adds nobody.":
    "offer.reasons.noBaseline",
  "No new clients are expected, so nobody is added.": "offer.reasons.noNewClients",
};
const costReason = (t: TFunction, reason: string | undefined) =>
  reason === undefined
    ? t("offer.cannotBeComputed")
    : t(COST_REASONS[reason] ?? "", { defaultValue: reason });

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
  const { t } = useTranslation("forecast");
  const translate = useMessage();
  return (
    <section aria-label={t("offer.label")}>
      <h2>{t("offer.label")}</h2>
      <p className="muted">{t("offer.intro")}</p>
      <Form method="get">
        <div className="row">
          <Field
            label={t("offer.product")}
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
            label={t("offer.cost")}
            name="offerCost"
            inputMode="decimal"
            defaultValue={values.offerCost}
            error={errors.offerCost}
          />
          <Field
            label={t("offer.months")}
            name="offerMonths"
            inputMode="numeric"
            defaultValue={values.offerMonths ?? "2"}
            error={errors.offerMonths}
          />
          <Field
            label={t("offer.uplift")}
            name="offerUplift"
            inputMode="decimal"
            defaultValue={values.offerUplift ?? "20"}
            error={errors.offerUplift}
          />
        </div>
        <div className="row">
          <Field
            label={t("offer.fromDay")}
            name="offerFromDay"
            inputMode="numeric"
            placeholder="0"
            defaultValue={values.offerFromDay}
            error={errors.offerFromDay}
          />
          <Field
            label={t("offer.toDay")}
            name="offerToDay"
            inputMode="numeric"
            placeholder={t("offer.toDayPlaceholder")}
            defaultValue={values.offerToDay}
            error={errors.offerToDay}
          />
          <Field
            label={t("offer.newPerMonth")}
            name="offerNewPerMonth"
            inputMode="decimal"
            placeholder={t("offer.newPerMonthPlaceholder")}
            defaultValue={values.offerNewPerMonth}
            error={errors.offerNewPerMonth}
          />
          <label>
            {t("offer.paidFor")}
            <select name="offerPaidFor" defaultValue={values.offerPaidFor ?? "every-new-client"}>
              <option value="every-new-client">{t("offer.paidForChoices.every-new-client")}</option>
              <option value="activated-clients">
                {t("offer.paidForChoices.activated-clients")}
              </option>
            </select>
          </label>
          <button type="submit">{t("offer.submit")}</button>
        </div>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      {result ? <OfferCostResultView result={result} /> : null}
    </section>
  );
}

/**
 * The result alone (also what a saved "offer cost" report shows). The assumptions are
 * worded here from the stored inputs, not shown from the stored English sentences, so a
 * saved report reads in every language.
 */
export function OfferCostResultView({ result }: { result: OfferCostResult }) {
  const { t } = useTranslation("forecast");
  const { figures, inputs, window, history, product } = result;
  const money = (v: number | null) => formatMoney(v, result.currency);
  const unitOfMoney = result.currency ?? t("offer.noSingleCurrency");
  const perCost = figures.cost_per_additional_activation;
  const upliftText = t("offer.upliftText", {
    from: window.from_day,
    to: window.to_day,
    uplift: share(inputs.uplift.value),
  });
  return (
    <>
      <table aria-label={t("offer.figuresLabel")}>
        <caption>
          {t("offer.caption", {
            product: product.label,
            matched: t(`offer.matched.${product.matched}`),
            count: inputs.months.value,
            cost: money(inputs.cost_per_month.value),
            uplift: share(inputs.uplift.value),
            from: window.from_day,
            to: window.to_day,
          })}
        </caption>
        <tbody>
          <tr>
            <th>{t("offer.newClients")}</th>
            <td>
              {t("offer.clients", { clients: clients(inputs.new_per_month.value) })}
              {inputs.new_per_month.source === "history" ? t("offer.historyAverage") : ""}
            </td>
          </tr>
          <tr>
            <th>{t("offer.activatedBefore", { day: window.from_day })}</th>
            <td>
              {t("offer.ofNewClients", { share: share(figures.activated_before_window.value) })}
            </td>
          </tr>
          <tr>
            <th>{t("offer.baseline")}</th>
            <td>
              {t("offer.baselineValue", {
                share: share(figures.baseline_rate.value),
                clients: clients(figures.baseline_activations.value),
              })}
            </td>
          </tr>
          <tr>
            <th>{t("offer.withOffer")}</th>
            <td>{t("offer.ofNewClients", { share: share(figures.offer_rate.value) })}</td>
          </tr>
          <tr>
            <th>{t("offer.additional")}</th>
            <td>
              {t("offer.perMonthOfNew", { clients: clients(figures.additional_activations.value) })}
            </td>
          </tr>
          <tr>
            <th>{t("offer.offerCost")}</th>
            <td>
              {t("offer.offerCostValue", {
                cost: money(figures.offer_cost.value),
                clients: clients(figures.paid_clients.value),
                months: formatInteger(inputs.months.value),
                perMonth: money(inputs.cost_per_month.value),
              })}
            </td>
          </tr>
          <tr>
            <th>{t("offer.perAdditional")}</th>
            <td>
              {perCost.value === null
                ? t("offer.notComputed", {
                    reason: costReason(t, "reason" in perCost ? perCost.reason : undefined),
                  })
                : t("offer.perAdditionalValue", { cost: money(perCost.value) })}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="small muted">
        {t("offer.assumptions", {
          paidFor: t(`offer.paidForText.${result.assumptions.paid_for}`),
          uplift: upliftText,
          unit: unitOfMoney,
          days: result.assumptions.days_per_month,
        })}
      </p>
      <p className="small muted">
        {t("offer.history", {
          customers: formatInteger(history.new_customers),
          from: formatDay(history.sales_from),
          to: formatDay(history.sales_to),
          before: formatInteger(history.joined_before_history),
          followed: formatInteger(history.followed_to_window_end),
          day: window.to_day,
        })}
      </p>
      <BasisNote result={result.exclusion} />
      <h3>{t("offer.curveTitle")}</h3>
      <CurveChart
        id="Activated"
        points={result.curve.map((p) => ({ x: p.day, y: p.activated }))}
        xLegend={t("offer.daysSinceJoining")}
        yLegend={t("offer.shareBought")}
        valueFormat={share}
        band={{ from: window.from_day, to: window.to_day, label: t("offer.window") }}
        tooltipText={(day, y) => t("offer.tooltip", { day: formatInteger(day), share: share(y) })}
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
  const translate = useMessage();
  if (data.result) return <OfferCostResultView result={data.result} />;
  return (
    <>
      {Object.values(data.errors).map((message) => (
        <p key={message} className="form-error" role="alert">
          {translate(message)}
        </p>
      ))}
    </>
  );
}
