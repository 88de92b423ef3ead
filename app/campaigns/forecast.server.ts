/**
 * Forecasts and budget plans on the workspace's current curves: the glue between the
 * stored fits (response-curves.server.ts) and the pure maths in app/analytics.
 */

import type { WorkspaceScope } from "#db/scoped";
import { type BoundSpec, type PlanGoal, planBudget } from "~/analytics/budget-plan-report";
import { ForecastInputError, forecastCampaign } from "~/analytics/campaign-forecast";
import { message, messageList } from "~/i18n/message-code";
import { channelModels, unknownChannel } from "./response-curves.server";

export function forecastForChannel(
  scope: WorkspaceScope,
  input: { channel: string; budget: number; from: string; to: string },
) {
  const { models, skipped, histories } = channelModels(scope);
  const model = models.find((m) => m.channel === input.channel);
  if (!model) {
    const why = skipped.find((s) => s.channel === input.channel);
    if (why)
      throw new ForecastInputError(
        message("messages:forecast.noUsableCurve", {
          channel: input.channel,
          reasons: messageList(why.reasons),
        }),
      );
    throw unknownChannel(input.channel, histories);
  }
  return forecastCampaign(model, input);
}

export interface PlanRequest {
  budget: number;
  from: string;
  to: string;
  goal: PlanGoal;
  min?: Record<string, BoundSpec>;
  max?: Record<string, BoundSpec>;
  locks?: string[];
}

export function planForWorkspace(scope: WorkspaceScope, request: PlanRequest) {
  const { models, skipped } = channelModels(scope);
  return { ...planBudget(models, request), skipped };
}

/** "C=5000" (money) or "C=1.5x" (a multiple of current spend) → bounds by channel. */
export function parseBounds(values: readonly string[], flag: string): Record<string, BoundSpec> {
  const out: Record<string, BoundSpec> = {};
  for (const value of values) {
    const match = /^(.+)=(\d+(?:\.\d+)?)(x?)$/.exec(value.trim());
    if (!match)
      throw new ForecastInputError(message("messages:forecast.badBoundFlag", { flag, value }));
    const [, channel, amount, multiple] = match as unknown as [string, string, string, string];
    out[channel.trim()] = { kind: multiple ? "multiple" : "money", value: Number(amount) };
  }
  return out;
}
