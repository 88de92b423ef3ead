/**
 * Fetches a source's pages and parses them, without touching the database: used by a run
 * (which then stores the result) and by the "Test" button (which only shows it).
 *
 * Why all pages before any observation: a run stores all of its pages or nothing, so a
 * layout change on page 3 never leaves pages 1–2 stored as a half-run.
 */

import type { RenderedPage, RenderOptions } from "#scrapers/browser";
import type { Fetcher } from "#scrapers/fetch/fetch-page";
import { adapterNeedsBrowser, type Observation, type SourceAdapter } from "#scrapers/sources/index";

export type RenderFn = (url: string, options: RenderOptions) => Promise<RenderedPage>;

export interface PageReaders {
  /** Static pages: the polite fetcher (robots, host limits, retries, address guard). */
  fetcher: Fetcher;
  /** Pages built by script: the shared guarded Chromium. */
  render: RenderFn;
}

export interface ReadResult {
  observations: Observation[];
  pagesFetched: number;
  urls: string[];
}

interface Page {
  url: string;
  html: string;
  fetchedAt: Date;
}

async function readPage(
  url: string,
  adapter: SourceAdapter<unknown>,
  config: unknown,
  readers: PageReaders,
): Promise<Page> {
  if (!adapterNeedsBrowser(adapter, config)) {
    const page = await readers.fetcher.fetchPage(url);
    return { url: page.url, html: page.body, fetchedAt: page.fetchedAt };
  }
  // A missing waitFor selector is not an error here: the parser names what is missing.
  const page = await readers.render(url, { waitFor: adapter.waitFor?.(config) });
  return { url: page.url, html: page.html, fetchedAt: page.fetchedAt };
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fills date placeholders in URL patterns. */
  now?: Date;
  /** The "Test" button reads only the first page. */
  maxPages?: number;
  /** After each page is fetched (also the one a failed run stopped at). */
  onPage?: (fetched: number, total: number) => void;
}

export async function readSourcePages(
  adapter: SourceAdapter<unknown>,
  config: unknown,
  readers: PageReaders,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const urls = adapter.urls(config, options.now ?? new Date()).slice(0, options.maxPages);
  const observations: Observation[] = [];
  let pagesFetched = 0;
  for (const url of urls) {
    options.signal?.throwIfAborted();
    const page = await readPage(url, adapter, config, readers);
    pagesFetched += 1;
    options.onPage?.(pagesFetched, urls.length);
    observations.push(...adapter.parse(page.html, page.url, config, page.fetchedAt));
  }
  return { observations, pagesFetched, urls };
}
