/**
 * How long a failed job waits before its next attempt. Pure: the random source is
 * passed in, so tests can pin it.
 *
 * Exponential growth spaces retries out so a struggling dependency (a site returning
 * 503, a locked file) gets time to recover; the jitter spreads jobs that failed together
 * so they do not all come back in the same instant ("equal jitter": half the delay is
 * fixed, half is random, so a retry is never immediate).
 */
export interface BackoffOptions {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** Upper bound for the delay, before jitter. */
  maxMs: number;
  /** Returns a number in [0, 1). */
  random: () => number;
}

export const defaultBackoff: BackoffOptions = {
  baseMs: 5_000,
  maxMs: 15 * 60_000,
  random: Math.random,
};

/** Delay after the given failed attempt (1 = the first attempt failed). */
export function backoffDelayMs(failedAttempt: number, options: BackoffOptions = defaultBackoff) {
  const exponent = Math.max(0, failedAttempt - 1);
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const half = capped / 2;
  return Math.round(half + options.random() * half);
}
