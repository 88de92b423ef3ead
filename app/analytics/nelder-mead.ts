/**
 * Minimises a function of a few unconstrained parameters by the Nelder–Mead simplex
 * (Lagarias et al. 1998 coefficients: reflect 1, expand 2, contract ½, shrink ½). The
 * lifetime models fit 2–4 log-parameters by maximum likelihood, where a derivative-free
 * method is the usual choice (SciPy's and R's default for these models); no maintained npm
 * package offers one (docs/decisions/028-customer-value-baselines.md).
 */

export interface MinimiseOptions {
  /** Largest number of iterations (default 2,000 × parameters). */
  maxIterations?: number;
  /** Stop when the simplex's values and points agree within this (default 1e-10). */
  tolerance?: number;
  /** First step of each parameter from the start (default 0.5: the models use logs). */
  step?: number;
}

export interface Minimum {
  point: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function minimiseNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimiseOptions = {},
): Minimum {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.step ?? 0.5;
  // A non-finite value (a parameter outside the model's domain) counts as +∞.
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] = (vertex[i] as number) + step;
    simplex.push(vertex);
  }
  let values = simplex.map(value);
  const combine = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((ai, i) => ai + t * ((b[i] as number) - ai));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values
      .map((_, i) => i)
      .sort((i, j) => (values[i] as number) - (values[j] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    const spread = Math.max(
      ...simplex
        .slice(1)
        .map((v) => Math.max(...v.map((x, i) => Math.abs(x - (simplex[0]?.[i] as number))))),
    );
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance) && spread <= 1e-8) {
      return { point: simplex[0] as number[], value: best, iterations, converged: true };
    }
    const centroid = Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let v = 0; v < n; v++) sum += simplex[v]?.[i] as number;
      return sum / n;
    });
    const worstPoint = simplex[n] as number[];
    const reflected = combine(centroid, worstPoint, -1);
    const reflectedValue = value(reflected);
    if (reflectedValue < best) {
      const expanded = combine(centroid, worstPoint, -2);
      const expandedValue = value(expanded);
      const keepExpanded = expandedValue < reflectedValue;
      simplex[n] = keepExpanded ? expanded : reflected;
      values[n] = keepExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < (values[n - 1] as number)) {
      simplex[n] = reflected;
      values[n] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worst;
    const contracted = combine(centroid, outside ? reflected : worstPoint, 0.5);
    const contractedValue = value(contracted);
    if (contractedValue < (outside ? reflectedValue : worst)) {
      simplex[n] = contracted;
      values[n] = contractedValue;
      continue;
    }
    const bestPoint = simplex[0] as number[];
    simplex = simplex.map((v, i) => (i === 0 ? v : combine(bestPoint, v, 0.5)));
    values = simplex.map((v, i) => (i === 0 ? best : value(v)));
  }
  return {
    point: simplex[0] as number[],
    value: values[0] as number,
    iterations,
    converged: false,
  };
}
