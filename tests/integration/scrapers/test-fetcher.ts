/**
 * A fetcher for tests: loopback 127.0.0.1 allow-listed, no per-host delay, and waits
 * (backoff, Retry-After) that are recorded and skipped by moving a frozen clock forward.
 * The clock only moves when the fetcher sleeps, so a wait computed from "now" is exact
 * however slowly the machine runs.
 */
import { createFetcher, type FetcherOptions } from "#scrapers/fetch/fetch-page";

export function testFetcher(overrides: FetcherOptions = {}) {
  const startedAt = Date.now();
  let offset = 0;
  const waits: number[] = [];
  const fetcher = createFetcher({
    allowHosts: ["127.0.0.1"],
    perHostDelayMs: 0,
    timeoutMs: 2_000,
    backoffBaseMs: 1_000,
    now: () => startedAt + offset,
    sleep: async (ms) => {
      waits.push(ms);
      offset += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { fetcher, waits };
}
