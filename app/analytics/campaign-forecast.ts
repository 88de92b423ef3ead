/**
 * Forecast of a planned campaign on one channel's fitted curves: the budget is spread
 * evenly over the planned days, the adstock left by the channel's recent spend carries in
 * (decaying over any gap before the start), and every figure gets an 80 % interval from
 * the residual bootstrap (curve-bootstrap.ts): each replicate uses one refitted curve plus
 * the window's sum of block-resampled residuals. See docs/analytics.md.
 */

import { blockResample, quantile } from "./curve-bootstrap";
import { dayNumber } from "./day-number";
import { message } from "./message-code";
import { createRandom, type SeededRandom } from "./random";
import { type CurveParams, endAdstock, windowTotal } from "./response-curve";
import type { FitQuality, FitStatus } from "./response-fit";

export const INTERVAL_LEVEL = 0.8;
export const MARGINAL_STEP = 1000;

export class ForecastInputError extends Error {}

export interface FittedOutcome {
  status: FitStatus;
  reasons: string[];
  params: CurveParams;
  quality: FitQuality;
  /** Bootstrap refits of the curve (interval replicates). */
  draws: CurveParams[];
}

/** What the forecast needs of one channel: its daily history and its two fitted curves. */
export interface ChannelModel {
  channel: string;
  dates: readonly string[];
  spend: ArrayLike<number>;
  impressions: ArrayLike<number>;
  clicks: ArrayLike<number>;
  residuals: { conversions: ArrayLike<number>; revenue: ArrayLike<number> };
  conversions: FittedOutcome;
  revenue: FittedOutcome;
}

export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface PlannedWindow {
  days: number;
  /** Days between the last day of history and the start, over which carry-over decays. */
  gapDays: number;
}

/** Checks the dates and budget against the channel's history; messages name the field. */
export function plannedWindow(
  model: Pick<ChannelModel, "dates">,
  budget: number,
  from: string,
  to: string,
): PlannedWindow {
  if (!Number.isFinite(budget) || budget < 0)
    throw new ForecastInputError(
      message("messages:forecast.budgetNotMoney", { budget: String(budget) }),
    );
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new ForecastInputError(message("messages:forecast.datesNotIso"));
  if (end < start)
    throw new ForecastInputError(message("messages:forecast.endBeforeStart", { from, to }));
  const last = model.dates[model.dates.length - 1];
  if (!last) throw new ForecastInputError(message("messages:forecast.noHistory"));
  if (start <= dayNumber(last))
    throw new ForecastInputError(message("messages:forecast.startsInHistory", { from, last }));
  return { days: end - start + 1, gapDays: start - dayNumber(last) - 1 };
}

/** Expected outcome over the window for a total budget, with the channel's carry-in. */
export function expectedTotal(
  params: CurveParams,
  spend: ArrayLike<number>,
  budget: number,
  window: PlannedWindow,
): number {
  return windowTotal(
    params,
    budget / window.days,
    window.days,
    endAdstock(spend, params.decay),
    window.gapDays,
  );
}

export interface ForecastResult {
  channel: string;
  budget: number;
  days: number;
  impressions: Estimate;
  clicks: Estimate;
  conversions: Estimate;
  revenue: Estimate;
  cpa: Estimate;
  roi: Estimate;
  /** Per MARGINAL_STEP more money: (extra revenue − step) / step. */
  marginal_roi: number;
  marginal: { step: number; conversions: number; revenue: number };
  /** Expected outcome of the window with no new spend (carry-over alone). */
  carry_over: { conversions: number; revenue: number };
  fit: {
    r2: number;
    nrmse_holdout: number | null;
    mape_holdout: number | null;
    status: FitStatus;
    reasons: string[];
  };
}

