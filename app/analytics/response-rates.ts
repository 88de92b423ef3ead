/**
 * Response rates per arm (segment × channel × offer × send hour) as Beta posteriors, each
 * shrunk toward its channel's overall rate (a Beta–Binomial model with an empirical-Bayes
 * prior). Sparse arms borrow strength from their channel; well-observed arms speak for
 * themselves. Formulas and a worked example: docs/analytics.md §21.
 */

export interface ArmKey {
  segment: string;
  channel: string;
  offer: string;
  /** Hour of day the message was sent, 0–23, in the workspace's time zone. */
  hour: number;
}

export interface ArmTally extends ArmKey {
  sends: number;
  responses: number;
}

export interface ChannelPrior {
  channel: string;
  sends: number;
  responses: number;
  /** The channel's pooled response rate, the prior mean of each of its arms. */
  mean: number;
  /** κ = α + β of the prior: how many sends' worth of weight the channel rate carries. */
  strength: number;
  /** True when κ was estimated from the spread of the arms' rates, false for the default. */
  fitted: boolean;
}

export interface ArmPosterior extends ArmTally {
  alpha: number;
  beta: number;
  /** Posterior mean α / (α + β). */
  mean: number;
  priorMean: number;
}

export interface ShrinkageOptions {
  /** κ when it cannot be estimated (fewer than two observed arms, or a 0 % / 100 % channel). */
  defaultStrength?: number;
  /** Bounds of the estimated κ. */
  minStrength?: number;
  maxStrength?: number;
}

const DEFAULTS = { defaultStrength: 20, minStrength: 2, maxStrength: 10_000 };

export function armKeyOf(arm: ArmKey): string {
  return `${arm.segment}\u0000${arm.channel}\u0000${arm.offer}\u0000${arm.hour}`;
}

/**
 * The prior of each channel: mean = the channel's pooled rate; strength κ by the method of
 * moments for the beta-binomial (Kleinman 1973). For arms i with nᵢ sends and rate p̂ᵢ,
 * Σ nᵢ (p̂ᵢ − m)² ≈ m (1 − m) [k + ρ Σ (nᵢ − 1)] with ρ = 1 / (κ + 1), solved for ρ.
 */
export function channelPriors(
  tallies: readonly ArmTally[],
  options: ShrinkageOptions = {},
): Map<string, ChannelPrior> {
  const { defaultStrength, minStrength, maxStrength } = { ...DEFAULTS, ...options };
  const byChannel = new Map<string, ArmTally[]>();
  for (const tally of tallies) {
    if (tally.sends <= 0) continue;
    const list = byChannel.get(tally.channel) ?? [];
    list.push(tally);
    byChannel.set(tally.channel, list);
  }
  const priors = new Map<string, ChannelPrior>();
  for (const [channel, arms] of byChannel) {
    let sends = 0;
    let responses = 0;
    for (const arm of arms) {
      sends += arm.sends;
      responses += arm.responses;
    }
    const mean = responses / sends;
    let strength = defaultStrength;
    let fitted = false;
    if (arms.length >= 2 && mean > 0 && mean < 1) {
      let spread = 0;
      let excessSends = 0;
      for (const arm of arms) {
        const rate = arm.responses / arm.sends;
        spread += arm.sends * (rate - mean) ** 2;
        excessSends += arm.sends - 1;
      }
      const rho = excessSends > 0 ? (spread / (mean * (1 - mean)) - arms.length) / excessSends : 0;
      const rhoLow = 1 / (maxStrength + 1);
      const rhoHigh = 1 / (minStrength + 1);
      strength = 1 / Math.min(rhoHigh, Math.max(rhoLow, rho)) - 1;
      fitted = true;
    }
    priors.set(channel, { channel, sends, responses, mean, strength, fitted });
  }
  return priors;
}

/**
 * Posterior of every arm in `arms` (observed or not): Beta(κ m + r, κ (1 − m) + n − r), with
 * m and κ of the arm's channel. An arm of a channel with no history at all gets the overall
 * rate of every channel as its mean, with the default strength.
 */
export function armPosteriors(
  tallies: readonly ArmTally[],
  arms: readonly ArmKey[],
  options: ShrinkageOptions = {},
): Map<string, ArmPosterior> {
  const priors = channelPriors(tallies, options);
  const observed = new Map<string, ArmTally>();
  let allSends = 0;
  let allResponses = 0;
  for (const tally of tallies) {
    const key = armKeyOf(tally);
    const seen = observed.get(key);
    observed.set(
      key,
      seen
        ? { ...seen, sends: seen.sends + tally.sends, responses: seen.responses + tally.responses }
        : { ...tally },
    );
    allSends += tally.sends;
    allResponses += tally.responses;
  }
  const fallbackMean = allSends > 0 ? allResponses / allSends : 0.5;
  const fallbackStrength = options.defaultStrength ?? DEFAULTS.defaultStrength;
  const posteriors = new Map<string, ArmPosterior>();
  for (const arm of arms) {
    const key = armKeyOf(arm);
    const tally = observed.get(key) ?? { ...arm, sends: 0, responses: 0 };
    const prior = priors.get(arm.channel);
    const priorMean = prior?.mean ?? fallbackMean;
    const strength = prior?.strength ?? fallbackStrength;
    // A prior mean of exactly 0 or 1 would make the Beta degenerate; keep it inside (0, 1).
    const safeMean = Math.min(1 - 1e-6, Math.max(1e-6, priorMean));
    const alpha = strength * safeMean + tally.responses;
    const beta = strength * (1 - safeMean) + (tally.sends - tally.responses);
    posteriors.set(key, {
      ...arm,
      sends: tally.sends,
      responses: tally.responses,
      alpha,
      beta,
      mean: alpha / (alpha + beta),
      priorMean,
    });
  }
  return posteriors;
}
