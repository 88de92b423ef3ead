/**
 * The polite fetcher every scraper source uses: `createFetcher(options).fetchPage(url)`.
 *
 * Why composed here: each rule lives in its own module (address guard, robots, per-host
 * queue, retry policy, one raw request), and this file only fixes their order. For every
 * hop of a redirect chain: ask robots.txt for that origin, wait for the host's turn, resolve
 * and check the address, connect to exactly that address, then retry or follow as the
 * status says. Redirects are followed by hand so that each target passes all of it again.
 */
import { setMaxListeners } from "node:events";
import { createAllowList, hostOf, resolveGuarded } from "./address-guard";
import { PRODUCT_TOKEN } from "./config";
import { decodeBody } from "./decode-body";
import {
  HttpStatusError,
  RobotsDisallowedError,
  ScrapeFetchError,
  TooManyRedirectsError,
  UnsupportedUrlError,
} from "./errors";
import { type FetcherOptions, resolveFetcherOptions } from "./fetcher-options";
import { HostLimiter } from "./host-limiter";
import { type RawResponse, requestOnce } from "./http-request";
import { isRetryableError, isRetryableStatus, retryWait } from "./retry";
import { RobotsCache } from "./robots";

export type { FetcherOptions } from "./fetcher-options";

export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body size in bytes after content-encoding was removed, before charset decoding. */
  bytes: number;
  fetchedAt: Date;
  /** Requests made for this page: 1 plus the retries (redirect hops are not counted). */
  attempts: number;
}

export interface FetcherStats {
  pagesFetched: number;
  retries: number;
  redirects: number;
  robotsFetches: number;
}

export interface Fetcher {
  fetchPage(url: string, options?: { accept?: readonly string[] }): Promise<FetchedPage>;
  stats(): FetcherStats;
  /** Aborts requests in flight; later calls fail. */
  close(): Promise<void>;
}

interface HopOptions {
  accept?: readonly string[];
  maxBytes: number;
  maxAttempts: number;
  obeyRobots: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function httpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new UnsupportedUrlError(text, "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsupportedUrlError(url.href, `scheme ${url.protocol} is not http or https`);
  }
  if (url.username || url.password) {
    throw new UnsupportedUrlError(url.href, "URLs with credentials are not fetched");
  }
  url.hash = "";
  return url;
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const config = resolveFetcherOptions(options);
  const allowList = createAllowList(config.allowHosts);
  const closing = new AbortController();
  // Every request in flight listens for close(); there may be many hosts at once.
  setMaxListeners(0, closing.signal);
  const counters: FetcherStats = { pagesFetched: 0, retries: 0, redirects: 0, robotsFetches: 0 };
  const limiter = new HostLimiter({
    concurrency: config.perHostConcurrency,
    defaultDelayMs: config.perHostDelayMs,
    now: config.now,
    sleep: config.sleep,
  });
  const robots = new RobotsCache({
    productToken: PRODUCT_TOKEN,
    now: config.now,
    ttlMs: config.robotsTtlMs,
    errorTtlMs: config.robotsErrorTtlMs,
    fetchRobots: async (robotsUrl) => {
      counters.robotsFetches += 1;
      // One attempt: a failing robots.txt already means "disallow for a while".
      const hop = { maxBytes: config.robotsMaxBytes, maxAttempts: 1, obeyRobots: false };
      const { response } = await follow(httpUrl(robotsUrl), hop);
      return { status: response.status, body: response.body.toString("utf8") };
    },
  });

  function assertOpen(url: string) {
    if (closing.signal.aborted) throw new ScrapeFetchError(`fetcher is closed (${url})`, url);
  }

  /** One request for `url` in its host's queue, to the address checked just before. */
  function attempt(url: URL, hop: HopOptions): Promise<RawResponse> {
    return limiter.run(hostOf(url), async () => {
      assertOpen(url.href);
      const address = await resolveGuarded(url, { resolve: config.resolve, allowList });
      return requestOnce({
        url,
        address,
        headers: {
          "user-agent": config.userAgent,
          accept: hop.accept?.join(", ") ?? "*/*",
        },
        timeoutMs: config.timeoutMs,
        maxBytes: hop.maxBytes,
        accept: hop.accept,
        signal: closing.signal,
      });
    });
  }

  async function withRetries(url: URL, hop: HopOptions) {
    for (let attempts = 1; ; attempts += 1) {
      let response: RawResponse | undefined;
      try {
        response = await attempt(url, hop);
      } catch (error) {
        if (!isRetryableError(error) || attempts >= hop.maxAttempts) throw error;
      }
      if (response && (!isRetryableStatus(response.status) || attempts >= hop.maxAttempts)) {
        return { response, attempts };
      }
      const wait = retryWait({
        retry: attempts,
        retryAfter: response?.headers["retry-after"],
        nowMs: config.now(),
        backoff: { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs },
        maxRetryAfterMs: config.maxRetryAfterMs,
        random: config.random,
      });
      counters.retries += 1;
      // Holding the whole host, not just this request, is what Retry-After asks for.
      limiter.holdUntil(hostOf(url), config.now() + wait);
    }
  }

  async function checkRobots(url: URL) {
    const verdict = await robots.check(url);
    if (verdict.crawlDelayMs !== undefined) {
      limiter.setDelay(hostOf(url), Math.min(verdict.crawlDelayMs, config.maxCrawlDelayMs));
    }
    if (!verdict.allowed) throw new RobotsDisallowedError(url.href, verdict.reason);
  }

  /** Follows redirects by hand; returns the last response whatever its status. */
  async function follow(start: URL, hop: HopOptions) {
    let url = start;
    let retries = 0;
    for (let redirects = 0; ; redirects += 1) {
      if (hop.obeyRobots) await checkRobots(url);
      const result = await withRetries(url, hop);
      retries += result.attempts - 1;
      const location = result.response.headers.location;
      if (!REDIRECT_STATUSES.has(result.response.status) || !location) {
        return {
          url,
          response: result.response,
          attempts: 1 + retries,
          lastAttempts: result.attempts,
        };
      }
      if (redirects >= config.maxRedirects) {
        throw new TooManyRedirectsError(start.href, config.maxRedirects);
      }
      counters.redirects += 1;
      url = httpUrl(location, url);
    }
  }

  async function fetchPage(
    url: string,
    callOptions: { accept?: readonly string[] } = {},
  ): Promise<FetchedPage> {
    assertOpen(url);
    const accept = (callOptions.accept ?? config.accept).map((type) => type.toLowerCase());
    const hop = {
      accept,
      maxBytes: config.maxBytes,
      maxAttempts: config.maxAttempts,
      obeyRobots: true,
    };
    const result = await follow(httpUrl(url), hop);
    const { status, headers, body } = result.response;
    if (status < 200 || status > 299) {
      throw new HttpStatusError(result.url.href, status, result.lastAttempts);
    }
    counters.pagesFetched += 1;
    return {
      url: result.url.href,
      status,
      headers,
      body: decodeBody(body, headers["content-type"]),
      bytes: body.length,
      fetchedAt: new Date(config.now()),
      attempts: result.attempts,
    };
  }

  return {
    fetchPage,
    stats: () => ({ ...counters }),
    close: async () => closing.abort(),
  };
}
