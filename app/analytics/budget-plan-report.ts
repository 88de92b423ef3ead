/**
 * The budget planner on fitted channel curves: turns the user's bounds (money or a multiple
 * of current spend), locks and goal into a planner problem, solves it (budget-planner.ts)
 * and reports the old and new split with intervals, marginal returns and the binding bound
 * of every channel. Pure: the caller passes the channel models it read.
 */

import { allocateBudget, PlanInputError, type PlannedChannel } from "./budget-planner";
import {
  type ChannelModel,
  type Estimate,
  expectedTotal,
  INTERVAL_LEVEL,
  MARGINAL_STEP,
  type PlannedWindow,
  plannedWindow,
  replicateTotals,
} from "./campaign-forecast";
import { quantile } from "./curve-bootstrap";
import { message } from "./message-code";

export type PlanGoal =
  | { kind: "conversions" }
  | { kind: "revenue" }
  | { kind: "target-cpa"; value: number }
  | { kind: "target-roas"; value: number };

export type BoundSpec = { kind: "money"; value: number } | { kind: "multiple"; value: number };

export interface PlanInput {
  budget: number;
  from: string;
  to: string;
  goal: PlanGoal;
  min?: Record<string, BoundSpec>;
  max?: Record<string, BoundSpec>;
  locks?: string[];
  steps?: number;
  seed?: number;
}

export interface PlanReport {
  goal: PlanGoal;
  budget: number;
  days: number;
  channels: (PlannedChannel & {
    marginal: { conversions_per_1000: number; revenue_per_1000: number; roi: number };
    fit_status: string;
  })[];
  current: PlanTotals;
  planned: PlanTotals;
  unchanged: boolean;
  unchanged_reason: string | null;
  unspent: number;
  target: {
    kind: "target-cpa" | "target-roas";
    value: number;
    smallest_budget: number | null;
    largest_budget: number | null;
  } | null;
  /** Channels planned on a doubtful curve, with the fit's reasons (message codes). */
  warnings: { channel: string; reasons: string[] }[];
}

interface PlanTotals {
  spend: number;
  conversions: Estimate;
  revenue: Estimate;
}

/**
 * "Current" spend of a channel for a period: its average daily spend over its whole
 * history × the period's days. Campaigns come in flights, so the last weeks alone would
 * call most channels "off" (or "at full tilt") by accident of timing.
 */
export function currentSpend(model: ChannelModel, days: number): number {
  const n = model.spend.length;
  let total = 0;
  for (let t = 0; t < n; t++) total += model.spend[t] as number;
  return n > 0 ? (total / n) * days : 0;
}

export function planBudget(models: readonly ChannelModel[], input: PlanInput): PlanReport {
  if (models.length === 0) throw new PlanInputError(message("messages:forecast.noCurves"));
  const names = models.map((m) => m.channel);
  for (const name of [
    ...Object.keys(input.min ?? {}),
    ...Object.keys(input.max ?? {}),
    ...(input.locks ?? []),
  ])
    if (!names.includes(name))
      throw new PlanInputError(
        message("messages:forecast.unknownPlanChannel", { name, known: names.join(", ") }),
      );
  const windows = new Map(
    models.map((m) => [m.channel, plannedWindow(m, input.budget, input.from, input.to)]),
  );
  const days = (windows.get(names[0] as string) as PlannedWindow).days;
  const outcome =
    input.goal.kind === "revenue" || input.goal.kind === "target-roas" ? "revenue" : "conversions";
  const channels = models.map((m) => {
    const window = windows.get(m.channel) as PlannedWindow;
    const current = currentSpend(m, days);
    const resolve = (spec?: BoundSpec) =>
      spec === undefined ? undefined : spec.kind === "money" ? spec.value : spec.value * current;
    return {
      name: m.channel,
      current,
      min: resolve(input.min?.[m.channel]),
      max: resolve(input.max?.[m.channel]),
      locked: input.locks?.includes(m.channel) ?? false,
      response: (x: number) => expectedTotal(m[outcome].params, m.spend, x, window),
    };
  });
  let allocation = allocateBudget(channels, input.budget, { steps: input.steps });
  let target: PlanReport["target"] = null;
  if (input.goal.kind === "target-cpa" || input.goal.kind === "target-roas") {
    const found = searchTarget(channels, allocation, input.goal, input.budget);
    target = { kind: input.goal.kind, value: input.goal.value, ...found };
    if (found.smallest_budget !== null)
      allocation = allocateBudget(channels, input.budget, {
        steps: input.steps,
        spendLimit: found.smallest_budget - sumLocked(channels),
      });
  }
  const seed = input.seed ?? 1;
  const totals = (spendOf: (c: PlannedChannel) => number): PlanTotals =>
    totalsWithInterval(models, windows, (name) => spendOf(byName(allocation.channels, name)), seed);
  const report = allocation.channels.map((c) => {
    const m = models.find((x) => x.channel === c.name) as ChannelModel;
    const window = windows.get(c.name) as PlannedWindow;
    const gain = (which: "conversions" | "revenue") =>
      expectedTotal(m[which].params, m.spend, c.planned + MARGINAL_STEP, window) -
      expectedTotal(m[which].params, m.spend, c.planned, window);
    const revenuePer = gain("revenue");
    return {
      ...c,
      marginal: {
        conversions_per_1000: gain("conversions"),
        revenue_per_1000: revenuePer,
        roi: (revenuePer - MARGINAL_STEP) / MARGINAL_STEP,
      },
      fit_status: m[outcome].status,
    };
  });
  const unchanged = allocation.channels.every((c) => Math.abs(c.change) <= allocation.step + 1e-6);
  return {
    goal: input.goal,
    budget: input.budget,
    days,
    channels: report,
    current: totals((c) => c.current),
    planned: totals((c) => c.planned),
    unchanged,
    unchanged_reason: unchanged ? whyUnchanged(allocation.channels, allocation.step) : null,
    unspent: Math.max(0, input.budget - allocation.spent),
    target,
    warnings: models
      .filter((m) => m[outcome].status !== "ok")
      .map((m) => ({ channel: m.channel, reasons: m[outcome].reasons })),
  };
}

