/**
 * Fits the adstock + Hill response curve (response-curve.ts) to one channel's daily spend
 * and outcome. How: a coarse grid over decay × half-saturation × shape, with the ceiling
 * solved in closed form at each point (it enters linearly), picks the starts; then
 * Levenberg–Marquardt (ml-levenberg-marquardt, analytic Jacobian) refines the best few
 * inside the bounds. Why this way: docs/decisions/014-response-curve-fitting.md.
 *
 * Quality: R² in sample (fit on all days); NRMSE and MAPE on the last 20 % of days from a
 * second fit on the first 80 % (time split, never shuffled). Flags say in words when the
 * data cannot support a curve (not enough history) or cannot tell its shape (unidentified).
 */
import { levenbergMarquardt } from "ml-levenberg-marquardt";
import { dayNumber } from "./day-number";
import { message } from "./message-code";
import {
  adstock,
  type CurveParams,
  DECAY_MAX,
  DECAY_MIN,
  predictDaily,
  SHAPE_MAX,
  SHAPE_MIN,
} from "./response-curve";

export interface DailySeries {
  /** Consecutive days, YYYY-MM-DD, oldest first (days without spend included as 0). */
  dates: readonly string[];
  spend: ArrayLike<number>;
  outcome: ArrayLike<number>;
}

export type FitStatus = "ok" | "poor" | "unidentified" | "not-enough-history";

export interface FitQuality {
  r2: number;
  sse: number;
  /** RMSE / mean of the held-out days' outcome; null when the holdout has no outcome. */
  nrmseHoldout: number | null;
  /** Mean |error| / actual over held-out days with an outcome above 0; null when none. */
  mapeHoldout: number | null;
  holdoutDays: number;
}

export interface ResponseFit {
  status: FitStatus;
  /**
   * One reason per failed condition (empty when status is "ok"), as a catalogue key with its
   * figures (./message-code.ts), put into words in the reader's language where shown.
   */
  reasons: string[];
  params: CurveParams | null;
  quality: FitQuality | null;
  range: { from: string | null; to: string | null; days: number; weeksWithSpend: number };
  /** Best SSE per grid shape: flat means the data cannot tell the shape. */
  shapeProfile: { shape: number; sse: number }[];
}

export const MIN_WEEKS_WITH_SPEND = 8;
export const HOLDOUT_SHARE = 0.2;
/** SSE within 2 % across every grid shape: the saturation is not identified. */
export const FLAT_PROFILE_TOLERANCE = 0.02;
/** Spend on days with spend varying less than this (sd / mean): a narrow band. */
export const NARROW_BAND_CV = 0.1;
/** Below this in-sample R² the curve explains too little to plan with. */
export const POOR_R2 = 0.3;

const DECAY_GRID = Array.from({ length: 10 }, (_, i) => i * 0.1);
const SHAPE_GRID = [0.5, 0.75, 1, 1.5, 2, 2.5, 3, 3.5, 4];
const HALF_SATURATION_GRID_POINTS = 10;
const STARTS = 2;
/**
 * ml-levenberg-marquardt stops only at an absolute error or this count, and the error of a
 * noisy fit never reaches 0, so the count is the real budget: 20 from a grid start, fewer
 * from an already fitted curve (holdout fit, bootstrap refits).
 */
export const LM_ITERATIONS = 20;
export const LM_ITERATIONS_FROM_FIT = 10;

interface Bounds {
  kMin: number;
  kMax: number;
}

interface CoreFit {
  params: CurveParams;
  sse: number;
  shapeProfile: { shape: number; sse: number }[];
}

