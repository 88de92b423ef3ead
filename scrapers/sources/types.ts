/**
 * The contract between a source adapter (one file per kind of page under scrapers/sources)
 * and the crawl policy (scrapers/fetch, jobs/handlers/scrape-source). An adapter knows how
 * to build URLs and how to read a page; it never fetches, schedules or writes to the database.
 */
import type { z } from "zod";

/** One time-series point, validated by the adapter's zod schema before it is stored. */
export interface Observation {
  /** "channel", "site", "keyword", "query", "post" or "video". */
  entityType: string;
  /** The channel handle, site domain, keyword… the value belongs to. */
  entity: string;
  metric: string;
  /** "2026-11-21" (day), "2026-11" (month), "2026-W47" (week) or an ISO instant. */
  period: string;
  value: number | null;
  /** For text-valued observations (titles, related queries); always escaped when shown. */
  textValue?: string | null;
  url: string;
}

/** A page whose expected parts are missing: the job fails with "layout changed: …", never zeros. */
export class LayoutChangedError extends Error {
  constructor(public readonly missing: string) {
    super(`layout changed: ${missing}`);
    this.name = "LayoutChangedError";
  }
}

export interface SourceAdapter<Config = unknown> {
  /** Stable id stored in `sources.adapter`. */
  id: string;
  label: string;
  /** Whether the page needs a browser to render (playwright + Debian's Chromium). */
  needsBrowser: boolean;
  configSchema: z.ZodType<Config>;
  /**
   * The pages to fetch for one run. `now` fills date placeholders (custom sources); it
   * defaults to the current time.
   */
  urls(config: Config, now?: Date): string[];
  /** Pure: HTML (as fetched or as rendered) → observations. Throws LayoutChangedError. */
  parse(html: string, url: string, config: Config, fetchedAt: Date): Observation[];
  /**
   * For adapters whose config chooses static or browser fetching (custom sources); when
   * absent, `needsBrowser` decides. Use `adapterNeedsBrowser` rather than reading either.
   */
  usesBrowser?(config: Config): boolean;
  /** For browser sources: a CSS selector whose presence means the page has rendered. */
  waitFor?(config: Config): string | undefined;
}

/** Whether this source, with this config, must be rendered in the browser. */
export function adapterNeedsBrowser<Config>(adapter: SourceAdapter<Config>, config: Config) {
  return adapter.usesBrowser ? adapter.usesBrowser(config) : adapter.needsBrowser;
}
