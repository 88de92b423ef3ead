/**
 * The two special functions the customer-lifetime models need: ln Γ(x) and Gauss's
 * hypergeometric ₂F₁(a, b; c; z) for 0 ≤ z < 1. Neither is in the ml-* packages; both are
 * short, classical and checked against SciPy's gammaln / hyp2f1 (bench/clv-reference.py).
 */

/** Lanczos coefficients (g = 7, n = 9), the set used by many numerical libraries. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0, about 15 significant digits (Lanczos approximation). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  // Reflection keeps the series in its accurate range for small x.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0] as number;
  for (let k = 1; k < LANCZOS.length; k++) sum += (LANCZOS[k] as number) / (shifted + k);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * ₂F₁(a, b; c; z) by its power series Σ (a)ₖ(b)ₖ/(c)ₖ · zᵏ/k!, for c > 0 and 0 ≤ z < 1.
 * The BG/NBD expectation calls it with z = t / (α + T + t), below 1 for any horizon; the
 * series is summed until a term no longer changes the sum (at most 100,000 terms, which
 * covers z up to about 0.9995 for the parameters the models meet).
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hypergeometric2F1 needs 0 ≤ z < 1, got ${z}`);
  if (!(c > 0)) throw new RangeError(`hypergeometric2F1 needs c > 0, got ${c}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    if (next === sum) return sum;
    sum = next;
  }
  throw new RangeError(`hypergeometric2F1(${a}, ${b}; ${c}; ${z}) did not converge`);
}
