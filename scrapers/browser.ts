/**
 * One shared headless Chromium for the sources that need a browser, a fresh context per
 * page (always closed), and no way for a page to reach what the fetcher may not.
 *
 * Why: most pages are read with the plain fetcher; the few that build their content with
 * script need a browser, and a browser left to itself fetches whatever the page asks for.
 * Here every request goes through `GuardedNetwork` (address guard, robots.txt, limits),
 * WebSockets, service workers and downloads are refused, WebRTC may send no UDP, and
 * Chromium's own resolver is told to resolve nothing (IP literals included), so anything
 * that slipped past the route (a worker's WebSocket, WebTransport, a preconnect) fails
 * instead of connecting. A browser that crashed or was killed is started again on the
 * next use. Its sandbox is on unless it runs as root (see `chromiumSandbox`).
 */
import { setMaxListeners } from "node:events";
import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";
import { GuardedNetwork, type RenderState, type RobotsChecker } from "./browser-network";
import { chromiumExecutable, chromiumQuietFlags, chromiumSandbox } from "./chromium";
import { type Resolver, systemResolver } from "./fetch/address-guard";
import { FETCH_DEFAULTS, readScraperEnv } from "./fetch/config";
import { HttpStatusError } from "./fetch/errors";

export type { RobotsChecker } from "./browser-network";

export const CHROMIUM_FLAGS = [
  ...chromiumQuietFlags,
  // Every request is fulfilled from Node; Chromium itself never needs to resolve a name.
  "--host-resolver-rules=MAP * ~NOTFOUND",
  // WebRTC's ICE sends UDP (STUN) straight to any IP literal, past both the route and the
  // resolver. Without a proxy this policy leaves it no UDP and no direct TCP at all. (The
  // often-quoted --force-webrtc-ip-handling-policy is not a Chromium switch; it is ignored.)
  "--webrtc-ip-handling-policy=disable_non_proxied_udp",
] as const;

export interface ScraperBrowserOptions {
  /** Defaults to CHROMIUM_PATH, then Debian's /usr/bin/chromium. */
  executablePath?: string;
  /** Hosts exempt from the address guard; defaults to SCRAPER_ALLOW_HOSTS. */
  allowHosts?: readonly string[];
  userAgent?: string;
  resolve?: Resolver;
  /** Defaults to a RobotsCache that fetches robots.txt through the same guard. */
  robots?: RobotsChecker;
  /** Per request made for the page (the document, scripts, data). */
  requestTimeoutMs?: number;
  maxBytes?: number;
}

export interface RenderOptions {
  /** Wait (up to the timeout) for this selector; a page without it is returned anyway. */
  waitFor?: string;
  timeoutMs?: number;
}

export interface RenderedPage {
  /** The document URL after redirects. */
  url: string;
  status: number;
  html: string;
  fetchedAt: Date;
  /** False when `waitFor` never appeared: the parser will say what is missing. */
  selectorFound: boolean;
  /** Requests refused (guard, method, robots) with the reason. */
  blocked: Array<{ url: string; reason: string }>;
}

export class ScraperBrowser {
  private readonly executablePath: string;
  private readonly userAgent: string;
  private readonly network: GuardedNetwork;
  private current?: Browser;
  private launching?: Promise<Browser>;
  private launchCount = 0;
  private openContextCount = 0;
  private closed = false;

  constructor(options: ScraperBrowserOptions = {}) {
    const env = readScraperEnv();
    this.executablePath = options.executablePath ?? chromiumExecutable();
    this.userAgent = options.userAgent ?? env.userAgent;
    this.network = new GuardedNetwork({
      userAgent: this.userAgent,
      allowHosts: options.allowHosts ?? env.allowHosts,
      resolve: options.resolve ?? systemResolver,
      robots: options.robots,
      requestTimeoutMs: options.requestTimeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    });
  }