/** Fits one outcome of one channel; never throws on data, reports instead. */
export function fitResponseCurve(series: DailySeries): ResponseFit {
  const n = series.dates.length;
  const weeksWithSpend = countWeeksWithSpend(series);
  const range = {
    from: series.dates[0] ?? null,
    to: series.dates[n - 1] ?? null,
    days: n,
    weeksWithSpend,
  };
  const reasons = historyProblems(series, weeksWithSpend);
  if (reasons.length)
    return {
      status: "not-enough-history",
      reasons,
      params: null,
      quality: null,
      range,
      shapeProfile: [],
    };

  const full = fitCore(series.spend, series.outcome, n);
  const holdoutStart = Math.max(1, Math.floor(n * (1 - HOLDOUT_SHARE)));
  // The 80 % fit starts from the full fit (no second grid): it is the same curve, less data.
  const train = fitCore(
    series.spend,
    series.outcome,
    holdoutStart,
    [full.params],
    LM_ITERATIONS_FROM_FIT,
  );
  const quality = {
    ...holdoutErrors(series, train.params, holdoutStart),
    r2: rSquared(series.outcome, full.sse, n),
    sse: full.sse,
  };
  const flags = identificationProblems(series.spend, full.shapeProfile);
  if (quality.r2 < POOR_R2)
    flags.poor.push(
      message("messages:fit.poorR2", {
        percent: round(quality.r2 * 100, 0),
        r2: round(quality.r2, 2),
        least: POOR_R2,
      }),
    );
  const status: FitStatus = flags.unidentified.length
    ? "unidentified"
    : flags.poor.length
      ? "poor"
      : "ok";
  return {
    status,
    reasons: [...flags.unidentified, ...flags.poor],
    params: full.params,
    quality,
    range,
    shapeProfile: full.shapeProfile,
  };
}

function countWeeksWithSpend(series: DailySeries): number {
  const weeks = new Set<number>();
  for (let t = 0; t < series.dates.length; t++)
    if ((series.spend[t] as number) > 0)
      // Weeks run Monday to Sunday: day 0 of the epoch (1970-01-01) was a Thursday.
      weeks.add(Math.floor((dayNumber(series.dates[t] as string) + 3) / 7));
  return weeks.size;
}

function historyProblems(series: DailySeries, weeksWithSpend: number): string[] {
  const problems: string[] = [];
  if (weeksWithSpend < MIN_WEEKS_WITH_SPEND)
    problems.push(
      message("messages:fit.fewWeeks", { count: weeksWithSpend, needed: MIN_WEEKS_WITH_SPEND }),
    );
  const positive = positiveValues(series.spend);
  if (positive.length > 0 && Math.max(...positive) === Math.min(...positive))
    problems.push(message("messages:fit.constantSpend", { spend: positive[0] as number }));
  let outcomeTotal = 0;
  for (let t = 0; t < series.outcome.length; t++) outcomeTotal += series.outcome[t] as number;
  if (!(outcomeTotal > 0)) problems.push(message("messages:fit.noOutcome"));
  return problems;
}

function identificationProblems(
  spend: ArrayLike<number>,
  profile: { shape: number; sse: number }[],
): { unidentified: string[]; poor: string[] } {
  const unidentified: string[] = [];
  const positive = positiveValues(spend);
  const mean = positive.reduce((s, v) => s + v, 0) / positive.length;
  const sd = Math.sqrt(positive.reduce((s, v) => s + (v - mean) ** 2, 0) / positive.length);
  if (sd / mean < NARROW_BAND_CV)
    unidentified.push(
      message("messages:fit.narrowBand", {
        percent: round((sd / mean) * 100, 1),
        limit: NARROW_BAND_CV * 100,
      }),
    );
  const sses = profile.map((p) => p.sse);
  const best = Math.min(...sses);
  const worst = Math.max(...sses);
  if (best > 0 && (worst - best) / best < FLAT_PROFILE_TOLERANCE)
    unidentified.push(
      message("messages:fit.flatProfile", {
        from: SHAPE_MIN,
        to: SHAPE_MAX,
        tolerance: FLAT_PROFILE_TOLERANCE * 100,
      }),
    );
  return { unidentified, poor: [] };
}

function positiveValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let t = 0; t < values.length; t++)
    if ((values[t] as number) > 0) out.push(values[t] as number);
  return out;
}

function rSquared(outcome: ArrayLike<number>, sse: number, n: number): number {
  let mean = 0;
  for (let t = 0; t < n; t++) mean += outcome[t] as number;
  mean /= n;
  let sst = 0;
  for (let t = 0; t < n; t++) sst += ((outcome[t] as number) - mean) ** 2;
  return sst > 0 ? 1 - sse / sst : 0;
}

