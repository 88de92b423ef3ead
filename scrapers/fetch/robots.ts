/**
 * robots.txt per origin: fetched once, cached in memory, asked before every request.
 *
 * Why: obeying robots.txt is the first rule of polite scraping. Parsing is left to
 * robots-parser (wildcards, `$`, longest match, Crawl-delay). The policy for failures
 * follows RFC 9309: a missing file (4xx) allows everything; a server error, a 429 or a
 * network failure means we cannot know, so everything is disallowed until we ask again
 * (sooner than the 24 h a good answer is kept). The clock is injected for tests.
 */
import robotsParser from "robots-parser";
import { BlockedAddressError } from "./errors";

type Robot = ReturnType<typeof robotsParser>;

export type RobotsPolicy =
  | { kind: "rules"; robot: Robot }
  | { kind: "allow-all"; reason: string }
  | { kind: "disallow-all"; reason: string };

export interface RobotsResponse {
  status: number;
  body: string;
}

export interface RobotsVerdict {
  allowed: boolean;
  reason: string;
  /** Crawl-delay for our product token (or `*`), in milliseconds, when robots.txt sets one. */
  crawlDelayMs?: number;
}

export function robotsUrlFor(url: URL): string {
  return new URL("/robots.txt", url.origin).href;
}

/** Pure: what a robots.txt response means for the origin it was fetched from. */
export function policyFromResponse(robotsUrl: string, response: RobotsResponse): RobotsPolicy {
  const { status } = response;
  if (status >= 200 && status < 300) {
    return { kind: "rules", robot: robotsParser(robotsUrl, response.body) };
  }
  if (status === 429 || status >= 500) {
    return { kind: "disallow-all", reason: `robots.txt answered HTTP ${status}` };
  }
  if (status >= 400) return { kind: "allow-all", reason: `robots.txt answered HTTP ${status}` };
  return { kind: "disallow-all", reason: `robots.txt answered unexpected HTTP ${status}` };
}

/** Pure: may `productToken` fetch `url` under `policy`? */
export function verdictFor(policy: RobotsPolicy, url: string, productToken: string): RobotsVerdict {
  if (policy.kind !== "rules") {
    return { allowed: policy.kind === "allow-all", reason: policy.reason };
  }
  // undefined means the URL is not on this robots.txt's origin: refuse rather than guess.
  const allowed = policy.robot.isAllowed(url, productToken) === true;
  const line = policy.robot.getMatchingLineNumber(url, productToken);
  const reason = line > 0 ? `robots.txt line ${line}` : "no matching robots.txt rule";
  const delaySeconds = policy.robot.getCrawlDelay(productToken);
  const verdict: RobotsVerdict = { allowed, reason };
  if (typeof delaySeconds === "number" && Number.isFinite(delaySeconds) && delaySeconds > 0) {
    verdict.crawlDelayMs = delaySeconds * 1000;
  }
  return verdict;
}

export interface RobotsCacheOptions {
  /** Fetches a robots.txt URL (following redirects); throws on network failure. */
  fetchRobots: (robotsUrl: string) => Promise<RobotsResponse>;
  productToken: string;
  now: () => number;
  ttlMs: number;
  errorTtlMs: number;
}

interface CacheEntry {
  policy: Promise<RobotsPolicy>;
  expiresAt: number;
}

export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly options: RobotsCacheOptions) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const policy = await this.policyFor(url);
    return verdictFor(policy, url.href, this.options.productToken);
  }

  private policyFor(url: URL): Promise<RobotsPolicy> {
    const cached = this.entries.get(url.origin);
    if (cached && cached.expiresAt > this.options.now()) return cached.policy;
    // Concurrent callers for the same origin share one request.
    const entry: CacheEntry = { policy: this.load(url), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(url.origin, entry);
    entry.policy.then(
      (policy) => {
        const ttl = policy.kind === "disallow-all" ? this.options.errorTtlMs : this.options.ttlMs;
        entry.expiresAt = this.options.now() + ttl;
      },
      () => this.entries.delete(url.origin),
    );
    return entry.policy;
  }

  private async load(url: URL): Promise<RobotsPolicy> {
    const robotsUrl = robotsUrlFor(url);
    try {
      return policyFromResponse(robotsUrl, await this.options.fetchRobots(robotsUrl));
    } catch (error) {
      // A forbidden address is the caller's problem to see, not a robots.txt outcome.
      if (error instanceof BlockedAddressError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: "disallow-all", reason: `robots.txt could not be fetched: ${detail}` };
    }
  }
}
