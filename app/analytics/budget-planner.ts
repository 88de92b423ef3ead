/**
 * Splits a budget across channels whose returns are separable (each channel's result
 * depends only on its own spend). Curves may be S-shaped, so a local optimiser can stop in
 * the wrong place; dynamic programming over a spend grid finds the global optimum of the
 * discretised problem: best[c][j] = max over k of best[c−1][j−k] + value_c(k · step).
 */

import { message } from "./message-code";

export class PlanInputError extends Error {}

export interface PlannerChannel {
  name: string;
  /** Spend the channel would get at its current run-rate over the period. */
  current: number;
  /** Expected result (the goal's outcome) for a spend. */
  response: (spend: number) => number;
  min?: number;
  max?: number;
  locked?: boolean;
}

export type Binding = "locked" | "minimum" | "maximum" | "nothing" | "interior";

export interface PlannedChannel {
  name: string;
  current: number;
  planned: number;
  change: number;
  binding: Binding;
  /** Why the channel got what it got, in words. */
  reason: string;
}

export interface Allocation {
  channels: PlannedChannel[];
  step: number;
  /** Best total result for every total spend j·step of the free channels (j = 0..steps). */
  bestByBudget: number[];
  spent: number;
}

export const DEFAULT_GRID_STEPS = 1000;

/**
 * The best split of `budget` (all of it when the bounds allow). `spendLimit` lets a caller
 * ask for a smaller total (the target-CPA search reads bestByBudget instead).
 */
export function allocateBudget(
  channels: readonly PlannerChannel[],
  budget: number,
  options: { steps?: number; spendLimit?: number } = {},
): Allocation {
  if (!Number.isFinite(budget) || budget < 0)
    throw new PlanInputError(
      message("messages:forecast.budgetNotMoney", { budget: String(budget) }),
    );
  if (channels.length === 0) throw new PlanInputError(message("messages:forecast.noCurves"));
  const locked = channels.filter((c) => c.locked);
  const lockedSpend = locked.reduce((s, c) => s + c.current, 0);
  if (lockedSpend > budget + 1e-9)
    throw new PlanInputError(
      message("messages:forecast.lockedOverBudget", {
        channels: locked.map((c) => c.name).join(", "),
        spent: round(lockedSpend),
        budget: round(budget),
      }),
    );
  for (const c of channels)
    if (c.min !== undefined && c.max !== undefined && c.min > c.max)
      throw new PlanInputError(
        message("messages:forecast.minAboveMax", { channel: c.name, min: c.min, max: c.max }),
      );
  const free = channels.filter((c) => !c.locked);
  const steps = options.steps ?? DEFAULT_GRID_STEPS;
  const freeBudget = budget - lockedSpend;
  const step = freeBudget > 0 ? freeBudget / steps : 1;
  const limits = free.map((c) => ({
    lo: c.min !== undefined ? Math.ceil(c.min / step - 1e-9) : 0,
    hi: c.max !== undefined ? Math.min(steps, Math.floor(c.max / step + 1e-9)) : steps,
  }));
  const minTotal = free.reduce((s, c) => s + (c.min ?? 0), 0);
  if (minTotal > freeBudget + 1e-9)
    throw new PlanInputError(
      message("messages:forecast.minimumsOverBudget", {
        minimums: round(minTotal),
        left: round(freeBudget),
      }),
    );
  const { best, choice } = solve(free, limits, step, freeBudget > 0 ? steps : 0);
  const last = best[best.length - 1] as Float64Array;
  const limit = Math.min(steps, Math.floor((options.spendLimit ?? freeBudget) / step + 1e-9));
  let total = -1;
  for (let j = freeBudget > 0 ? limit : 0; j >= 0; j--)
    if (Number.isFinite(last[j] as number)) {
      total = j;
      break;
    }
  if (total < 0) throw new PlanInputError(message("messages:forecast.noSplit"));
  const units = backtrack(choice, total, free.length);
  const plannedFree = new Map(free.map((c, i) => [c.name, (units[i] as number) * step]));
  const planned = channels.map((c) => {
    const spend = c.locked ? c.current : (plannedFree.get(c.name) as number);
    const i = free.indexOf(c);
    const { binding, reason } = bindingOf(c, spend, i >= 0 ? limits[i] : undefined, units[i], step);
    return {
      name: c.name,
      current: c.current,
      planned: spend,
      change: spend - c.current,
      binding,
      reason,
    };
  });
  return {
    channels: planned,
    step,
    bestByBudget: Array.from(last),
    spent: lockedSpend + total * step,
  };
}

function solve(
  free: readonly PlannerChannel[],
  limits: { lo: number; hi: number }[],
  step: number,
  steps: number,
): { best: Float64Array[]; choice: Int32Array[] } {
  let previous = new Float64Array(steps + 1).fill(Number.NEGATIVE_INFINITY);
  previous[0] = 0;
  const best: Float64Array[] = [previous];
  const choice: Int32Array[] = [];
  free.forEach((c, i) => {
    const { lo, hi } = limits[i] as { lo: number; hi: number };
    const value = new Float64Array(hi + 1);
    for (let k = lo; k <= hi; k++) value[k] = c.response(k * step);
    const next = new Float64Array(steps + 1).fill(Number.NEGATIVE_INFINITY);
    const picked = new Int32Array(steps + 1).fill(-1);
    for (let j = 0; j <= steps; j++) {
      const top = Math.min(hi, j);
      for (let k = lo; k <= top; k++) {
        const candidate = (previous[j - k] as number) + (value[k] as number);
        if (candidate > (next[j] as number)) {
          next[j] = candidate;
          picked[j] = k;
        }
      }
    }
    best.push(next);
    choice.push(picked);
    previous = next;
  });
  return { best, choice };
}

function backtrack(choice: Int32Array[], total: number, count: number): number[] {
  const units = new Array<number>(count).fill(0);
  let j = total;
  for (let i = count - 1; i >= 0; i--) {
    const k = (choice[i] as Int32Array)[j] as number;
    units[i] = k;
    j -= k;
  }
  return units;
}

function bindingOf(
  c: PlannerChannel,
  spend: number,
  limit: { lo: number; hi: number } | undefined,
  units: number | undefined,
  step: number,
): { binding: Binding; reason: string } {
  if (c.locked || !limit || units === undefined)
    return { binding: "locked", reason: `Locked at its current spend ${round(c.current)}.` };
  if (c.max !== undefined && units === limit.hi)
    return {
      binding: "maximum",
      reason: `Held at its maximum ${round(c.max)}: more would still return more than elsewhere.`,
    };
  if (c.min !== undefined && c.min > 0 && units === limit.lo)
    return {
      binding: "minimum",
      reason: `Held at its minimum ${round(c.min)}: below it the money would do more elsewhere.`,
    };
  if (units === 0)
    return {
      binding: "nothing",
      reason: "Gets nothing: its first money returns less than the other channels' next money.",
    };
  return {
    binding: "interior",
    reason: `Between its bounds at ${round(spend)}: its next money returns about what the others' does (to one grid step of ${round(step)}).`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