  /** Renders `url` in a fresh context and returns its HTML; the context is always closed. */
  async renderPage(url: string, options: RenderOptions = {}): Promise<RenderedPage> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const started = Date.now();
    await this.network.checkRobots(new URL(url));
    const aborter = new AbortController();
    setMaxListeners(0, aborter.signal);
    const state: RenderState = { signal: aborter.signal, blocked: [] };
    const context = await this.newContext();
    this.openContextCount += 1;
    try {
      // All page WebSockets are refused, not only those to refused addresses: the sources
      // read public pages whose figures arrive over HTTP, and a socket we let through would
      // be Chromium's own connection, outside the guard. (routeWebSocket replaces the
      // page's WebSocket class; a worker's WebSocket is stopped by the resolver rule.)
      await context.routeWebSocket(/.*/, (socket) => {
        state.blocked.push({ url: socket.url(), reason: "WebSockets are not opened" });
        return socket.close({ code: 1008, reason: "blocked by scraper" });
      });
      await context.route("**/*", (route) => this.network.handleRoute(route, state));
      const page = await context.newPage();
      const response = await page
        .goto(url, { waitUntil: "load", timeout: timeoutMs })
        .catch((error) => Promise.reject(state.documentError ?? error));
      const finalUrl = state.documentUrl ?? url;
      const status = response?.status() ?? state.documentStatus ?? 0;
      if (status < 200 || status > 299) throw new HttpStatusError(finalUrl, status, 1);
      let selectorFound = true;
      if (options.waitFor) {
        const remaining = Math.max(1, timeoutMs - (Date.now() - started));
        selectorFound = await page
          .waitForSelector(options.waitFor, { state: "attached", timeout: remaining })
          .then(() => true)
          .catch(() => false);
      }
      const html = await page.content();
      return {
        url: finalUrl,
        status,
        html,
        fetchedAt: new Date(),
        selectorFound,
        blocked: state.blocked,
      };
    } finally {
      aborter.abort();
      await context.close().catch(() => undefined);
      this.openContextCount -= 1;
    }
  }

  /** Contexts this instance has open (0 whenever no render is running). */
  openContexts(): number {
    return this.openContextCount;
  }

  /** Contexts the running Chromium reports, to check that none leaked. */
  async browserContexts(): Promise<number> {
    return this.current?.isConnected() ? this.current.contexts().length : 0;
  }

  /** How many times Chromium was started (a restart after a crash adds one). */
  launches(): number {
    return this.launchCount;
  }

  /** The Chromium browser process id, as Chromium reports it. */
  async browserPid(): Promise<number | undefined> {
    const session = await (await this.browser()).newBrowserCDPSession();
    try {
      const info = (await session.send("SystemInfo.getProcessInfo")) as {
        processInfo: Array<{ type: string; id: number }>;
      };
      return info.processInfo.find((p) => p.type === "browser")?.id;
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.current ?? (await this.launching?.catch(() => undefined));
    this.current = undefined;
    await browser?.close().catch(() => undefined);
  }

  /**
   * A fresh context. A browser that died since its last use may not have reported it yet;
   * then the first attempt fails, and a newly started browser is asked once more.
   */
  private async newContext() {
    const options: BrowserContextOptions = {
      userAgent: this.userAgent,
      // A scrape needs none of these, and a service worker would make requests of its own.
      serviceWorkers: "block",
      acceptDownloads: false,
      permissions: [],
    };
    const browser = await this.browser();
    try {
      return await browser.newContext(options);
    } catch (error) {
      if (browser.isConnected()) throw error;
      if (this.current === browser) this.current = undefined;
      return (await this.browser()).newContext(options);
    }
  }

  /** The running Chromium, started (again) when there is none or it crashed. */
  private browser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error("the scraper browser is closed"));
    if (this.current?.isConnected()) return Promise.resolve(this.current);
    this.launching ??= chromium
      .launch({
        executablePath: this.executablePath,
        headless: true,
        chromiumSandbox: chromiumSandbox(),
        args: [...CHROMIUM_FLAGS],
        timeout: 30_000,
      })
      .then((browser) => {
        this.launchCount += 1;
        this.current = browser;
        browser.on("disconnected", () => {
          if (this.current === browser) this.current = undefined;
        });
        return browser;
      })
      .finally(() => {
        this.launching = undefined;
      });
    return this.launching;
  }
}

let shared: ScraperBrowser | undefined;

/** The process-wide browser, configured from the environment. */
export function sharedBrowser(): ScraperBrowser {
  shared ??= new ScraperBrowser();
  return shared;
}

export function renderPage(url: string, options?: RenderOptions): Promise<RenderedPage> {
  return sharedBrowser().renderPage(url, options);
}

export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await browser?.close();
}
