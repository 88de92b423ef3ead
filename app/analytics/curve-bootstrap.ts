/**
 * Residual bootstrap of a fitted response curve: the uncertainty behind the forecast and
 * planner intervals. Each replicate adds the fit's residuals, resampled in 7-day blocks
 * (so weekday patterns and short runs stay together), to the fitted values and refits the
 * curve from the fitted parameters. Seeded, so the same data gives the same intervals.
 */
import { createRandom, type SeededRandom } from "./random";
import { type CurveParams, predictDaily } from "./response-curve";
import { fitCore, LM_ITERATIONS_FROM_FIT } from "./response-fit";

export const BOOTSTRAP_REPLICATES = 40;
const BLOCK_DAYS = 7;

export function residualsOf(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  params: CurveParams,
): Float64Array {
  const predicted = predictDaily(spend, params);
  return predicted.map((value, t) => (outcome[t] as number) - value);
}

/** Residuals laid end to end from random 7-day blocks, `length` values long. */
export function blockResample(
  residuals: ArrayLike<number>,
  length: number,
  random: SeededRandom,
): Float64Array {
  const out = new Float64Array(length);
  const blockStarts = Math.max(1, residuals.length - BLOCK_DAYS + 1);
  for (let t = 0; t < length; t += BLOCK_DAYS) {
    const start = random.nextInt(blockStarts);
    for (let i = 0; i < BLOCK_DAYS && t + i < length; i++)
      out[t + i] = residuals[(start + i) % residuals.length] as number;
  }
  return out;
}

export function bootstrapCurves(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  params: CurveParams,
  options: { replicates?: number; seed?: number } = {},
): CurveParams[] {
  const random = createRandom(options.seed ?? 1);
  const fitted = predictDaily(spend, params);
  const residuals = residualsOf(spend, outcome, params);
  const draws: CurveParams[] = [];
  for (let r = 0; r < (options.replicates ?? BOOTSTRAP_REPLICATES); r++) {
    const noise = blockResample(residuals, spend.length, random);
    const resampled = fitted.map((value, t) => Math.max(0, value + (noise[t] as number)));
    draws.push(fitCore(spend, resampled, spend.length, [params], LM_ITERATIONS_FROM_FIT).params);
  }
  return draws;
}

/** The p-quantile (0..1) of values, linear between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lo = sorted[low] as number;
  return lo + ((sorted[high] as number) - lo) * (position - low);
}