function holdoutErrors(
  series: DailySeries,
  params: CurveParams,
  holdoutStart: number,
): Omit<FitQuality, "r2" | "sse"> {
  const predicted = predictDaily(series.spend, params);
  const n = series.dates.length;
  let squares = 0;
  let actualSum = 0;
  let ape = 0;
  let apeDays = 0;
  for (let t = holdoutStart; t < n; t++) {
    const actual = series.outcome[t] as number;
    const error = actual - (predicted[t] as number);
    squares += error * error;
    actualSum += actual;
    if (actual > 0) {
      ape += Math.abs(error) / actual;
      apeDays++;
    }
  }
  const days = n - holdoutStart;
  const meanActual = actualSum / days;
  return {
    nrmseHoldout: days > 0 && meanActual > 0 ? Math.sqrt(squares / days) / meanActual : null,
    mapeHoldout: apeDays > 0 ? ape / apeDays : null,
    holdoutDays: days,
  };
}

/** K's box: from the smallest positive spend to the largest adstock the decay bound allows. */
function halfSaturationBounds(spend: ArrayLike<number>, fitDays: number): Bounds {
  const head = Array.from({ length: fitDays }, (_, t) => spend[t] as number);
  const positive = head.filter((v) => v > 0);
  const widest = adstock(head, DECAY_MAX);
  let kMax = 0;
  for (const v of widest) kMax = Math.max(kMax, v);
  return { kMin: Math.min(...positive), kMax };
}

/** Grid for starts, then LM from the best STARTS grid points; fits days [0, fitDays). */
export function fitCore(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  fitDays: number,
  starts?: CurveParams[],
  maxIterations = LM_ITERATIONS,
): CoreFit {
  const bounds = halfSaturationBounds(spend, fitDays);
  let yScale = 0;
  for (let t = 0; t < fitDays; t++) yScale = Math.max(yScale, outcome[t] as number);
  yScale ||= 1;
  const grid = starts ? null : gridSearch(spend, outcome, fitDays, bounds);
  const candidates = starts ?? (grid?.best ?? []).map((g) => g.params);
  let best: { params: CurveParams; sse: number } | null = null;
  for (const start of candidates) {
    const refined = refine(spend, outcome, fitDays, start, bounds, yScale, maxIterations);
    if (!best || refined.sse < best.sse) best = refined;
  }
  if (!best) throw new Error("No starting point for the curve fit");
  return { ...best, shapeProfile: grid?.profile ?? [] };
}

function gridSearch(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  fitDays: number,
  bounds: Bounds,
): { best: { params: CurveParams; sse: number }[]; profile: { shape: number; sse: number }[] } {
  let yy = 0;
  for (let t = 0; t < fitDays; t++) yy += (outcome[t] as number) ** 2;
  const points: { params: CurveParams; sse: number }[] = [];
  const profile = SHAPE_GRID.map((shape) => ({ shape, sse: Number.POSITIVE_INFINITY }));
  const logA = new Float64Array(fitDays);
  const h = new Float64Array(fitDays);
  const logKMin = Math.log(bounds.kMin);
  const logKStep = (Math.log(bounds.kMax) - logKMin) / (HALF_SATURATION_GRID_POINTS - 1);
  for (const decay of DECAY_GRID) {
    const a = adstock(spend, decay);
    for (let t = 0; t < fitDays; t++)
      logA[t] = (a[t] as number) > 0 ? Math.log(a[t] as number) : Number.NEGATIVE_INFINITY;
    for (let k = 0; k < HALF_SATURATION_GRID_POINTS; k++) {
      const logK = logKMin + k * logKStep;
      for (let si = 0; si < SHAPE_GRID.length; si++) {
        const shape = SHAPE_GRID[si] as number;
        let hy = 0;
        let hh = 0;
        for (let t = 0; t < fitDays; t++) {
          const value = 1 / (1 + Math.exp(shape * (logK - (logA[t] as number))));
          h[t] = value;
          hy += value * (outcome[t] as number);
          hh += value * value;
        }
        // The ceiling enters linearly: its least-squares value is Σhy / Σh², clipped at 0.
        const ceiling = hh > 0 ? Math.max(0, hy / hh) : 0;
        const sse = yy - 2 * ceiling * hy + ceiling * ceiling * hh;
        const entry = profile[si] as { shape: number; sse: number };
        entry.sse = Math.min(entry.sse, sse);
        points.push({ params: { decay, halfSaturation: Math.exp(logK), shape, ceiling }, sse });
      }
    }
  }
  points.sort((x, y) => x.sse - y.sse);
  return { best: distinctStarts(points), profile };
}

