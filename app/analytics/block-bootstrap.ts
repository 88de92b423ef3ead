/**
 * Circular block bootstrap over days (Politis & Romano 1992). Days are cut into blocks of
 * 7 consecutive days so weekday patterns and short runs of related days stay together; a
 * resample is ⌈n / 7⌉ blocks with uniformly drawn starts, wrapping from the last day to
 * the first, cut to n days. The interval is the percentile interval of the statistic over
 * the resamples: for 80 %, the 10th and 90th percentiles (type 7 quantiles). Seeded, so
 * the same days and seed always give the same interval. docs/analytics.md, "Campaign ROI".
 */
import { createRandom, type SeededRandom } from "./random";
import { quantileSorted } from "./stats";

/** Days per block: one week. */
export const BLOCK_DAYS = 7;
/** Resamples per interval: enough for stable 10th/90th percentiles (±~1 % of coverage). */
export const DEFAULT_RESAMPLES = 1_000;
/** Interval level by default. */
export const DEFAULT_LEVEL = 0.8;
/** Fewer days than two blocks cannot show variation between weeks: no interval. */
export const MIN_BOOTSTRAP_DAYS = 2 * BLOCK_DAYS;
/** A statistic left undefined (zero denominator) in more resamples than this has no interval. */
export const MAX_UNDEFINED_SHARE = 0.05;
export const DEFAULT_SEED = 42;

export interface BootstrapOptions {
  resamples?: number;
  level?: number;
  seed?: number;
  blockLength?: number;
}

export type BootstrapInterval =
  | { low: number; high: number; reason?: undefined }
  | { low: null; high: null; reason: string };

/** The day indices of one circular block resample of n days, in resample order. */
export function circularBlockResample(
  n: number,
  blockLength: number,
  random: SeededRandom,
  into = new Int32Array(n),
): Int32Array {
  let filled = 0;
  while (filled < n) {
    const start = random.nextInt(n);
    for (let k = 0; k < blockLength && filled < n; k++) into[filled++] = (start + k) % n;
  }
  return into;
}

/**
 * Percentile intervals of several statistics over the same resamples. `statistics` gets a
 * resample's day indices and returns one value per statistic (null where undefined in that
 * resample). Returns one interval, or the reason there is none, per statistic.
 */
export function blockBootstrapIntervals(
  days: number,
  count: number,
  statistics: (indices: Int32Array) => readonly (number | null)[],
  options: BootstrapOptions = {},
): BootstrapInterval[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  const blockLength = options.blockLength ?? BLOCK_DAYS;
  if (!(level > 0 && level < 1)) throw new Error(`The interval level must be between 0 and 1`);
  if (days < MIN_BOOTSTRAP_DAYS) {
    const reason = `${days} day${days === 1 ? "" : "s"} of daily rows; an interval needs at least ${MIN_BOOTSTRAP_DAYS}`;
    return Array.from({ length: count }, () => ({ low: null, high: null, reason }));
  }
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const draws = Array.from({ length: count }, () => new Float64Array(resamples));
  const defined = new Int32Array(count);
  const indices = new Int32Array(days);
  for (let r = 0; r < resamples; r++) {
    const values = statistics(circularBlockResample(days, blockLength, random, indices));
    for (let s = 0; s < count; s++) {
      const value = values[s];
      if (value === null || value === undefined || !Number.isFinite(value)) continue;
      const at = defined[s] as number;
      (draws[s] as Float64Array)[at] = value;
      defined[s] = at + 1;
    }
  }
  const tail = (1 - level) / 2;
  return draws.map((all, s) => {
    const valid = defined[s] as number;
    if (valid < resamples * (1 - MAX_UNDEFINED_SHARE)) {
      return {
        low: null,
        high: null,
        reason: `undefined in ${resamples - valid} of ${resamples} resamples`,
      };
    }
    const sorted = all.subarray(0, valid).sort();
    return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
  });
}
