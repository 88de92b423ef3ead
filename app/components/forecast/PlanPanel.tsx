import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { type Estimate, money, ratio, withInterval } from "./format";

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
  warnings: string[];
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
  const locks = new Set((values.lock as string[] | undefined) ?? []);
  return (
    <section aria-label="Budget planner">
      <h2>Split a budget across channels</h2>
      <Form method="get">
        <div className="row">
          <Field
            label="Total budget"
            name="planBudget"
            inputMode="decimal"
            defaultValue={values.planBudget as string}
            error={errors.planBudget}
          />
          <Field
            label="From"
            name="planFrom"
            type="date"
            defaultValue={values.planFrom as string}
            error={errors.planFrom}
          />
          <Field
            label="To"
            name="planTo"
            type="date"
            defaultValue={values.planTo as string}
            error={errors.planTo}
          />
          <label>
            Goal
            <select name="goal" defaultValue={(values.goal as string) ?? "conversions"}>
              <option value="conversions">Most conversions</option>
              <option value="revenue">Most revenue</option>
              <option value="cpa">Smallest budget reaching a target CPA</option>
              <option value="roas">Smallest budget reaching a target ROAS</option>
            </select>
          </label>
          <Field
            label="Target (CPA or ROAS)"
            name="target"
            inputMode="decimal"
            defaultValue={values.target as string}
            error={errors.target}
          />
        </div>
        <table>
          <caption>
            Bounds: a sum (5000) or a multiple of current spend (1.5x); empty = none
          </caption>
          <thead>
            <tr>
              <th>Channel</th>
              <th>Minimum</th>
              <th>Maximum</th>
              <th>Lock at current</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c, i) => (
              <tr key={c}>
                <td>{c}</td>
                <td>
                  <Field
                    label=""
                    aria-label={`Minimum ${c}`}
                    name={`min_${i}`}
                    defaultValue={values[`min_${i}`] as string}
                    error={errors[`min_${i}`]}
                  />
                </td>
                <td>
                  <Field
                    label=""
                    aria-label={`Maximum ${c}`}
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
                    aria-label={`Lock ${c}`}
                    defaultChecked={locks.has(c)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">Plan</button>
      </Form>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {result ? <PlanResult plan={result} /> : null}
    </section>
  );
}

function PlanResult({ plan }: { plan: PlanView }) {
  return (
    <>
      <p className="notice">
        A scenario on curves fitted to past campaigns, not a promise; ranges are 80 % intervals.
      </p>
      {plan.unchanged ? (
        <p className="notice">The plan keeps the current split: {plan.unchanged_reason}</p>
      ) : null}
      {plan.target ? (
        <p>
          {plan.target.smallest_budget === null
            ? `No budget up to ${money(plan.budget)} reaches the target ${plan.target.kind === "target-cpa" ? "CPA" : "ROAS"} of ${ratio(plan.target.value)}.`
            : `The target is met from ${money(plan.target.smallest_budget)} up to ${money(plan.target.largest_budget)}; the plan shows the smallest.`}
        </p>
      ) : null}
      <div className="scroll-x">
        <table>
          <thead>
            <tr>
              <th>Channel</th>
              <th>Current</th>
              <th>Planned</th>
              <th>Change</th>
              <th>Next 1,000 brings</th>
              <th>Why</th>
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
                  {ratio(c.marginal.conversions_per_1000, 2)} conv.,{" "}
                  {money(c.marginal.revenue_per_1000)}
                </td>
                <td className="small">{c.reason}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>Current split</th>
              <td colSpan={5}>
                {money(plan.current.spend)} →{" "}
                {withInterval(plan.current.conversions, (v) => ratio(v, 1))} conversions,{" "}
                {withInterval(plan.current.revenue, money)} revenue
              </td>
            </tr>
            <tr>
              <th>Planned split</th>
              <td colSpan={5}>
                {money(plan.planned.spend)} →{" "}
                {withInterval(plan.planned.conversions, (v) => ratio(v, 1))} conversions,{" "}
                {withInterval(plan.planned.revenue, money)} revenue
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {plan.unspent > 0 ? (
        <p className="warn">{money(plan.unspent)} stays unspent: the maximums cap the total.</p>
      ) : null}
      {plan.warnings.length ? (
        <ul className="warn small">
          {plan.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {plan.skipped.length ? (
        <p className="small muted">
          Left out (no usable curve):{" "}
          {plan.skipped.map((s) => `${s.channel} — ${s.reasons.join(" ")}`).join("; ")}
        </p>
      ) : null}
    </>
  );
}
