import { describe, expect, it } from "vitest";
import { HttpStatusError, NetworkError, TimeoutError } from "#scrapers/fetch/errors";
import {
  backoffDelay,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryWait,
} from "#scrapers/fetch/retry";

const NOW = Date.parse("2025-03-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:59:00 GMT", NOW)).toBe(0);
  });

  it("ignores missing or malformed values", () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("1.5", NOW)).toBeUndefined();
    expect(parseRetryAfter("-3", NOW)).toBeUndefined();
  });
});

describe("backoffDelay (full jitter)", () => {
  const options = { baseMs: 1000, maxMs: 5000 };
  it("draws uniformly below base * 2^(retry-1)", () => {
    expect(backoffDelay(1, options, () => 0.5)).toBe(500);
    expect(backoffDelay(2, options, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, options, () => 0.25)).toBe(1000);
    expect(backoffDelay(1, options, () => 0)).toBe(0);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelay(10, options, () => 0.999)).toBe(4995);
  });
});

describe("retryWait", () => {
  const base = {
    nowMs: NOW,
    backoff: { baseMs: 1000, maxMs: 8000 },
    maxRetryAfterMs: 60_000,
    random: () => 0.5,
  };
  it("prefers Retry-After, capped", () => {
    expect(retryWait({ ...base, retry: 1, retryAfter: "7" })).toBe(7000);
    expect(retryWait({ ...base, retry: 1, retryAfter: "86400" })).toBe(60_000);
  });

  it("falls back to jittered backoff", () => {
    expect(retryWait({ ...base, retry: 2, retryAfter: undefined })).toBe(1000);
    expect(retryWait({ ...base, retry: 2, retryAfter: "garbage" })).toBe(1000);
  });
});

describe("what is retried", () => {
  it("retries 429 and 5xx only", () => {
    expect([429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });

  it("retries network errors and timeouts, not HTTP status errors", () => {
    expect(
      isRetryableError(new NetworkError("http://a.test/", "ECONNRESET", new Error("reset"))),
    ).toBe(true);
    expect(isRetryableError(new TimeoutError("http://a.test/", 10))).toBe(true);
    expect(isRetryableError(new HttpStatusError("http://a.test/", 404, 1))).toBe(false);
    expect(isRetryableError(new Error("other"))).toBe(false);
  });
});
