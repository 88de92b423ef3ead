/**
 * The browser's only way out: every request a rendered page makes is answered from here.
 *
 * Why every request is fetched by us: `context.route` sees a page's requests, but letting
 * Chromium continue them means Chromium resolves the name again (DNS rebinding) and follows
 * redirects without asking the route (we checked: redirect hops bypass the handler). So
 * each GET is fetched in Node through the same address guard, pinned connection, timeout
 * and size limit as the polite fetcher, redirects are followed here hop by hop (robots.txt
 * asked for each document hop), and the result is handed to Chromium with `route.fulfill`.
 * Other methods are refused: a scraper reads pages, it does not submit them.
 */
import type { Request, Route } from "playwright-core";
import { createAllowList, type Resolver, resolveGuarded } from "./fetch/address-guard";
import { FETCH_DEFAULTS, PRODUCT_TOKEN } from "./fetch/config";
import { HttpStatusError, RobotsDisallowedError, TooManyRedirectsError } from "./fetch/errors";
import { type RawResponse, requestOnce } from "./fetch/http-request";
import { RobotsCache, type RobotsVerdict } from "./fetch/robots";

/** Images, media and fonts carry no figures; not fetching them is kinder to the site. */
const SKIPPED_RESOURCE_TYPES = new Set(["image", "media", "font"]);
const FORWARDED_HEADERS = ["accept", "accept-language", "referer"];
const DROPPED_RESPONSE_HEADERS = new Set([
  "content-encoding", // the body is already decoded
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

export interface RobotsChecker {
  check(url: URL): Promise<RobotsVerdict>;
}

export interface GuardedNetworkOptions {
  userAgent: string;
  allowHosts: readonly string[];
  resolve: Resolver;
  /** Defaults to a RobotsCache that fetches robots.txt through the same guard. */
  robots?: RobotsChecker;
  requestTimeoutMs: number;
  maxBytes: number;
}

/** What one render learned about its requests. */
export interface RenderState {
  signal: AbortSignal;
  blocked: Array<{ url: string; reason: string }>;
  /** Why the page's own document could not be loaded, in our words rather than net::ERR_…. */
  documentError?: unknown;
  documentUrl?: string;
  documentStatus?: number;
}

export class GuardedNetwork {
  private readonly allowList;
  private readonly robots: RobotsChecker;

  constructor(private readonly options: GuardedNetworkOptions) {
    this.allowList = createAllowList(options.allowHosts);
    this.robots = options.robots ?? this.robotsCache();
  }

  async checkRobots(url: URL): Promise<void> {
    const verdict = await this.robots.check(url);
    if (!verdict.allowed) throw new RobotsDisallowedError(url.href, verdict.reason);
  }

  /** The `context.route("**\/*")` handler: fetch through the guard and fulfill, or abort. */
  async handleRoute(route: Route, state: RenderState): Promise<void> {
    const request = route.request();
    const isDocument = request.isNavigationRequest() && request.frame().parentFrame() === null;
    const refuse = (reason: string, error?: unknown) => {
      state.blocked.push({ url: request.url(), reason });
      if (isDocument) state.documentError = error ?? new Error(`${reason}: ${request.url()}`);
      return route.abort("blockedbyclient").catch(() => undefined);
    };
    if (SKIPPED_RESOURCE_TYPES.has(request.resourceType())) {
      return route.abort("aborted").catch(() => undefined);
    }
    if (request.method() !== "GET") return refuse(`${request.method()} requests are not made`);
    try {
      const { url, response } = await this.followGet(
        new URL(request.url()),
        this.headersFor(request),
        isDocument,
        state.signal,
      );
      if (isDocument) {
        state.documentUrl = url.href;
        state.documentStatus = response.status;
        // Chromium fails an empty error page with a bare net:: error; say what happened.
        if (response.status < 200 || response.status > 299) {
          state.documentError = new HttpStatusError(url.href, response.status, 1);
        }
      }
      const headers = Object.fromEntries(
        Object.entries(response.headers).filter(([name]) => !DROPPED_RESPONSE_HEADERS.has(name)),
      );
      await route.fulfill({ status: response.status, headers, body: response.body });
    } catch (error) {
      await refuse(error instanceof Error ? error.message : String(error), error);
    }
  }

  private headersFor(request: Request): Record<string, string> {
    const headers: Record<string, string> = { "user-agent": this.options.userAgent };
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers()[name];
      if (value) headers[name] = value;
    }
    return headers;
  }

  /** GET through the address guard, following redirects here so that each hop is checked. */
  private async followGet(
    start: URL,
    headers: Record<string, string>,
    checkRobots: boolean,
    signal?: AbortSignal,
  ): Promise<{ url: URL; response: RawResponse }> {
    let url = start;
    for (let hop = 0; hop <= FETCH_DEFAULTS.maxRedirects; hop += 1) {
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`scheme ${url.protocol} is not fetched`);
      }
      if (checkRobots) await this.checkRobots(url);
      const address = await resolveGuarded(url, {
        resolve: this.options.resolve,
        allowList: this.allowList,
      });
      const response = await requestOnce({
        url,
        address,
        headers,
        timeoutMs: this.options.requestTimeoutMs,
        maxBytes: this.options.maxBytes,
        signal,
      });
      const location = response.headers.location;
      if (response.status < 300 || response.status > 399 || !location) return { url, response };
      url = new URL(location, url);
    }
    throw new TooManyRedirectsError(start.href, FETCH_DEFAULTS.maxRedirects);
  }

  private robotsCache(): RobotsChecker {
    return new RobotsCache({
      productToken: PRODUCT_TOKEN,
      now: Date.now,
      ttlMs: FETCH_DEFAULTS.robotsTtlMs,
      errorTtlMs: FETCH_DEFAULTS.robotsErrorTtlMs,
      fetchRobots: async (robotsUrl) => {
        const headers = { "user-agent": this.options.userAgent, accept: "text/plain, */*" };
        const { response } = await this.followGet(new URL(robotsUrl), headers, false);
        return { status: response.status, body: response.body.toString("utf8") };
      },
    });
  }
}
