/**
 * The response-curve model: geometric adstock (carry-over) followed by Hill saturation.
 *
 *   a_t = x_t + λ · a_{t−1}                 (adstock of the daily spend x, a_0 = carry-in)
 *   y_t = β · a_tˢ / (a_tˢ + Kˢ)            (expected outcome of day t)
 *
 * λ is the share of a day's effect that carries into the next day, K the adstock at which
 * half of the ceiling β is reached, s the shape (s ≤ 1 concave, s > 1 S-shaped).
 * Pure functions, no I/O; the bounds are documented in docs/analytics.md.
 */

export interface CurveParams {
  /** λ, carry-over per day, in [DECAY_MIN, DECAY_MAX]. */
  decay: number;
  /** K, money of adstocked daily spend at which half of the ceiling is reached. */
  halfSaturation: number;
  /** s, Hill exponent in [SHAPE_MIN, SHAPE_MAX]. */
  shape: number;
  /** β, the most the channel can bring in a day (same unit as the outcome). */
  ceiling: number;
}

export const DECAY_MIN = 0;
/** Above 0.9 one day's spend would still act after a month: not separable from trend. */
export const DECAY_MAX = 0.9;
export const SHAPE_MIN = 0.5;
export const SHAPE_MAX = 4;

/** Adstock of a spend series; `carryIn` is the adstock of the day before the first. */
export function adstock(spend: ArrayLike<number>, decay: number, carryIn = 0): Float64Array {
  const out = new Float64Array(spend.length);
  let previous = carryIn;
  for (let t = 0; t < spend.length; t++) {
    previous = (spend[t] as number) + decay * previous;
    out[t] = previous;
  }
  return out;
}

/** Hill saturation a^s / (a^s + K^s), written as 1 / (1 + (K/a)^s) so large a cannot overflow. */
export function hill(a: number, halfSaturation: number, shape: number): number {
  if (a <= 0) return 0;
  return 1 / (1 + (halfSaturation / a) ** shape);
}

/** Expected outcome of every day of a spend series. */
export function predictDaily(
  spend: ArrayLike<number>,
  params: CurveParams,
  carryIn = 0,
): Float64Array {
  const a = adstock(spend, params.decay, carryIn);
  for (let t = 0; t < a.length; t++)
    a[t] = params.ceiling * hill(a[t] as number, params.halfSaturation, params.shape);
  return a;
}

/** Adstock on the last day of a series (what carries into the days after it). */
export function endAdstock(spend: ArrayLike<number>, decay: number): number {
  const a = adstock(spend, decay);
  return a.length ? (a[a.length - 1] as number) : 0;
}

/**
 * Expected total outcome of `days` days with `dailySpend` each, starting `gapDays` days
 * after the day whose adstock was `lastAdstock` (the carry-over decays over the gap).
 */
export function windowTotal(
  params: CurveParams,
  dailySpend: number,
  days: number,
  lastAdstock = 0,
  gapDays = 0,
): number {
  let a = lastAdstock * params.decay ** gapDays;
  let total = 0;
  for (let t = 0; t < days; t++) {
    a = dailySpend + params.decay * a;
    total += params.ceiling * hill(a, params.halfSaturation, params.shape);
  }
  return total;
}

/** Daily outcome once a constant daily spend has run long enough (adstock x / (1 − λ)). */
export function steadyStateDaily(params: CurveParams, dailySpend: number): number {
  return (
    params.ceiling * hill(dailySpend / (1 - params.decay), params.halfSaturation, params.shape)
  );
}
