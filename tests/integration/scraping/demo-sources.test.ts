// The demo's sources, pointed at the fixture site: created once, each on a schedule, and
// each one runs successfully (static and browser sources alike).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScraperBrowser } from "#scrapers/browser";
import { seedDemoSources } from "~/scraping/demo-sources.server";
import { runSource } from "~/scraping/run-source.server";
import { listSources, stateOf } from "~/scraping/sources.server";
import { type FixtureSite, startFixtureSite } from "../../fixture-site/server";
import { observationsOf, scrapingTestDb, testFetcherOptions } from "./support";

const { workspace } = scrapingTestDb();
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

describe("seedDemoSources", () => {
  it("creates every kind of source once, and each runs against the fixture site", async () => {
    const scope = workspace("demo");
    const seededFrom = Date.now();
    const created = seedDemoSources(scope, site.url);
    const seededBy = Date.now();
    expect(created.map((s) => s.adapter).sort()).toEqual([
      "custom",
      "site-stats",
      "telegram",
      "telegram",
      "trends",
      "video",
    ]);
    expect(seedDemoSources(scope, site.url)).toEqual([]);
    expect(listSources(scope)).toHaveLength(6);
    for (const source of listSources(scope)) {
      expect(stateOf(source)).toBe("enabled");
      // The next quarter hour after seeding; not compared with the clock while the runs go
      // on, since a slow machine may pass that quarter hour before the last run.
      expect(source.nextRunAt?.getTime()).toBeGreaterThan(seededFrom);
      expect(source.nextRunAt?.getTime()).toBeLessThanOrEqual(seededBy + 15 * 60_000);
      const result = await runSource(scope, source.id, {
        trigger: "manual",
        fetcherOptions: testFetcherOptions({ timeoutMs: 5_000 }).options,
        render: (url, options) => browser.renderPage(url, { ...options, timeoutMs: 10_000 }),
      });
      expect(result, source.name).toMatchObject({ status: "succeeded", pagesFetched: 1 });
      expect(observationsOf(scope, source.id).length).toBe(result.observationsWritten);
    }
    const custom = observationsOf(scope).filter((o) => o.entity === "Acme Market");
    expect(custom.map((o) => [o.metric, o.value]).sort()).toEqual([
      ["avg_session", 245], // "04:05"
      ["conversion", 0.034], // "%3,4"
      ["followers", 48_200], // "48.2K followers"
    ]);
  }, 60_000);
});
