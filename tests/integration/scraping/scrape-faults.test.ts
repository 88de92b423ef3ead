// The scrape-source handler against the fixture site on 127.0.0.1, for each fault the site
// can simulate: what the job reports, what the run history keeps, and that a failed run
// writes no observations (never zeros).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PermanentJobError } from "#jobs/errors";
import { createScrapeSourceHandler } from "#jobs/handlers/scrape-source";
import { englishMessage } from "~/i18n/english";
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
beforeAll(async () => {
  // "slow" answers long after the slow test's timeout.
  site = await startFixtureSite({ slowMs: 10_000, hugeBytes: 6 * 1024 * 1024 });
});
afterAll(() => site.close());
afterEach(() => {
  site.clearFaults();
  // Nothing may reach the loopback address that is not allow-listed.
  expect(site.forbidden?.connections()).toBe(0);
});

/**
 * One run of a fresh source, with `fault` switched on. The fetcher's timeout covers every
 * request (robots.txt included) and reading the whole body; it is generous unless a test
 * is about the timeout, so a loaded machine never turns another fault into a timeout.
 */
async function scrapeOnce(fault?: Parameters<FixtureSite["setFault"]>[0], timeoutMs = 20_000) {
  const scope = workspace();
  const source = addSource(scope, telegramSource(site.url));
  if (fault) site.setFault(fault);
  const { options, waits } = testFetcherOptions({ timeoutMs });
  const handler = createScrapeSourceHandler({ db: () => db, fetcherOptions: options });
  const payload = { workspaceId: scope.workspaceId, sourceId: source.id, trigger: "manual" };
  const outcome = await handler.execute(payload, fakeContext(scope.workspaceId)).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  const [run] = runsOf(scope, source.id);
  return { ...outcome, run, waits, observations: observationsOf(scope, source.id), scope, source };
}

function expectFailure(outcome: Awaited<ReturnType<typeof scrapeOnce>>, message: RegExp): void {
  expect(outcome.error).toBeInstanceOf(PermanentJobError);
  expect((outcome.error as Error).message).toMatch(message);
  expect(outcome.run).toMatchObject({ status: "failed", observationsWritten: 0 });
  expect(englishMessage(outcome.run?.error)).toMatch(message);
  expect(outcome.observations).toHaveLength(0);
}

describe("scrape-source handler: faults of the fixture site", () => {
  it("robots.txt disallows: permanent error naming robots.txt, no page request", async () => {
    const outcome = await scrapeOnce("robots-disallow");
    expectFailure(
      outcome,
      /^robots\.txt does not allow fetching http:\/\/127\.0\.0\.1:\d+\/s\/acme_news/,
    );
    expect(site.requests.filter((r) => r.path === "/s/acme_news" && r.status === 200)).toHaveLength(
      0,
    );
    expect(outcome.run?.pagesFetched).toBe(0);
  });

  it("429 with Retry-After: waits as told, then succeeds", async () => {
    const outcome = await scrapeOnce("rate-limit");
    expect(outcome.error).toBeUndefined();
    // Retry-After: 1 (second) is honoured as is, not replaced by the shorter backoff.
    expect(outcome.waits).toEqual([1_000]);
    expect(outcome.run).toMatchObject({ status: "succeeded", pagesFetched: 1 });
    expect(outcome.observations.length).toBeGreaterThan(0);
  });

  it("500 then success: retried inside the run, which succeeds", async () => {
    const outcome = await scrapeOnce("error-then-ok");
    expect(outcome.error).toBeUndefined();
    const statuses = site.requests.filter((r) => r.path === "/s/acme_news").slice(-2);
    expect(statuses.map((r) => r.status)).toEqual([500, 200]);
    expect(outcome.run).toMatchObject({ status: "succeeded", pagesFetched: 1 });
  });

  it("slow response: times out (every attempt) and fails the run", async () => {
    const outcome = await scrapeOnce("slow", 1_000);
    expectFailure(
      outcome,
      /timed out after 1000 ms fetching http:\/\/127\.0\.0\.1:\d+\/s\/acme_news/,
    );
  });

  it("huge response: stops reading at the size limit", async () => {
    const outcome = await scrapeOnce("huge");
    expectFailure(outcome, /^response too large: .* exceeded the limit of 5242880 bytes/);
  });

  it('changed layout: "layout changed: …" and no observations, not zeros', async () => {
    const outcome = await scrapeOnce("changed-layout");
    expectFailure(outcome, /^layout changed: telegram /);
    expect(outcome.run?.pagesFetched).toBe(1);
  });

  it("redirect to 127.0.0.2 (not allow-listed): refused before connecting", async () => {
    const outcome = await scrapeOnce("redirect-to-forbidden");
    expectFailure(outcome, /^refused to connect to 127\.0\.0\.2 at 127\.0\.0\.2/);
    expect(site.forbidden?.requests).toHaveLength(0);
  });
});
