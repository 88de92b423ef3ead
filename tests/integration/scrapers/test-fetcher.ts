/**
 * A fetcher for tests: loopback 127.0.0.1 allow-listed, no per-host delay, and waits
 * (backoff, Retry-After) that are recorded and skipped by moving a clock offset forward.
 */
import { createFetcher, type FetcherOptions } from "#scrapers/fetch/fetch-page";

export function testFetcher(overrides: FetcherOptions = {}) {
  let offset = 0;
  const waits: number[] = [];
  const fetcher = createFetcher({
    allowHosts: ["127.0.0.1"],
    perHostDelayMs: 0,
    timeoutMs: 2_000,
    backoffBaseMs: 1_000,
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      waits.push(ms);
      offset += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { fetcher, waits };
}