/** The best grid points that differ in decay or shape, so LM starts in different basins. */
function distinctStarts(sorted: { params: CurveParams; sse: number }[]) {
  const chosen: { params: CurveParams; sse: number }[] = [];
  for (const point of sorted) {
    if (chosen.length >= STARTS) break;
    const near = chosen.some(
      (c) =>
        Math.abs(c.params.decay - point.params.decay) < 0.11 &&
        Math.abs(c.params.shape - point.params.shape) < 0.6,
    );
    if (!near) chosen.push(point);
  }
  return chosen;
}

/**
 * LM on scaled parameters [λ, K / kScale, s, β / yScale] so every step size is of order 1;
 * the Jacobian is analytic (the decay's derivative follows the adstock recursion).
 */
function refine(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  fitDays: number,
  start: CurveParams,
  bounds: Bounds,
  yScale: number,
  maxIterations: number,
): { params: CurveParams; sse: number } {
  const kScale = bounds.kMax;
  const x = Array.from({ length: fitDays }, (_, t) => t);
  const y = Array.from({ length: fitDays }, (_, t) => (outcome[t] as number) / yScale);
  let cacheKey = "";
  let cache: { value: Float64Array; jacobian: number[][] } = {
    value: new Float64Array(0),
    jacobian: [],
  };
  const evaluate = (p: number[]) => {
    const key = p.join(",");
    if (key === cacheKey) return cache;
    const [decay, kRel, shape, beta] = p as [number, number, number, number];
    const k = kRel * kScale;
    const value = new Float64Array(fitDays);
    const jacobian = Array.from({ length: fitDays }, () => [0, 0, 0, 0]);
    let a = 0;
    let dA = 0;
    for (let t = 0; t < fitDays; t++) {
      const previous = a;
      a = (spend[t] as number) + decay * previous;
      dA = previous + decay * dA;
      const row = jacobian[t] as number[];
      // Long after the last spend the adstock decays towards 1e-300: h is 0 there, and
      // dA / a would be ∞ · 0 = NaN, which the solver cannot take.
      if (a <= 0) continue;
      const h = 1 / (1 + (k / a) ** shape);
      if (!(h > 1e-12)) continue;
      const slope = shape * h * (1 - h);
      value[t] = beta * h;
      row[0] = (beta * slope * dA) / a;
      row[1] = (-beta * slope) / kRel;
      row[2] = beta * h * (1 - h) * Math.log(a / k);
      row[3] = h;
    }
    cacheKey = key;
    cache = { value, jacobian };
    return cache;
  };
  const result = levenbergMarquardt(
    { x, y },
    (p) => {
      const { value } = evaluate(p);
      return (t) => value[t] as number;
    },
    {
      initialValues: [
        start.decay,
        start.halfSaturation / kScale,
        start.shape,
        Math.max(start.ceiling / yScale, 1e-6),
      ],
      minValues: [DECAY_MIN, bounds.kMin / kScale, SHAPE_MIN, 0],
      maxValues: [DECAY_MAX, 1, SHAPE_MAX, 1e6],
      jacobianFunction: (p) => {
        const { jacobian } = evaluate(p);
        return (t) => jacobian[t] as number[];
      },
      maxIterations,
      errorTolerance: 1e-12,
      damping: 1e-2,
    },
  );
  const [decay, kRel, shape, beta] = result.parameterValues as [number, number, number, number];
  const refined = { decay, halfSaturation: kRel * kScale, shape, ceiling: beta * yScale };
  const startSse = sseOf(spend, outcome, fitDays, start);
  const refinedSse = sseOf(spend, outcome, fitDays, refined);
  // LM never returns worse than its start in theory; the guard keeps the grid point if so.
  return refinedSse <= startSse
    ? { params: refined, sse: refinedSse }
    : { params: start, sse: startSse };
}

export function sseOf(
  spend: ArrayLike<number>,
  outcome: ArrayLike<number>,
  fitDays: number,
  params: CurveParams,
): number {
  const predicted = predictDaily(spend, params);
  let sse = 0;
  for (let t = 0; t < fitDays; t++) sse += ((outcome[t] as number) - (predicted[t] as number)) ** 2;
  return sse;
}

/** A figure rounded for a message (the message's language writes its decimal mark). */
function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
