// The scrape-source handler when things go right: observations equal the hand-worked ones,
// a re-run of the same period updates instead of duplicating, a browser source, the path
// through the real worker, the dead-letter rule, interruption, and the recompute hook.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { analysisRuns, jobs } from "#db/schema";
import { createScrapeSourceHandler } from "#jobs/handlers/scrape-source";
import { waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { ScraperBrowser } from "#scrapers/browser";
import { englishMessage } from "~/i18n/english";
import { runSourceNow } from "~/scraping/source-control.server";
import { getSource } from "~/scraping/sources.server";
import { telegramEnglish, videoChannel } from "../../fixture-site/expected";
import { type FixtureSite, startFixtureSite } from "../../fixture-site/server";
import {
  addSource,
  fakeContext,
  observationsOf,
  runsOf,
  scrapingTestDb,
  telegramSource,
  testFetcherOptions,
} from "./support";

const { db, workspace } = scrapingTestDb();
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
afterEach(() => site.clearFaults());

const handler = createScrapeSourceHandler({
  db: () => db,
  // Generous: the timeout covers robots.txt and every page, on a possibly loaded machine.
  fetcherOptions: testFetcherOptions({ timeoutMs: 20_000 }).options,
  render: (url, options) => browser.renderPage(url, { ...options, timeoutMs: 10_000 }),
});

function run(workspaceId: number, sourceId: number, signal?: AbortSignal) {
  const payload = { workspaceId, sourceId, trigger: "manual" };
  return handler.execute(payload, fakeContext(workspaceId, signal));
}

type Shaped = {
  entityType: string;
  entity: string;
  metric: string;
  value: number | null;
  textValue?: string | null;
  url: string | null;
};

/** Rows without their period (a fetch day: relative dates and "today" differ per run). */
function shaped(rows: readonly Shaped[]): Shaped[] {
  return rows
    .map(({ entityType, entity, metric, value, textValue, url }) => ({
      entityType,
      entity,
      metric,
      value,
      ...(textValue === null || textValue === undefined ? {} : { textValue }),
      url,
    }))
    .sort((a, b) => `${a.entity}|${a.metric}`.localeCompare(`${b.entity}|${b.metric}`));
}

describe("scrape-source handler", () => {
  it("stores what the page says, and a re-run of the same day updates, not duplicates", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    const first = await run(scope.workspaceId, source.id);
    const rows = observationsOf(scope, source.id);
    // Derived figures depend on the fetch time (posts per week), so compare the counters.
    const byMetric = new Map(
      rows.filter((r) => r.entity === "acme_news").map((r) => [r.metric, r]),
    );
    expect(byMetric.get("subscribers")?.value).toBe(12_500);
    expect(byMetric.get("title")?.textValue).toBe("Acme Bank News");
    expect(rows).toHaveLength(telegramEnglish(`${site.url}/s/acme_news`).length);
    expect(first).toMatchObject({ pages_fetched: 1, observations_written: rows.length });

    const second = await run(scope.workspaceId, source.id);
    const again = observationsOf(scope, source.id);
    expect(again).toHaveLength(rows.length);
    expect(again.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(second).toMatchObject({ observations_written: rows.length });
    const history = runsOf(scope, source.id);
    expect(history.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(history[0]).toMatchObject({ trigger: "manual", pagesFetched: 1 });
    expect(history[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(getSource(scope, source.id)).toMatchObject({ lastStatus: "succeeded", lastError: null });
  });

  it("renders a browser source (video channel) and stores the hand-worked figures", async () => {
    const scope = workspace();
    const source = addSource(scope, {
      name: "Video",
      adapter: "video",
      config: { handle: "@acmebank", baseUrl: site.url },
      schedule: "0 * * * *",
    });
    await run(scope.workspaceId, source.id);
    const rows = observationsOf(scope, source.id);
    const url = `${site.url}/@acmebank/videos`;
    // "3 days ago" resolves against the fetch day, so publication days are left out.
    const withoutDates = (list: Shaped[]) => list.filter((o) => o.metric !== "published_on");
    expect(rows.length).toBeGreaterThan(5);
    expect(withoutDates(shaped(rows))).toEqual(withoutDates(shaped(videoChannel(url))));
  });

  it("through the worker: a changed layout kills the job with 'layout changed: …'", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    site.setFault("changed-layout");
    const stop = new AbortController();
    const done = runWorker({
      db,
      workerId: "scrape-test",
      handlers: new HandlerRegistry([handler]),
      signal: stop.signal,
      pollMs: 5,
      log: () => {},
    });
    try {
      const job = await waitForJob(db, runSourceNow(scope, source.id), 10_000);
      expect(job.status).toBe("dead");
      expect(job.attempts).toBe(1);
      expect(job.error).toMatch(/^layout changed: telegram /);
    } finally {
      stop.abort();
      await done;
    }
    expect(observationsOf(scope, source.id)).toHaveLength(0);
    expect(runsOf(scope, source.id)[0]?.jobId).toBeTypeOf("number");
  });

  it("a failed run keeps the earlier figures as they were", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    await run(scope.workspaceId, source.id);
    const before = observationsOf(scope, source.id);
    site.setFault("changed-layout");
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(/^layout changed/);
    expect(observationsOf(scope, source.id)).toEqual(before);
  });

  it("pauses a source as dead after 3 failed runs in a row; a success resets the count", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    site.setFault("robots-disallow");
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(/robots/);
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(/robots/);
    site.clearFaults();
    await run(scope.workspaceId, source.id);
    expect(getSource(scope, source.id)).toMatchObject({ consecutiveFailures: 0, enabled: true });

    site.setFault("changed-layout");
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(/layout changed/);
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(/layout changed/);
    expect(getSource(scope, source.id)).toMatchObject({ enabled: true, lastStatus: "failed" });
    await expect(run(scope.workspaceId, source.id)).rejects.toThrow(
      /^layout changed: .*\(source paused as dead\)$/,
    );
    expect(getSource(scope, source.id)).toMatchObject({
      enabled: false,
      lastStatus: "dead",
      nextRunAt: null,
      consecutiveFailures: 3,
    });
    expect(englishMessage(getSource(scope, source.id)?.lastError)).toMatch(
      /^layout changed: telegram /,
    );
    expect(getSource(scope, source.id)).toMatchObject({});
  });

  it("an interrupted run (worker stopping) is not a failure and is handed back", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    site.setFault("slow");
    const stop = new AbortController();
    const running = run(scope.workspaceId, source.id, stop.signal).catch((e: unknown) => e);
    // Stopped while the page is being fetched: once the (slow) request has reached the site.
    const pageRequested = () =>
      site.requests.some((r) => r.path === "/s/acme_news" && r.status === undefined);
    for (let waited = 0; !pageRequested() && waited < 20_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    stop.abort(new Error("worker is stopping"));
    const error = await running;
    expect(error).toBeInstanceOf(Error);
    expect(error?.constructor.name).not.toBe("PermanentJobError");
    expect(runsOf(scope, source.id)[0]).toMatchObject({ status: "interrupted" });
    expect(englishMessage(runsOf(scope, source.id)[0]?.error)).toBe("stopped: worker is stopping");
    expect(getSource(scope, source.id)?.consecutiveFailures).toBe(0);
  });

  it("new figures queue an RFM recomputation (once an hour) when the workspace uses RFM", async () => {
    const scope = workspace();
    const source = addSource(scope, telegramSource(site.url));
    const recomputes = () =>
      db
        .select()
        .from(jobs)
        .where(eq(jobs.workspaceId, scope.workspaceId))
        .all()
        .filter((j) => j.kind === "segment-run");
    await run(scope.workspaceId, source.id);
    expect(recomputes()).toHaveLength(0); // no RFM run: nothing to recompute
    scope.insert(analysisRuns, {
      kind: "rfm",
      params: { asOf: "2026-11-01" },
      status: "succeeded",
    });
    await run(scope.workspaceId, source.id);
    await run(scope.workspaceId, source.id);
    const queued = recomputes();
    expect(queued).toHaveLength(1);
    expect(queued[0]?.dedupeKey).toMatch(
      new RegExp(`^recompute:rfm:${scope.workspaceId}:\\d{4}-\\d{2}-\\d{2}T\\d{2}$`),
    );
    const runs = scope.select(analysisRuns, eq(analysisRuns.kind, "rfm"));
    expect(runs.at(-1)).toMatchObject({ status: "queued", params: { asOf: "2026-11-01" } });
  });
});
