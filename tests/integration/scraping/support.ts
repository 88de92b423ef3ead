/** A migrated database per test file with one workspace, and a source maker. */
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { observations, scrapeRuns, workspaces } from "#db/schema";
import { scopeTo, type WorkspaceScope } from "#db/scoped";
import type { JobContext } from "#jobs/registry";
import type { FetcherOptions } from "#scrapers/fetch/fetch-page";
import { createSource, type NewSource } from "~/scraping/sources.server";
import { setUpTestDb } from "../../helpers/test-db";

export function scrapingTestDb(): {
  db: Db;
  workspace: (slug?: string, timeZone?: string) => WorkspaceScope;
} {
  const { db } = setUpTestDb();
  let count = 0;
  const workspace = (slug = `ws${++count}`, timeZone = "Europe/Istanbul") => {
    const row = db.insert(workspaces).values({ slug, name: slug, timeZone }).returning().get();
    return scopeTo(db, row.id);
  };
  return { db, workspace };
}

export function telegramSource(baseUrl: string, overrides: Partial<NewSource> = {}): NewSource {
  return {
    name: "Acme news",
    adapter: "telegram",
    config: { channel: "acme_news", baseUrl },
    schedule: "*/15 * * * *",
    ...overrides,
  };
}

export function addSource(scope: WorkspaceScope, source: NewSource, now?: Date) {
  return createSource(scope, source, now);
}

/**
 * Options for the scrape handler's fetcher in tests: 127.0.0.1 allow-listed, no per-host
 * delay, short timeout, and waits (backoff, Retry-After) recorded and skipped by moving a
 * frozen clock forward instead of sleeping (so computed waits are exact on a slow machine).
 */
export function testFetcherOptions(overrides: FetcherOptions = {}) {
  const startedAt = Date.now();
  let offset = 0;
  const waits: number[] = [];
  const options: FetcherOptions = {
    allowHosts: ["127.0.0.1"],
    perHostDelayMs: 0,
    timeoutMs: 500,
    now: () => startedAt + offset,
    sleep: async (ms) => {
      waits.push(ms);
      offset += ms;
    },
    random: () => 0.5,
    ...overrides,
  };
  return { options, waits };
}

/** A JobContext for calling a handler directly. */
export function fakeContext(
  workspaceId: number,
  signal = new AbortController().signal,
): JobContext {
  return {
    jobId: 0,
    workspaceId,
    attempt: 1,
    maxAttempts: 2,
    signal,
    progress: () => {},
    holdLease: () => {},
  };
}

export function observationsOf(scope: WorkspaceScope, sourceId?: number) {
  return scope.select(
    observations,
    sourceId === undefined ? undefined : eq(observations.sourceId, sourceId),
  );
}

export function runsOf(scope: WorkspaceScope, sourceId: number) {
  return scope.select(scrapeRuns, eq(scrapeRuns.sourceId, sourceId));
}
