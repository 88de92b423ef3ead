/**
 * Off-policy evaluation: the response rate a new sending policy would have had, estimated
 * from sends made by the old (historical) policy, before anything is sent. Inverse
 * propensity scoring re-weights each logged send by π(a | x) / μ(a | x), the target
 * policy's probability of that arm over the logging policy's; the self-normalised variant
 * divides by the sum of the weights, trading a small bias for less variance. Both come with
 * normal-approximation intervals. Formulas: docs/analytics.md §23.
 */

export interface LoggedSend {
  /** What the policies condition on, e.g. the customer's segment. */
  context: string;
  /** The arm that was sent, e.g. channel × offer × hour. */
  arm: string;
  reward: number;
}

export type Probability = (context: string, arm: string) => number;

export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

export interface PolicyEvaluation {
  sends: number;
  /** Logged sends the target policy could also have made (π > 0). */
  supported: number;
  /** Kish's effective sample size of the weights, (Σw)² / Σw². */
  effectiveSampleSize: number;
  historical: Estimate;
  ips: Estimate;
  selfNormalised: Estimate;
}

/** z of a two-sided normal interval at `level` (0.8, 0.9, 0.95 or 0.99). */
export function normalQuantile(level: number): number {
  const table: Record<string, number> = {
    "0.8": 1.2815515655446004,
    "0.9": 1.6448536269514722,
    "0.95": 1.959963984540054,
    "0.99": 2.5758293035489004,
  };
  const z = table[String(level)];
  if (z === undefined) throw new RangeError(`unsupported interval level ${level}`);
  return z;
}

/**
 * The logging policy as the share of each arm among the logged sends of each context,
 * μ̂(a | x) = n(x, a) / n(x): the historical policy is not known, only what it did.
 */
export function empiricalPolicy(logged: readonly LoggedSend[]): Probability {
  const perContext = new Map<string, { total: number; arms: Map<string, number> }>();
  for (const send of logged) {
    const entry = perContext.get(send.context) ?? { total: 0, arms: new Map() };
    entry.total++;
    entry.arms.set(send.arm, (entry.arms.get(send.arm) ?? 0) + 1);
    perContext.set(send.context, entry);
  }
  return (context, arm) => {
    const entry = perContext.get(context);
    if (!entry) return 0;
    return (entry.arms.get(arm) ?? 0) / entry.total;
  };
}

/**
 * The target policy's value on `logged`, with `level` intervals. `logging` must be positive
 * for every logged send (it made it); arms the logging policy never sent contribute nothing,
 * which is why the plan keeps exploring.
 */
export function evaluatePolicy(
  logged: readonly LoggedSend[],
  target: Probability,
  logging: Probability,
  level = 0.95,
): PolicyEvaluation {
  const z = normalQuantile(level);
  const n = logged.length;
  if (n === 0) throw new RangeError("no logged sends to evaluate on");
  let rewardSum = 0;
  let rewardSquares = 0;
  const weighted = new Float64Array(n);
  const weights = new Float64Array(n);
  let supported = 0;
  for (let i = 0; i < n; i++) {
    const send = logged[i] as LoggedSend;
    const mu = logging(send.context, send.arm);
    if (!(mu > 0)) throw new RangeError(`logging probability of a logged send is ${mu}`);
    const w = target(send.context, send.arm) / mu;
    if (w > 0) supported++;
    weights[i] = w;
    weighted[i] = w * send.reward;
    rewardSum += send.reward;
    rewardSquares += send.reward * send.reward;
  }
  const historicalMean = rewardSum / n;
  const historicalSe = Math.sqrt(Math.max(0, rewardSquares / n - historicalMean ** 2) / n);

  let ipsSum = 0;
  let weightSum = 0;
  let weightSquares = 0;
  for (let i = 0; i < n; i++) {
    ipsSum += weighted[i] as number;
    weightSum += weights[i] as number;
    weightSquares += (weights[i] as number) ** 2;
  }
  const ips = ipsSum / n;
  let ipsSpread = 0;
  for (let i = 0; i < n; i++) ipsSpread += ((weighted[i] as number) - ips) ** 2;
  const ipsSe = Math.sqrt(ipsSpread / (n - 1 || 1) / n);

  const snips = weightSum > 0 ? ipsSum / weightSum : 0;
  // Delta method for a ratio estimator: Var ≈ Σ wᵢ² (rᵢ − V)² / (Σ wᵢ)².
  let ratioSpread = 0;
  for (let i = 0; i < n; i++) {
    const send = logged[i] as LoggedSend;
    ratioSpread += (weights[i] as number) ** 2 * (send.reward - snips) ** 2;
  }
  const snipsSe = weightSum > 0 ? Math.sqrt(ratioSpread) / weightSum : 0;

  const interval = (value: number, se: number): Estimate => ({
    value,
    lower: value - z * se,
    upper: value + z * se,
  });
  return {
    sends: n,
    supported,
    effectiveSampleSize: weightSquares > 0 ? weightSum ** 2 / weightSquares : 0,
    historical: interval(historicalMean, historicalSe),
    ips: interval(ips, ipsSe),
    selfNormalised: interval(snips, snipsSe),
  };
}
