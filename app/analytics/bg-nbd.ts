/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way"): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). A customer is summarised by
 * x (repeat purchases), tₓ (time of the last purchase) and T (time since the first), all
 * measured from the first purchase in the same unit (days here). docs/analytics.md §19.
 */
import { minimiseNelderMead } from "./nelder-mead";
import { hypergeometric2F1, logBeta, logGamma } from "./special-functions";

export interface RepeatHistory {
  /** Repeat purchases (purchases after the first). */
  x: number;
  /** Time of the last purchase, from the first; 0 when x = 0. */
  tx: number;
  /** Time watched since the first purchase (≥ tₓ). */
  T: number;
}

export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** ln L of one customer: equation (6) of the paper, in the numerically stable form. */
export function bgNbdLogLikelihood(p: BgNbdParameters, h: RepeatHistory): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = h;
  const common =
    logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
  const stillAlive = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + stillAlive;
  const droppedOut = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx);
  const high = Math.max(stillAlive, droppedOut);
  return common + high + Math.log(Math.exp(stillAlive - high) + Math.exp(droppedOut - high));
}

export function bgNbdTotalLogLikelihood(
  p: BgNbdParameters,
  histories: readonly RepeatHistory[],
): number {
  // The same sum as bgNbdLogLikelihood per customer, with the ln Γ / ln B terms (which
  // depend on x alone) computed once per distinct x: 20,000 customers have a few dozen.
  const { r, alpha, a, b } = p;
  const shared = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
  const byX = new Map<number, number>();
  let total = 0;
  for (const { x, tx, T } of histories) {
    let common = byX.get(x);
    if (common === undefined) {
      common = shared + logGamma(r + x) + logBeta(a, b + x);
      byX.set(x, common);
    }
    const stillAlive = -(r + x) * Math.log(alpha + T);
    if (x === 0) {
      total += common + stillAlive;
      continue;
    }
    const droppedOut = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx);
    const high = Math.max(stillAlive, droppedOut);
    total += common + high + Math.log(Math.exp(stillAlive - high) + Math.exp(droppedOut - high));
  }
  return total;
}

export interface BgNbdFit {
  parameters: BgNbdParameters;
  logLikelihood: number;
  converged: boolean;
}

/**
 * Maximum-likelihood parameters: Nelder–Mead on the logs of (r, α, a, b), started where
 * the paper's CDNOW fit lies relative to the data's time scale (α scaled by the mean T).
 */
export function fitBgNbd(histories: readonly RepeatHistory[]): BgNbdFit {
  if (histories.length === 0) throw new RangeError("BG/NBD needs at least one customer");
  const meanT = histories.reduce((sum, h) => sum + h.T, 0) / histories.length;
  const toParameters = (v: readonly number[]): BgNbdParameters => ({
    r: Math.exp(v[0] as number),
    alpha: Math.exp(v[1] as number),
    a: Math.exp(v[2] as number),
    b: Math.exp(v[3] as number),
  });
  const start = [Math.log(0.5), Math.log(Math.max(meanT, 1) / 10), Math.log(1), Math.log(2)];
  const result = minimiseNelderMead(
    (v) => -bgNbdTotalLogLikelihood(toParameters(v), histories),
    start,
    { maxIterations: 20_000 },
  );
  return {
    parameters: toParameters(result.point),
    logLikelihood: -result.value,
    converged: result.converged,
  };
}

/** P(alive | x, tₓ, T): equation (11). A customer without repeat purchases is alive (p acts after a purchase). */
export function probabilityAlive(p: BgNbdParameters, h: RepeatHistory): number {
  if (h.x === 0) return 1;
  const { r, alpha, a, b } = p;
  const ratio = Math.exp((r + h.x) * Math.log((alpha + h.T) / (alpha + h.tx)));
  return 1 / (1 + (a / (b + h.x - 1)) * ratio);
}

/**
 * E[Y(t) | x, tₓ, T]: the expected purchases in the next `t` time units, equation (10).
 * For a < 1 both the (a + b + x − 1)/(a − 1) factor and the bracket are negative; only
 * a = 1 exactly is a removable singularity, nudged aside.
 */
export function expectedPurchases(p: BgNbdParameters, h: RepeatHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const { x, tx, T } = h;
  const z = t / (alpha + T + t);
  const hyper = hypergeometric2F1(r + x, b + x, a + b + x - 1, z);
  const decay = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - decay * hyper);
  const denominator =
    x > 0 ? 1 + (p.a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 1;
  return numerator / denominator;
}
