/**
 * Options for createFetcher, and how missing ones are filled in.
 *
 * Why a separate file: the fetcher itself should read as the sequence of steps it takes;
 * the long list of knobs and their defaults (config.ts, environment) lives here.
 */
import { type Resolver, systemResolver } from "./address-guard";
import { FETCH_DEFAULTS, readScraperEnv } from "./config";

export interface FetcherOptions {
  /** Defaults to `Channelscope/0.1 (+SCRAPER_CONTACT_URL)`. */
  userAgent?: string;
  /** Hosts or IPs exempt from the address guard; defaults to SCRAPER_ALLOW_HOSTS. */
  allowHosts?: readonly string[];
  perHostConcurrency?: number;
  perHostDelayMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterMs?: number;
  maxCrawlDelayMs?: number;
  robotsTtlMs?: number;
  robotsErrorTtlMs?: number;
  robotsMaxBytes?: number;
  /** MIME types accepted when a call does not say; defaults to HTML. */
  accept?: readonly string[];
  /** Injected for tests: the clock, the way to wait, the jitter source, DNS. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  resolve?: Resolver;
}

export type ResolvedFetcherOptions = Required<FetcherOptions>;

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function resolveFetcherOptions(options: FetcherOptions): ResolvedFetcherOptions {
  const needsEnv = options.userAgent === undefined || options.allowHosts === undefined;
  const env = needsEnv ? readScraperEnv() : undefined;
  const resolved: ResolvedFetcherOptions = {
    ...FETCH_DEFAULTS,
    userAgent: options.userAgent ?? env?.userAgent ?? "",
    allowHosts: options.allowHosts ?? env?.allowHosts ?? [],
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    resolve: systemResolver,
  };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  for (const key of ["perHostConcurrency", "maxAttempts", "timeoutMs", "maxBytes"] as const) {
    if (!(resolved[key] >= 1)) throw new RangeError(`fetcher option ${key} must be at least 1`);
  }
  return resolved;
}
