import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/Field";
import { formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import { type Estimate, intervalLevel, money, ratio, withInterval } from "./format";

export interface PlanView {
  budget: number;
  days: number;
  channels: {
    name: string;
    current: number;
    planned: number;
    change: number;
    binding: string;
    reason: string;
    fit_status: string;
    marginal: { conversions_per_1000: number; revenue_per_1000: number; roi: number };
  }[];
  current: { spend: number; conversions: Estimate; revenue: Estimate };
  planned: { spend: number; conversions: Estimate; revenue: Estimate };
  unchanged: boolean;
  unchanged_reason: string | null;
  unspent: number;
  target: {
    kind: string;
    value: number;
    smallest_budget: number | null;
    largest_budget: number | null;
  } | null;
  warnings: { channel: string; reasons: string[] }[];
  skipped: { channel: string; reasons: string[] }[];
}

type Values = Record<string, string | string[] | undefined>;

export function PlanPanel({
  channels,
  values,
  errors,
  result,
}: {
  channels: string[];
  values: Values;
  errors: Record<string, string>;
  result: PlanView | null;
}) {
  const { t } = useTranslation("forecast");
  const translate = useMessage();
  const locks = new Set((values.lock as string[] | undefined) ?? []);
  return (
    <section aria-label={t("plan.label")}>
      <h2>{t("plan.title")}</h2>
      <Form method="get">
        <div className="row">
          <Field
            label={t("panel.budget")}
            name="planBudget"
            inputMode="decimal"
            defaultValue={values.planBudget as string}
            error={errors.planBudget}
          />
          <Field
            label={t("panel.from")}
            name="planFrom"
            type="date"
            defaultValue={values.planFrom as string}
            error={errors.planFrom}
          />
          <Field
            label={t("panel.to")}
            name="planTo"
            type="date"
            defaultValue={values.planTo as string}
            error={errors.planTo}
          />
          <label>
            {t("plan.goal")}
            <select name="goal" defaultValue={(values.goal as string) ?? "conversions"}>
              <option value="conversions">{t("plan.goals.conversions")}</option>
              <option value="revenue">{t("plan.goals.revenue")}</option>
              <option value="cpa">{t("plan.goals.cpa")}</option>
              <option value="roas">{t("plan.goals.roas")}</option>
            </select>
          </label>
          <Field
            label={t("plan.target")}
            name="target"
            inputMode="decimal"
            defaultValue={values.target as string}
            error={errors.target}
          />
        </div>
        <table>
          <caption>{t("plan.bounds")}</caption>
          <thead>
            <tr>
              <th>{t("plan.channel")}</th>
              <th>{t("plan.minimum")}</th>
              <th>{t("plan.maximum")}</th>
              <th>{t("plan.lock")}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c, i) => (
              <tr key={c}>
                <td>{c}</td>
                <td>
                  <Field
                    label=""
                    aria-label={t("plan.minimumOf", { channel: c })}
                    name={`min_${i}`}
                    defaultValue={values[`min_${i}`] as string}
                    error={errors[`min_${i}`]}
                  />
                </td>
                <td>
                  <Field
                    label=""
                    aria-label={t("plan.maximumOf", { channel: c })}
                    name={`max_${i}`}
                    defaultValue={values[`max_${i}`] as string}
                    error={errors[`max_${i}`]}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name="lock"
                    value={c}
                    aria-label={t("plan.lockOf", { channel: c })}
                    defaultChecked={locks.has(c)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{t("plan.submit")}</button>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      {result ? <PlanResult plan={result} /> : null}
    </section>
  );
}

function PlanResult({ plan }: { plan: PlanView }) {
  const { t } = useTranslation("forecast");
  const translate = useMessage();
  const reasons = (list: string[]) => list.map(translate).join(" ");
  const split = (side: PlanView["current"]) =>
    t("plan.split", {
      spend: money(side.spend),
      conversions: withInterval(side.conversions, (v) => ratio(v, 1)),
      revenue: withInterval(side.revenue, money),
    });
  return (
    <>
      <p className="notice">{t("plan.scenario", { level: intervalLevel() })}</p>
      {plan.unchanged ? (
        <p className="notice warning">{t("plan.unchanged", { reason: plan.unchanged_reason })}</p>
      ) : null}
      {plan.target ? (
        <p>
          {plan.target.smallest_budget === null
            ? t("plan.targetMissed", {
                budget: money(plan.budget),
                kind: plan.target.kind === "target-cpa" ? "CPA" : "ROAS",
                value: ratio(plan.target.value),
              })
            : t("plan.targetMet", {
                smallest: money(plan.target.smallest_budget),
                largest: money(plan.target.largest_budget),
              })}
        </p>
      ) : null}
      <div className="scroll-x">
        <table>
          <thead>
            <tr>
              <th>{t("plan.channel")}</th>
              <th>{t("plan.current")}</th>
              <th>{t("plan.planned")}</th>
              <th>{t("plan.change")}</th>
              <th>{t("plan.nextBrings", { amount: formatInteger(1000) })}</th>
              <th>{t("plan.why")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.channels.map((c) => (
              <tr key={c.name}>
                <td>
                  {c.name}
                  {c.fit_status !== "ok" ? " ⚠" : ""}
                </td>
                <td>{money(c.current)}</td>
                <td>{money(c.planned)}</td>
                <td>
                  {c.change >= 0 ? "+" : "−"}
                  {money(Math.abs(c.change))}
                </td>
                <td>
                  {t("plan.brings", {
                    conversions: ratio(c.marginal.conversions_per_1000, 2),
                    revenue: money(c.marginal.revenue_per_1000),
                  })}
                </td>
                <td className="small">{c.reason}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t("plan.currentSplit")}</th>
              <td colSpan={5}>{split(plan.current)}</td>
            </tr>
            <tr>
              <th>{t("plan.plannedSplit")}</th>
              <td colSpan={5}>{split(plan.planned)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {plan.unspent > 0 ? (
        <p className="warn">{t("plan.unspent", { amount: money(plan.unspent) })}</p>
      ) : null}
      {plan.warnings.length ? (
        <ul className="warn small">
          {plan.warnings.map((w) => (
            <li key={w.channel}>
              {t("messages:forecast.planWarning", {
                channel: w.channel,
                reasons: reasons(w.reasons),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.skipped.length ? (
        <p className="small muted">
          {t("plan.skipped", {
            list: plan.skipped.map((s) => `${s.channel} — ${reasons(s.reasons)}`).join("; "),
          })}
        </p>
      ) : null}
    </>
  );
}
