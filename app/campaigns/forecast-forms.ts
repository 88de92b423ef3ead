/** The Forecast page's two forms (GET, so a forecast or a plan is a link one can share). */

import { z } from "zod";
import { message } from "~/i18n/message-code";
import { IsoDateSchema } from "~/segments/params";

const budget = () =>
  z.coerce
    .number({ error: message("messages:forecast.form.budgetNotNumber") })
    .finite(message("messages:forecast.form.budgetNotNumber"))
    .min(0, message("messages:forecast.form.budgetNegative"));

export const ForecastFormSchema = z
  .object({
    channel: z.string().trim().min(1, message("messages:forecast.form.chooseChannel")),
    budget: budget(),
    from: IsoDateSchema,
    to: IsoDateSchema,
  })
  .refine((f) => f.to >= f.from, {
    message: message("messages:forecast.form.endBeforeStart"),
    path: ["to"],
  });

const optionalBound = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string()
    .regex(/^\d+(\.\d+)?x?$/, message("messages:forecast.form.badBound"))
    .optional(),
);

export const PlanFormSchema = z
  .object({
    planBudget: budget(),
    planFrom: IsoDateSchema,
    planTo: IsoDateSchema,
    goal: z.enum(["conversions", "revenue", "cpa", "roas"]),
    target: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce
        .number({ error: message("messages:forecast.form.targetNotNumber") })
        .positive(message("messages:forecast.form.targetNotPositive"))
        .optional(),
    ),
  })
  .refine((f) => f.planTo >= f.planFrom, {
    message: message("messages:forecast.form.endBeforeStart"),
    path: ["planTo"],
  })
  .refine((f) => (f.goal === "cpa" || f.goal === "roas" ? f.target !== undefined : true), {
    message: message("messages:forecast.form.targetNeeded"),
    path: ["target"],
  });

export const BoundSchema = optionalBound;

export type FieldErrors = Record<string, string>;

export function firstErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

/**
 * How many channels' plan bounds (min_0…, max_0…) a saved report keeps: the bounds are named
 * by the channel's position on the page, so the names are listed up to a generous count.
 */
const PLAN_BOUND_SLOTS = 50;

/** The query parameters of both forms, as a saved "forecast" report keeps them. */
export const FORECAST_PARAMS = [
  "channel",
  "budget",
  "from",
  "to",
  "planBudget",
  "planFrom",
  "planTo",
  "goal",
  "target",
  ...Array.from({ length: PLAN_BOUND_SLOTS }, (_, i) => [`min_${i}`, `max_${i}`]).flat(),
] as const;
