/**
 * The "Test" button: fetch the first page of a source that is not saved yet, through the
 * same polite fetcher (robots.txt, address guard) or guarded browser a run uses, and show
 * what the adapter reads from it. Nothing is stored.
 */
import { errorMessage } from "#jobs/errors";
import { renderPage } from "#scrapers/browser";
import { createFetcher, type FetcherOptions } from "#scrapers/fetch/fetch-page";
import type { Observation } from "#scrapers/sources/index";
import { type RenderFn, readSourcePages } from "./read-pages.server";
import { checkConfig, SourceInputError } from "./sources.server";

/** A test is answered while the editor waits: fail fast instead of retrying for minutes. */
const TEST_FETCH: FetcherOptions = { timeoutMs: 15_000, maxAttempts: 1, perHostDelayMs: 0 };
/** The page shows this many; the rest are counted. */
const SHOWN = 50;

export type TestResult =
  | { ok: true; url: string; total: number; observations: Observation[] }
  | { ok: false; error: string; fields?: Record<string, string> };

export async function testSource(
  adapterId: string,
  rawConfig: unknown,
  options: { fetcherOptions?: FetcherOptions; render?: RenderFn } = {},
): Promise<TestResult> {
  let checked: ReturnType<typeof checkConfig>;
  try {
    checked = checkConfig(adapterId, rawConfig);
  } catch (error) {
    if (error instanceof SourceInputError) {
      return { ok: false, error: error.message, fields: error.errors };
    }
    throw error;
  }
  const fetcher = createFetcher({ ...TEST_FETCH, ...options.fetcherOptions });
  try {
    const read = await readSourcePages(
      checked.adapter,
      checked.config,
      { fetcher, render: options.render ?? renderPage },
      { maxPages: 1 },
    );
    return {
      ok: true,
      url: read.urls[0] ?? "",
      total: read.observations.length,
      observations: read.observations.slice(0, SHOWN),
    };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  } finally {
    await fetcher.close();
  }
}
