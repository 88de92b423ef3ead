/**
 * One run of one source: fetch and parse every page, store the observations, keep a
 * scrape_runs row of what happened, and apply the dead-letter rule. The job handler
 * (jobs/handlers/scrape-source.ts) and `cli scrape run` both call this.
 *
 * A failed run writes no observations at all: a page whose layout changed yields the
 * error "layout changed: …", never zeros. A run stopped by its worker (shutdown, lost
 * lease) is recorded as "interrupted" and does not count as a failure.
 */
import { and, eq } from "drizzle-orm";
import { scrapeRuns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { afterDataChanged } from "#jobs/after-data-changed";
import { errorMessage } from "#jobs/errors";
import type { ScrapeTrigger } from "#jobs/schedule";
import { renderPage } from "#scrapers/browser";
import { ScrapeFetchError } from "#scrapers/fetch/errors";
import { createFetcher, type FetcherOptions } from "#scrapers/fetch/fetch-page";
import { LayoutChangedError } from "#scrapers/sources/types";
import { message } from "~/i18n/message-code";
import { DEAD_AFTER_FAILURES } from "./limits";
import { upsertObservations } from "./observations.server";
import { type RenderFn, readSourcePages } from "./read-pages.server";
import { recordFailure, recordSuccess } from "./source-control.server";
import { checkConfig, getSource } from "./sources.server";

export class SourceNotFoundError extends Error {
  constructor(sourceId: number) {
    super(`source ${sourceId} does not exist (deleted?)`);
    this.name = "SourceNotFoundError";
  }
}

export interface RunSourceOptions {
  trigger: ScrapeTrigger;
  jobId?: number | null;
  signal?: AbortSignal;
  /** Overrides for the polite fetcher (tests: allow-list, no delays, a fake clock). */
  fetcherOptions?: FetcherOptions;
  /** Renders browser pages; defaults to the shared Chromium. */
  render?: RenderFn;
  deadAfter?: number;
  onPage?: (fetched: number, total: number) => void;
}

export interface RunSourceResult {
  runId: number;
  status: "succeeded" | "failed";
  /** After a failure: "failed", or "dead" when the dead-letter rule paused the source. */
  sourceState?: "failed" | "dead";
  pagesFetched: number;
  observationsWritten: number;
  durationMs: number;
  error?: string;
}

/**
 * What a failed run stores and the Scrapers page shows: a message code, worded in the
 * reader's language. The technical part (the missing part of a page, a URL and its HTTP
 * status, a library's reason) stays as it is inside it.
 */
export function runError(error: unknown): string {
  if (error instanceof LayoutChangedError)
    return message("messages:scrapers.run.layoutChanged", { missing: error.missing });
  if (error instanceof ScrapeFetchError)
    return message("messages:scrapers.run.fetchFailed", { detail: error.message });
  return errorMessage(error);
}

/** A worker that died mid-run left its row "running"; its retry closes it first. */
function closeInterruptedRuns(scope: WorkspaceScope, sourceId: number, jobId: number) {
  scope.update(
    scrapeRuns,
    { status: "interrupted", error: message("messages:scrapers.run.workerStopped") },
    and(
      eq(scrapeRuns.sourceId, sourceId),
      eq(scrapeRuns.jobId, jobId),
      eq(scrapeRuns.status, "running"),
    ),
  );
}

export async function runSource(
  scope: WorkspaceScope,
  sourceId: number,
  options: RunSourceOptions,
): Promise<RunSourceResult> {
  const { db } = scope;
  const source = getSource(scope, sourceId);
  if (!source) throw new SourceNotFoundError(sourceId);
  if (options.jobId) closeInterruptedRuns(scope, sourceId, options.jobId);
  const startedAt = new Date();
  const run = scope.insert(scrapeRuns, {
    sourceId,
    jobId: options.jobId ?? null,
    trigger: options.trigger,
    status: "running",
    startedAt,
  });
  const fetcher = createFetcher(options.fetcherOptions);
  const stopFetching = () => void fetcher.close();
  options.signal?.addEventListener("abort", stopFetching, { once: true });
  let pagesFetched = 0;
  const finish = (set: Partial<typeof scrapeRuns.$inferInsert>) => {
    const finishedAt = new Date();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    scope.update(
      scrapeRuns,
      { finishedAt, durationMs, pagesFetched, ...set },
      eq(scrapeRuns.id, run.id),
    );
    return { finishedAt, durationMs };
  };
  try {
    const { adapter, config } = checkConfig(source.adapter, source.config);
    const read = await readSourcePages(
      adapter,
      config,
      { fetcher, render: options.render ?? renderPage },
      {
        signal: options.signal,
        now: startedAt,
        onPage: (fetched, total) => {
          pagesFetched = fetched;
          options.onPage?.(fetched, total);
        },
      },
    );
    options.signal?.throwIfAborted();
    const writtenAt = new Date();
    const observationsWritten = db.transaction(() => {
      const written = upsertObservations(scope, sourceId, read.observations, writtenAt);
      const { finishedAt } = finish({ status: "succeeded", observationsWritten: written });
      recordSuccess(scope, source, finishedAt);
      return written;
    });
    // New figures: analyses that depend on the workspace's data are computed again.
    if (observationsWritten > 0) afterDataChanged(scope);
    const durationMs = Date.now() - startedAt.getTime();
    return { runId: run.id, status: "succeeded", pagesFetched, observationsWritten, durationMs };
  } catch (error) {
    if (options.signal?.aborted) {
      finish({
        status: "interrupted",
        error: message("messages:scrapers.run.stopped", {
          why: errorMessage(options.signal.reason),
        }),
      });
      throw error;
    }
    const reason = runError(error);
    const { finishedAt, durationMs } = finish({ status: "failed", error: reason });
    const sourceState = recordFailure(
      scope,
      source,
      reason,
      finishedAt,
      options.deadAfter ?? DEAD_AFTER_FAILURES,
    );
    return {
      runId: run.id,
      status: "failed",
      sourceState,
      pagesFetched,
      observationsWritten: 0,
      durationMs,
      error: reason,
    };
  } finally {
    options.signal?.removeEventListener("abort", stopFetching);
    await fetcher.close();
  }
}
