// The browser sources in Debian's Chromium against the fixture site, and the browser's
// safety: requests to 127.0.0.2 (loopback, not allow-listed) never arrive, nothing a page
// opens past the request route (WebSocket, WebRTC, WebTransport, service worker) reaches
// even the allowed 127.0.0.1, contexts are closed on every path, and a killed browser is
// replaced on the next use.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ScraperBrowser } from "#scrapers/browser";
import {
  BlockedAddressError,
  HttpStatusError,
  RobotsDisallowedError,
} from "#scrapers/fetch/errors";
import { adapters } from "#scrapers/sources/index";
import { LayoutChangedError } from "#scrapers/sources/types";
import { FETCHED_AT, TRENDS_KEYWORDS, trends, videoChannel } from "../../../fixture-site/expected";
import { type FixtureSite, startFixtureSite } from "../../../fixture-site/server";
import { startEscapeProbe } from "./escape-probe";

let site: FixtureSite;
let browser: ScraperBrowser;
beforeAll(async () => {
  site = await startFixtureSite();
  browser = new ScraperBrowser({ allowHosts: ["127.0.0.1"], requestTimeoutMs: 5_000 });
});
afterAll(async () => {
  await browser.close();
  await site.close();
});
afterEach(async () => {
  site.clearFaults();
  expect(site.forbidden?.connections()).toBe(0);
  expect(browser.openContexts()).toBe(0);
  expect(await browser.browserContexts()).toBe(0);
});

async function renderAndParse(adapterId: "video" | "trends", rawConfig: unknown) {
  const adapter = adapters[adapterId];
  const config = adapter.configSchema.parse(rawConfig);
  const [url] = adapter.urls(config as never);
  const page = await browser.renderPage(url ?? "", {
    waitFor: adapter.waitFor?.(config as never),
    timeoutMs: 10_000,
  });
  return {
    page,
    observations: () => adapter.parse(page.html, page.url, config as never, FETCHED_AT),
  };
}

describe("browser sources", () => {
  it("renders the video channel and parses it", async () => {
    const { page, observations } = await renderAndParse("video", {
      handle: "@acmebank",
      baseUrl: site.url,
    });
    expect(page.selectorFound).toBe(true);
    expect(observations()).toEqual(videoChannel(`${site.url}/@acmebank/videos`));
    expect(site.requests.at(-1)?.headers["user-agent"]).toMatch(/^Channelscope\//);
  });

  it("renders the trends page and parses it", async () => {
    const { page, observations } = await renderAndParse("trends", {
      keywords: TRENDS_KEYWORDS,
      geo: "TR",
      baseUrl: site.url,
    });
    expect(observations()).toEqual(trends(page.url));
  });

  it("a changed layout renders and then fails to parse with 'layout changed'", async () => {
    site.setFault("changed-layout");
    const { observations } = await renderAndParse("video", {
      handle: "@acmebank",
      baseUrl: site.url,
    });
    expect(observations).toThrow(LayoutChangedError);
  });
});

describe("browser safety", () => {
  it("a page cannot reach 127.0.0.2: script, style, frame, fetch, POST and WebSocket are refused", async () => {
    const page = await browser.renderPage(`${site.url}/leaky.html`, {
      waitFor: "#checks-done",
      timeoutMs: 10_000,
    });
    expect(page.selectorFound).toBe(true);
    const forbidden = site.forbidden?.url ?? "";
    expect(page.blocked.map((b) => b.url).sort()).toEqual(
      [
        `${forbidden}/leak.js`,
        `${forbidden}/leak.css`,
        `${forbidden}/frame.html`,
        `${forbidden}/beacon`,
        `${site.url}/collect`,
        `${forbidden.replace("http", "ws")}/socket`,
      ].sort(),
    );
    expect(page.html).toContain("fetch: failed");
    expect(page.html).toContain("websocket: failed");
    expect(site.forbidden?.requests).toEqual([]);
    expect(site.requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("a page's scripts reach nothing on the allowed host except through the route", async () => {
    const probe = await startEscapeProbe();
    try {
      const page = await browser.renderPage(probe.pageUrl, {
        waitFor: "#checks-done",
        timeoutMs: 15_000,
      });
      expect(page.status).toBe(200);
      expect(page.selectorFound).toBe(true);
      expect(page.html).toContain('<h1 id="title">Escape probe</h1>');
      const outcomes = [...page.html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]).sort();
      expect(outcomes).toEqual([
        "frame: failed",
        "page: failed",
        "service worker: 0 registered",
        "webrtc: 0 candidates",
        "webtransport: failed",
        "worker: failed",
      ]);
      // The page's and the frame's sockets were refused by the WebSocket route itself.
      const refused = page.blocked.filter((b) => b.reason === "WebSockets are not opened");
      expect(refused.map((b) => new URL(b.url).pathname).sort()).toEqual(["/frame", "/page"]);
      await new Promise((settled) => setTimeout(settled, 300));
      expect(probe.probeConnections()).toBe(0);
      expect(probe.datagrams).toEqual([]);
      expect(probe.pageRequests).toEqual(["/robots.txt", "/escape.html"]);
    } finally {
      await probe.close();
    }
  });

  it("runs Chromium's sandbox unless the process is root", async () => {
    const pid = await browser.browserPid();
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(args.includes("--no-sandbox")).toBe(process.getuid?.() === 0);
  });

  it("a redirect of the page itself to 127.0.0.2 fails with BlockedAddressError", async () => {
    site.setFault("redirect-to-forbidden");
    await expect(
      browser.renderPage(`${site.url}/s/acme_news`, { timeoutMs: 5_000 }),
    ).rejects.toThrow(BlockedAddressError);
  });

  it("closes the context when rendering fails (HTTP 500)", async () => {
    site.setFault("error-then-ok");
    await expect(browser.renderPage(`${site.url}/s/bank_ru`, { timeoutMs: 5_000 })).rejects.toThrow(
      HttpStatusError,
    );
    // afterEach checks that no context is left open, in this object and in Chromium.
  });

  it("obeys robots.txt before starting a browser at all", async () => {
    site.setFault("robots-disallow");
    const fresh = new ScraperBrowser({ allowHosts: ["127.0.0.1"] });
    const before = site.requests.length;
    await expect(fresh.renderPage(`${site.url}/s/acme_news`)).rejects.toThrow(
      RobotsDisallowedError,
    );
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt"]);
    expect(fresh.launches()).toBe(0);
    await fresh.close();
  });

  it("starts a new browser on the next use after the browser process was killed", async () => {
    const launchesBefore = browser.launches();
    const pid = await browser.browserPid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, "SIGKILL");
    const { observations } = await renderAndParse("video", {
      handle: "@acmebank",
      baseUrl: site.url,
    });
    expect(observations()).toEqual(videoChannel(`${site.url}/@acmebank/videos`));
    expect(browser.launches()).toBe(launchesBefore + 1);
    expect(await browser.browserPid()).not.toBe(pid);
  });
});
