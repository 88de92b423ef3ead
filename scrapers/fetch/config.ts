/**
 * Who the scraper says it is and how gently it fetches by default.
 *
 * Why: site owners must be able to see who is crawling them and how to reach us, so the
 * User-Agent names the product and a contact URL, and robots.txt groups are matched on the
 * bare product token. The numbers below are the polite defaults every fetcher starts from;
 * callers (and tests) override them per fetcher, never by editing this file.
 */
import { z } from "zod";

/** The token site owners write in robots.txt (`User-agent: Channelscope`). */
export const PRODUCT_TOKEN = "Channelscope";
export const PRODUCT_VERSION = "0.1";
export const DEFAULT_CONTACT_URL = "https://github.com/channelscope/channelscope";

export const FETCH_DEFAULTS = {
  perHostConcurrency: 1,
  perHostDelayMs: 2_000,
  maxAttempts: 3,
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  /** A hostile or mistaken `Retry-After: 86400` must not stall a worker for a day. */
  maxRetryAfterMs: 120_000,
  /** Likewise for `Crawl-delay`: above this we still wait, but only this long. */
  maxCrawlDelayMs: 60_000,
  robotsTtlMs: 24 * 60 * 60 * 1000,
  /** A failing robots.txt blocks the origin, but is asked again sooner than a good one. */
  robotsErrorTtlMs: 60 * 60 * 1000,
  /** Google reads at most 500 KiB of robots.txt; anything bigger is not a real file. */
  robotsMaxBytes: 512 * 1024,
  accept: ["text/html", "application/xhtml+xml"],
} as const;

export function userAgentFor(contactUrl: string): string {
  return `${PRODUCT_TOKEN}/${PRODUCT_VERSION} (+${contactUrl})`;
}

/** "127.0.0.1, Example.test ,[::1]" -> ["127.0.0.1", "example.test", "::1"] */
export function parseAllowHosts(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, "$1"),
    )
    .filter((entry) => entry.length > 0);
}

const ScraperEnvSchema = z.object({
  SCRAPER_CONTACT_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_CONTACT_URL),
  SCRAPER_ALLOW_HOSTS: z.string().default(""),
});

export interface ScraperEnv {
  contactUrl: string;
  userAgent: string;
  /** Hosts or IPs that may be fetched even though they are private or loopback (tests). */
  allowHosts: string[];
}

export function readScraperEnv(env: Record<string, string | undefined> = process.env): ScraperEnv {
  const parsed = ScraperEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid scraper configuration: ${problems.join("; ")}`);
  }
  return {
    contactUrl: parsed.data.SCRAPER_CONTACT_URL,
    userAgent: userAgentFor(parsed.data.SCRAPER_CONTACT_URL),
    allowHosts: parseAllowHosts(parsed.data.SCRAPER_ALLOW_HOSTS),
  };
}
