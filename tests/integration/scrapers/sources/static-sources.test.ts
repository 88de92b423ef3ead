// The static sources end to end on loopback: the polite fetcher (127.0.0.1 allow-listed)
// fetches each page from the fixture site, the adapter parses it, and the result is the
// hand-worked one. Then each fault the site can simulate, as the fetcher and parser see it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  BlockedAddressError,
  ResponseTooLargeError,
  RobotsDisallowedError,
  TimeoutError,
} from "#scrapers/fetch/errors";
import { adapters } from "#scrapers/sources/index";
import { LayoutChangedError } from "#scrapers/sources/types";
import { benchPageExpected, benchPageUrls } from "../../../fixture-site/bench-pages";
import {
  FETCHED_AT,
  siteStats,
  telegramEnglish,
  telegramRussian,
} from "../../../fixture-site/expected";
import { type FixtureSite, startFixtureSite } from "../../../fixture-site/server";
import { testFetcher } from "../test-fetcher";

let site: FixtureSite;
beforeAll(async () => {
  // "slow" answers long after the 1 s timeout of the slow test below.
  site = await startFixtureSite({ slowMs: 10_000, hugeBytes: 6 * 1024 * 1024 });
});
afterAll(async () => {
  await site.close();
});
afterEach(() => {
  site.clearFaults();
  // Nothing a test does may reach the address that is not allow-listed.
  expect(site.forbidden?.connections()).toBe(0);
});

async function fetchAndParse<C>(adapterId: "telegram" | "site-stats" | "custom", rawConfig: C) {
  const adapter = adapters[adapterId];
  const config = adapter.configSchema.parse(rawConfig);
  const { fetcher, waits } = testFetcher();
  const [url] = adapter.urls(config as never, FETCHED_AT);
  const page = await fetcher.fetchPage(url ?? "");
  return {
    page,
    waits,
    observations: adapter.parse(page.body, page.url, config as never, FETCHED_AT),
  };
}

describe("static sources from the fixture site", () => {
  it("telegram, English and Russian", async () => {
    const en = await fetchAndParse("telegram", { channel: "acme_news", baseUrl: site.url });
    expect(en.observations).toEqual(telegramEnglish(`${site.url}/s/acme_news`));
    const ru = await fetchAndParse("telegram", { channel: "bank_ru", baseUrl: site.url });
    expect(ru.observations).toEqual(telegramRussian(`${site.url}/s/bank_ru`));
  });

  it("site statistics", async () => {
    const { observations } = await fetchAndParse("site-stats", {
      domain: "acmebank.example",
      baseUrl: site.url,
    });
    expect(observations).toEqual(siteStats(`${site.url}/website/acmebank.example/`));
  });

  it("a custom source with a {date} URL", async () => {
    const { page, observations } = await fetchAndParse("custom", {
      url: `${site.url}/custom/report-{date}.html`,
      metrics: [{ name: "followers", selector: "#followers", type: "integer" }],
    });
    expect(page.url).toBe(`${site.url}/custom/report-2026-11-21.html`);
    expect(observations).toEqual([
      {
        entityType: "site",
        entity: `127.0.0.1:${site.port}`,
        metric: "followers",
        period: "2026-11-21",
        value: 48_200,
        url: page.url,
      },
    ]);
  });

  it("generated benchmark pages parse as telegram channels", async () => {
    const { fetcher } = testFetcher();
    const config = adapters.telegram.configSchema.parse({ channel: "bench_0000" });
    for (const [index, url] of benchPageUrls(site.url, 3).entries()) {
      const page = await fetcher.fetchPage(url);
      const observations = adapters.telegram.parse(page.body, page.url, config, FETCHED_AT);
      const subscribers = observations.find((o) => o.metric === "subscribers")?.value;
      expect(subscribers).toBe(benchPageExpected(index).subscribers);
    }
    await expect(fetcher.fetchPage(`${site.url}/bench/page-2000.html`)).rejects.toThrow("HTTP 404");
  });
});

describe("fixture site faults", () => {
  const telegram = () => ({ channel: "acme_news", baseUrl: site.url });

  it("robots.txt disallowing everything: nothing but robots.txt is asked for", async () => {
    site.setFault("robots-disallow");
    const before = site.requests.length;
    await expect(fetchAndParse("telegram", telegram())).rejects.toThrow(RobotsDisallowedError);
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt"]);
  });

  it("429 with Retry-After: waits as told, then succeeds", async () => {
    site.setFault("rate-limit");
    const { page, waits, observations } = await fetchAndParse("telegram", telegram());
    expect(page.attempts).toBe(2);
    expect(waits).toContain(1_000);
    expect(observations).toEqual(telegramEnglish(page.url));
  });

  it("500 then success: retried", async () => {
    site.setFault("error-then-ok");
    const { page } = await fetchAndParse("site-stats", {
      domain: "acmebank.example",
      baseUrl: site.url,
    });
    expect(page.attempts).toBe(2);
    const statuses = site.requests.filter((r) => r.path === "/website/acmebank.example/").slice(-2);
    expect(statuses.map((r) => r.status)).toEqual([500, 200]);
  });

  it("a slow response times out", async () => {
    site.setFault("slow");
    // Not much shorter: the timeout also covers the robots.txt request, which must not
    // expire on a loaded machine (robots.txt unreachable = disallowed, a different error).
    const { fetcher } = testFetcher({ timeoutMs: 1_000, maxAttempts: 1 });
    await expect(fetcher.fetchPage(`${site.url}/s/acme_news`)).rejects.toThrow(TimeoutError);
  });

  it("a huge response stops at the size limit", async () => {
    site.setFault("huge");
    // Reading 5 MiB is slow on a loaded machine; it must end at the limit, not the timeout.
    const { fetcher } = testFetcher({ maxAttempts: 1, timeoutMs: 20_000 });
    await expect(fetcher.fetchPage(`${site.url}/s/acme_news`)).rejects.toThrow(
      ResponseTooLargeError,
    );
  });

  it("a changed layout is fetched fine and fails to parse with 'layout changed'", async () => {
    site.setFault("changed-layout");
    await expect(fetchAndParse("telegram", telegram())).rejects.toThrow(LayoutChangedError);
    await expect(
      fetchAndParse("site-stats", { domain: "acmebank.example", baseUrl: site.url }),
    ).rejects.toThrow("layout changed: site statistics chart data");
  });

  it("a redirect to 127.0.0.2 is refused before connecting", async () => {
    site.setFault("redirect-to-forbidden");
    await expect(fetchAndParse("telegram", telegram())).rejects.toThrow(BlockedAddressError);
    expect(site.forbidden?.requests).toEqual([]);
  });
});