export function forecastCampaign(
  model: ChannelModel,
  input: { budget: number; from: string; to: string; seed?: number },
): ForecastResult {
  const window = plannedWindow(model, input.budget, input.from, input.to);
  const { budget } = input;
  const conv = (p: CurveParams, b: number) => expectedTotal(p, model.spend, b, window);
  const point = {
    conversions: conv(model.conversions.params, budget),
    revenue: conv(model.revenue.params, budget),
  };
  const rates = deliveryRates(model);
  const replicates = replicateTotals(model, window, budget, input.seed ?? 1);
  const interval = (values: number[], value: number | null): Estimate => ({
    value,
    low: value === null ? null : quantile(values, (1 - INTERVAL_LEVEL) / 2),
    high: value === null ? null : quantile(values, (1 + INTERVAL_LEVEL) / 2),
  });
  const next = {
    conversions: conv(model.conversions.params, budget + MARGINAL_STEP) - point.conversions,
    revenue: conv(model.revenue.params, budget + MARGINAL_STEP) - point.revenue,
  };
  const quality = model.conversions.quality;
  return {
    channel: model.channel,
    budget,
    days: window.days,
    impressions: interval(
      replicates.map((r) => r.impressionsPerMoney * budget),
      rates.impressionsPerMoney * budget,
    ),
    clicks: interval(
      replicates.map((r) => r.clicksPerMoney * budget),
      rates.clicksPerMoney * budget,
    ),
    conversions: interval(
      replicates.map((r) => r.conversions),
      point.conversions,
    ),
    revenue: interval(
      replicates.map((r) => r.revenue),
      point.revenue,
    ),
    cpa: interval(
      replicates.filter((r) => r.conversions > 0).map((r) => budget / r.conversions),
      point.conversions > 0 ? budget / point.conversions : null,
    ),
    roi: interval(
      replicates.map((r) => (r.revenue - budget) / budget),
      budget > 0 ? (point.revenue - budget) / budget : null,
    ),
    marginal_roi: (next.revenue - MARGINAL_STEP) / MARGINAL_STEP,
    marginal: { step: MARGINAL_STEP, ...next },
    carry_over: {
      conversions: conv(model.conversions.params, 0),
      revenue: conv(model.revenue.params, 0),
    },
    fit: {
      r2: quality.r2,
      nrmse_holdout: quality.nrmseHoldout,
      mape_holdout: quality.mapeHoldout,
      status: model.conversions.status,
      reasons: [...model.conversions.reasons, ...model.revenue.reasons],
    },
  };
}

function deliveryRates(model: ChannelModel, days?: readonly number[]) {
  let spend = 0;
  let impressions = 0;
  let clicks = 0;
  const indices = days ?? Array.from({ length: model.dates.length }, (_, t) => t);
  for (const t of indices) {
    spend += model.spend[t] as number;
    impressions += (model.impressions[t] as number) || 0;
    clicks += (model.clicks[t] as number) || 0;
  }
  return {
    impressionsPerMoney: spend > 0 ? impressions / spend : 0,
    clicksPerMoney: spend > 0 ? clicks / spend : 0,
  };
}

interface Replicate {
  conversions: number;
  revenue: number;
  impressionsPerMoney: number;
  clicksPerMoney: number;
}

/** One total per bootstrap draw: refitted curve + resampled residuals over the window. */
export function replicateTotals(
  model: ChannelModel,
  window: PlannedWindow,
  budget: number,
  seed: number,
): Replicate[] {
  const random = createRandom(seed);
  const count = Math.min(model.conversions.draws.length, model.revenue.draws.length);
  const out: Replicate[] = [];
  for (let r = 0; r < count; r++) {
    const noiseSeed = random.nextInt(2 ** 31);
    out.push({
      conversions: Math.max(
        0,
        expectedTotal(model.conversions.draws[r] as CurveParams, model.spend, budget, window) +
          windowNoise(model.residuals.conversions, window.days, noiseSeed),
      ),
      revenue: Math.max(
        0,
        expectedTotal(model.revenue.draws[r] as CurveParams, model.spend, budget, window) +
          windowNoise(model.residuals.revenue, window.days, noiseSeed),
      ),
      ...deliveryRates(model, resampleDays(model, random)),
    });
  }
  return out;
}

/** Sum of `days` block-resampled residuals; the same seed picks the same blocks. */
export function windowNoise(residuals: ArrayLike<number>, days: number, seed: number): number {
  const noise = blockResample(residuals, days, createRandom(seed));
  let total = 0;
  for (const value of noise) total += value;
  return total;
}

function resampleDays(model: ChannelModel, random: SeededRandom): number[] {
  const n = model.dates.length;
  const days: number[] = [];
  for (let t = 0; t < n; t += 7) {
    const start = random.nextInt(Math.max(1, n - 6));
    for (let i = 0; i < 7 && start + i < n; i++) days.push(start + i);
  }
  return days;
}
