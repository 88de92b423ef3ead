/**
 * BG/NBD and Gamma-Gamma against the papers' worked figures, closed forms of the special
 * functions, and parameter recovery on data simulated from known parameters.
 */
import { describe, expect, it } from "vitest";
import {
  bgNbdTotalLogLikelihood,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type RepeatHistory,
} from "~/analytics/bg-nbd";
import { expectedMeanSpend, fitGammaGamma, type SpendHistory } from "~/analytics/gamma-gamma";
import { minimiseNelderMead } from "~/analytics/nelder-mead";
import { createRandom, type SeededRandom } from "~/analytics/random";
import { hypergeometric2F1, logBeta, logGamma } from "~/analytics/special-functions";

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gammaDraw(random: SeededRandom, shape: number, rate: number): number {
  if (shape < 1) return gammaDraw(random, shape + 1, rate) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    // Box–Muller normal.
    const n = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    const v = (1 + c * n) ** 3;
    if (v <= 0) continue;
    const u = 1 - random.next();
    if (Math.log(u) < 0.5 * n * n + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** One customer's repeat history under BG/NBD, watched for T days after the first purchase. */
function simulateCustomer(
  random: SeededRandom,
  params: { r: number; alpha: number; a: number; b: number },
  T: number,
): RepeatHistory {
  const lambda = gammaDraw(random, params.r, params.alpha);
  const ga = gammaDraw(random, params.a, 1);
  const dropout = ga / (ga + gammaDraw(random, params.b, 1));
  let time = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    time += -Math.log(1 - random.next()) / lambda;
    if (time > T) break;
    x += 1;
    tx = time;
    if (random.next() < dropout) break;
  }
  return { x, tx, T };
}

describe("special functions", () => {
  it("ln Γ matches factorials, √π and a tabulated small value", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.2527126517342055, 10);
    expect(logGamma(171.5)).toBeCloseTo(709.1431630309282, 9); // Python math.lgamma
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
  });

  it("₂F₁ matches its closed forms", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      const expected = z === 0 ? 1 : -Math.log(1 - z) / z;
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(expected, 10);
      // ₂F₁(a, b; b; z) = (1 − z)^−a
      expect(hypergeometric2F1(2.5, 3, 3, z)).toBeCloseTo((1 - z) ** -2.5, 8);
    }
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
  });

  it("Nelder–Mead finds the Rosenbrock minimum from the classic start", () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(1, 4);
  });
});

describe("BG/NBD", () => {
  // The paper's CDNOW estimates (weeks) and its worked customer: x = 2, tₓ = 30.43, T = 38.86.
  const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const customer = { x: 2, tx: 30.43, T: 38.86 };

  it("reproduces the paper's conditional expectation for the next 39 weeks (1.226)", () => {
    expect(expectedPurchases(cdnow, customer, 39)).toBeCloseTo(1.226, 3);
  });

  it("P(alive) by hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))", () => {
    const ratio = ((4.414 + 38.86) / (4.414 + 30.43)) ** (0.243 + 2);
    const byHand = 1 / (1 + (0.793 / (2.426 + 2 - 1)) * ratio);
    expect(probabilityAlive(cdnow, customer)).toBeCloseTo(byHand, 12);
    expect(byHand).toBeCloseTo(0.7266, 3);
    // Without repeat purchases the customer has had no chance to drop out.
    expect(probabilityAlive(cdnow, { x: 0, tx: 0, T: 38.86 })).toBe(1);
  });

  it("the expectation grows with the horizon and vanishes at 0", () => {
    expect(expectedPurchases(cdnow, customer, 0)).toBe(0);
    const horizons = [1, 10, 39, 78, 200].map((t) => expectedPurchases(cdnow, customer, t));
    for (let i = 1; i < horizons.length; i++) {
      expect(horizons[i] as number).toBeGreaterThan(horizons[i - 1] as number);
    }
  });

  it("recovers known parameters from 4,000 simulated customers", () => {
    const truth = { r: 0.6, alpha: 25, a: 0.9, b: 3 };
    const random = createRandom(20261202);
    const histories = Array.from({ length: 4000 }, () =>
      simulateCustomer(random, truth, 180 + random.next() * 360),
    );
    const fit = fitBgNbd(histories);
    expect(fit.converged).toBe(true);
    // The optimum is at least as likely as the truth (it is the maximum).
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdTotalLogLikelihood(truth, histories));
    expect(fit.parameters.r).toBeGreaterThan(truth.r * 0.8);
    expect(fit.parameters.r).toBeLessThan(truth.r * 1.25);
    expect(fit.parameters.alpha / fit.parameters.r).toBeCloseTo(truth.alpha / truth.r, -1);
    // Mean dropout probability a/(a+b) is identified better than a and b apart.
    const meanDropout = fit.parameters.a / (fit.parameters.a + fit.parameters.b);
    expect(meanDropout).toBeGreaterThan(0.23 * 0.75);
    expect(meanDropout).toBeLessThan(0.23 * 1.3);
  });
});

describe("Gamma-Gamma", () => {
  it("shrinks a customer's mean toward the population mean by p·x / (p·x + q − 1)", () => {
    const g = { p: 6.25, q: 3.74, gamma: 15.44 }; // the 2013 note's CDNOW estimates
    const population = (6.25 * 15.44) / (3.74 - 1);
    const one = expectedMeanSpend(g, { x: 1, mean: 100 });
    const weight = 6.25 / (6.25 + 2.74);
    expect(one).toBeCloseTo((1 - weight) * population + weight * 100, 12);
    expect(population).toBeCloseTo(35.22, 2);
    // More transactions, more weight on the customer's own mean.
    expect(expectedMeanSpend(g, { x: 20, mean: 100 })).toBeGreaterThan(one);
  });

  it("recovers known parameters from simulated spend", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const random = createRandom(7);
    const histories: SpendHistory[] = Array.from({ length: 3000 }, () => {
      const nu = gammaDraw(random, truth.q, truth.gamma);
      const x = 1 + random.nextInt(8);
      let sum = 0;
      for (let i = 0; i < x; i++) sum += gammaDraw(random, truth.p, nu);
      return { x, mean: sum / x };
    });
    const fit = fitGammaGamma(histories);
    expect(fit.converged).toBe(true);
    const populationMean = (fit.parameters.p * fit.parameters.gamma) / (fit.parameters.q - 1);
    expect(populationMean).toBeGreaterThan(30 * 0.9);
    expect(populationMean).toBeLessThan(30 * 1.1);
    expect(fit.parameters.p).toBeGreaterThan(6 * 0.8);
    expect(fit.parameters.p).toBeLessThan(6 * 1.25);
  });
});

describe("₂F₁ against SciPy", () => {
  it("matches scipy.special.hyp2f1 at the paper's worked customer", () => {
    // python3 -c "from scipy.special import hyp2f1; print(hyp2f1(2.243, 4.426, 4.219, 39/82.274))"
    expect(
      hypergeometric2F1(2.243, 4.426, 0.793 + 2.426 + 2 - 1, 39 / (4.414 + 38.86 + 39)),
    ).toBeCloseTo(4.575315897643688, 10);
  });
});
