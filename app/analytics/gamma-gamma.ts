/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005 "RFM and CLV";
 * Fader & Hardie 2013 "The Gamma-Gamma model of monetary value"): a customer's transaction
 * values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so a customer's mean value
 * m̄ₓ over x transactions is shrunk toward the population mean. Fitted on customers with at
 * least one repeat purchase, as the model assumes spend independent of frequency.
 * docs/analytics.md §19.
 */
import { minimiseNelderMead } from "./nelder-mead";
import { logGamma } from "./special-functions";

export interface SpendHistory {
  /** Number of transactions the mean is over (≥ 1). */
  x: number;
  /** Mean value per transaction (> 0). */
  mean: number;
}

export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** ln L of one customer's mean spend (Fader & Hardie 2013, equation 3, without the constant of the data). */
export function gammaGammaLogLikelihood(g: GammaGammaParameters, h: SpendHistory): number {
  const { p, q, gamma } = g;
  const { x, mean } = h;
  return (
    logGamma(p * x + q) -
    logGamma(p * x) -
    logGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(mean) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + mean * x)
  );
}

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  converged: boolean;
}

export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  const usable = histories.filter((h) => h.x >= 1 && h.mean > 0);
  if (usable.length === 0) throw new RangeError("Gamma-Gamma needs customers with spend");
  const overallMean = usable.reduce((s, h) => s + h.mean, 0) / usable.length;
  const toParameters = (v: readonly number[]): GammaGammaParameters => ({
    p: Math.exp(v[0] as number),
    q: Math.exp(v[1] as number),
    gamma: Math.exp(v[2] as number),
  });
  const negative = (v: readonly number[]) => {
    const g = toParameters(v);
    let total = 0;
    for (const h of usable) total += gammaGammaLogLikelihood(g, h);
    return -total;
  };
  // Start with mean pγ/(q − 1) equal to the data's mean: p = 1, q = 2, γ = mean.
  const result = minimiseNelderMead(negative, [0, Math.log(2), Math.log(overallMean)], {
    maxIterations: 20_000,
  });
  return {
    parameters: toParameters(result.point),
    logLikelihood: -result.value,
    converged: result.converged,
  };
}

/**
 * E[M | p, q, γ, m̄ₓ, x]: the expected mean spend per transaction of a customer, a weighted
 * average of the population mean pγ/(q − 1) and their own mean (needs q > 1).
 */
export function expectedMeanSpend(g: GammaGammaParameters, h: SpendHistory): number {
  const { p, q, gamma } = g;
  if (q <= 1) return h.mean;
  const weight = (p * h.x) / (p * h.x + q - 1);
  return (1 - weight) * ((p * gamma) / (q - 1)) + weight * h.mean;
}