function sumLocked(channels: { locked: boolean; current: number }[]): number {
  return channels.filter((c) => c.locked).reduce((s, c) => s + c.current, 0);
}

function byName(channels: PlannedChannel[], name: string): PlannedChannel {
  return channels.find((c) => c.name === name) as PlannedChannel;
}

/**
 * The smallest (and the largest) total budget whose best split meets the target, read off
 * the planner's best-result-per-budget row. CPA and ROAS count the carry-over of past spend
 * too, as a marketer's report would.
 */
function searchTarget(
  channels: { locked: boolean; current: number; response: (x: number) => number }[],
  allocation: ReturnType<typeof allocateBudget>,
  goal: { kind: "target-cpa" | "target-roas"; value: number },
  budget: number,
) {
  if (!(goal.value > 0))
    throw new PlanInputError(
      message("messages:forecast.targetNotPositive", {
        kind: goal.kind === "target-cpa" ? "CPA" : "ROAS",
      }),
    );
  const locked = channels.filter((c) => c.locked);
  const lockedSpend = sumLocked(channels);
  const lockedResult = locked.reduce((s, c) => s + c.response(c.current), 0);
  const meets: number[] = [];
  allocation.bestByBudget.forEach((result, j) => {
    const spend = lockedSpend + j * allocation.step;
    const total = result + lockedResult;
    if (!(spend > 0) || !Number.isFinite(total) || spend > budget + 1e-9) return;
    const ok =
      goal.kind === "target-cpa" ? spend / total <= goal.value : total / spend >= goal.value;
    if (ok) meets.push(spend);
  });
  return {
    smallest_budget: meets.length ? Math.min(...meets) : null,
    largest_budget: meets.length ? Math.max(...meets) : null,
  };
}

function totalsWithInterval(
  models: readonly ChannelModel[],
  windows: Map<string, PlannedWindow>,
  spendOf: (name: string) => number,
  seed: number,
): PlanTotals {
  let spend = 0;
  let conversions = 0;
  let revenue = 0;
  let conversionReplicates: number[] = [];
  let revenueReplicates: number[] = [];
  models.forEach((m, i) => {
    const window = windows.get(m.channel) as PlannedWindow;
    const x = spendOf(m.channel);
    spend += x;
    conversions += expectedTotal(m.conversions.params, m.spend, x, window);
    revenue += expectedTotal(m.revenue.params, m.spend, x, window);
    const reps = replicateTotals(m, window, x, seed + i * 7919);
    if (i === 0) {
      conversionReplicates = reps.map((r) => r.conversions);
      revenueReplicates = reps.map((r) => r.revenue);
    } else {
      const n = Math.min(conversionReplicates.length, reps.length);
      conversionReplicates = conversionReplicates
        .slice(0, n)
        .map((v, r) => v + (reps[r]?.conversions ?? 0));
      revenueReplicates = revenueReplicates.slice(0, n).map((v, r) => v + (reps[r]?.revenue ?? 0));
    }
  });
  const estimate = (value: number, replicates: number[]): Estimate => ({
    value,
    low: replicates.length ? quantile(replicates, (1 - INTERVAL_LEVEL) / 2) : null,
    high: replicates.length ? quantile(replicates, (1 + INTERVAL_LEVEL) / 2) : null,
  });
  return {
    spend,
    conversions: estimate(conversions, conversionReplicates),
    revenue: estimate(revenue, revenueReplicates),
  };
}

function whyUnchanged(channels: PlannedChannel[], step: number): string {
  if (channels.every((c) => c.binding === "locked"))
    return "Every channel is locked at its current spend.";
  if (channels.every((c) => c.binding !== "interior"))
    return "Every channel is held by its lock, minimum or maximum, so nothing can move.";
  return `The current split already gives every free channel about the same return on its next money (to one grid step of ${Math.round(step)}), so moving money would not add to the result.`;
}
