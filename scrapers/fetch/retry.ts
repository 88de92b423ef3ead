/**
 * When to try a request again, and how long to wait first. Pure functions.
 *
 * Why: a busy or flaky site (429, 5xx, dropped connections, timeouts) usually recovers, and
 * hammering it makes things worse. Waits grow exponentially with "full jitter" (a uniform
 * draw between 0 and the exponential ceiling, as in the AWS architecture blog's analysis),
 * so many workers do not retry in lockstep. When the server says `Retry-After`, we wait that
 * long instead, capped so that a silly value cannot stall a worker for hours.
 */
import { NetworkError, TimeoutError } from "./errors";

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

export function isRetryableError(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/**
 * `Retry-After` as milliseconds from `nowMs`: either delay-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). A date in the past means 0; garbage means undefined.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // "1.5" or "-3" are not valid either form
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Full jitter: uniform in [0, min(maxMs, baseMs * 2^(retry-1))); `retry` starts at 1. */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryWaitInput {
  retry: number;
  retryAfter: string | undefined;
  nowMs: number;
  backoff: BackoffOptions;
  maxRetryAfterMs: number;
  random: () => number;
}

export function retryWait(input: RetryWaitInput): number {
  const asked = parseRetryAfter(input.retryAfter, input.nowMs);
  if (asked !== undefined) return Math.min(asked, input.maxRetryAfterMs);
  return backoffDelay(input.retry, input.backoff, input.random);
}
