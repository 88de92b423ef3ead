/**
 * Everything the Forecast page shows: each channel's fit (or why there is none), its
 * response curve at steady state, and — when the forms were sent — a forecast and a plan.
 * The route's loader and a saved "forecast" report both call `forecastPage`.
 */

import type { WorkspaceScope } from "#db/scoped";
import { type BoundSpec, currentSpend, type PlanGoal } from "~/analytics/budget-plan-report";
import { PlanInputError } from "~/analytics/budget-planner";
import { ForecastInputError } from "~/analytics/campaign-forecast";
import { dayNumber, isoFromDayNumber } from "~/analytics/day-number";
import { steadyStateDaily } from "~/analytics/response-curve";
import { message } from "~/i18n/message-code";
import { forecastForChannel, planForWorkspace } from "./forecast.server";
import {
  BoundSchema,
  type FieldErrors,
  ForecastFormSchema,
  firstErrors,
  PlanFormSchema,
} from "./forecast-forms";
import { channelModels, UnknownChannelError } from "./response-curves.server";

const CURVE_POINTS = 40;

/** The forms' fields as sent, so the page (or a report) shows them filled in. */
export function forecastFormValues(query: URLSearchParams): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = Object.fromEntries(query);
  values.lock = query.getAll("lock");
  return values;
}

export function forecastPage(scope: WorkspaceScope, query: URLSearchParams) {
  const { curves, histories, models } = channelModels(scope);
  const lastDay = Math.max(
    ...[...histories.values()].map((h) => dayNumber(h.dates.at(-1) as string)),
  );
  const defaults = Number.isFinite(lastDay)
    ? { from: isoFromDayNumber(lastDay + 1), to: isoFromDayNumber(lastDay + 30) }
    : null;
  const channels = curves.channels.map((c) => {
    const model = models.find((m) => m.channel === c.channel);
    const history = histories.get(c.channel);
    const averageDaily = model ? currentSpend(model, 1) : 0;
    let maxDaily = 0;
    for (const v of history?.spend ?? []) maxDaily = Math.max(maxDaily, v);
    const params = c.conversions.params;
    return {
      channel: c.channel,
      conversions: summary(c.conversions),
      revenue: summary(c.revenue),
      spreadCampaigns: c.spread_campaigns,
      averageDaily,
      maxDaily,
      curve: params
        ? Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
            const x = ((maxDaily * 1.5) / CURVE_POINTS) * i;
            return { x, y: steadyStateDaily(params, x) };
          })
        : [],
    };
  });
  return {
    values: forecastFormValues(query),
    fittedAt: curves.fitted_at,
    channels,
    defaults,
    forecast: query.has("channel") ? runForecast(scope, query) : null,
    plan: query.has("planBudget")
      ? runPlan(
          scope,
          query,
          channels.map((c) => c.channel),
        )
      : null,
  };
}

export type ForecastPage = ReturnType<typeof forecastPage>;

function summary(fit: {
  status: string;
  reasons: string[];
  quality: { r2: number; nrmseHoldout: number | null; mapeHoldout: number | null } | null;
  params: { decay: number; halfSaturation: number; shape: number; ceiling: number } | null;
  range: { from: string | null; to: string | null; days: number; weeksWithSpend: number };
}) {
  return {
    status: fit.status,
    reasons: fit.reasons,
    quality: fit.quality,
    params: fit.params,
    range: fit.range,
  };
}

function userError(error: unknown): string | null {
  if (
    error instanceof ForecastInputError ||
    error instanceof PlanInputError ||
    error instanceof UnknownChannelError
  )
    return error.message;
  return null;
}

function runForecast(scope: WorkspaceScope, query: URLSearchParams) {
  const parsed = ForecastFormSchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return { errors: firstErrors(parsed.error), result: null };
  try {
    return { errors: {} as FieldErrors, result: forecastForChannel(scope, parsed.data) };
  } catch (error) {
    const message = userError(error);
    if (message === null) throw error;
    return { errors: { form: message } as FieldErrors, result: null };
  }
}

function runPlan(scope: WorkspaceScope, query: URLSearchParams, channels: string[]) {
  const parsed = PlanFormSchema.safeParse(Object.fromEntries(query));
  const errors: FieldErrors = parsed.success ? {} : firstErrors(parsed.error);
  const bounds = (prefix: "min" | "max") => {
    const out: Record<string, BoundSpec> = {};
    channels.forEach((channel, i) => {
      const raw = BoundSchema.safeParse(query.get(`${prefix}_${i}`));
      if (!raw.success)
        errors[`${prefix}_${i}`] =
          raw.error.issues[0]?.message ?? message("messages:forecast.form.badBound");
      else if (raw.data !== undefined)
        out[channel] = raw.data.endsWith("x")
          ? { kind: "multiple", value: Number(raw.data.slice(0, -1)) }
          : { kind: "money", value: Number(raw.data) };
    });
    return out;
  };
  const min = bounds("min");
  const max = bounds("max");
  if (!parsed.success || Object.keys(errors).length) return { errors, result: null };
  const { planBudget, planFrom, planTo, goal, target } = parsed.data;
  const planGoal: PlanGoal =
    goal === "cpa"
      ? { kind: "target-cpa", value: target as number }
      : goal === "roas"
        ? { kind: "target-roas", value: target as number }
        : { kind: goal };
  const locks = query.getAll("lock").filter((l) => channels.includes(l));
  try {
    return {
      errors,
      result: planForWorkspace(scope, {
        budget: planBudget,
        from: planFrom,
        to: planTo,
        goal: planGoal,
        min,
        max,
        locks,
      }),
    };
  } catch (error) {
    const message = userError(error);
    if (message === null) throw error;
    return { errors: { form: message } as FieldErrors, result: null };
  }
}
