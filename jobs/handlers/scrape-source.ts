/**
 * Runs one scrape of one source (enqueued by the scheduler tick or "Run now").
 *
 * Why every failure is permanent for the queue: the fetcher already retries a page (429,
 * 5xx, timeouts) with backoff inside the run, and the schedule is the retry between runs.
 * Retrying the job as well would triple the requests to a struggling site and count one
 * bad hour as three failed runs towards the dead-letter rule. The queue still retries a
 * job whose worker died (its lease expired), which is what SCRAPE_MAX_ATTEMPTS allows.
 */
import { z } from "zod";
import { type Db, getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import type { FetcherOptions } from "#scrapers/fetch/fetch-page";
import { englishMessage } from "~/i18n/english";
import type { RenderFn } from "~/scraping/read-pages.server";
import { runSource, SourceNotFoundError } from "~/scraping/run-source.server";
import { errorMessage, PermanentJobError } from "../errors";
import { defineHandler } from "../registry";
import { SCRAPE_SOURCE_JOB } from "../schedule";

const Payload = z.object({
  workspaceId: z.number().int(),
  sourceId: z.number().int(),
  trigger: z.enum(["schedule", "manual", "cli"]).default("schedule"),
  dueAt: z.string().optional(),
});

export interface ScrapeHandlerDeps {
  db?: () => Db;
  fetcherOptions?: FetcherOptions;
  render?: RenderFn;
  deadAfter?: number;
}

export function createScrapeSourceHandler(deps: ScrapeHandlerDeps = {}) {
  return defineHandler(SCRAPE_SOURCE_JOB, Payload, async (payload, ctx) => {
    if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId) {
      throw new PermanentJobError("The job's workspace and its payload disagree");
    }
    let result: Awaited<ReturnType<typeof runSource>>;
    try {
      result = await runSource(
        scopeTo((deps.db ?? getDb)(), payload.workspaceId),
        payload.sourceId,
        {
          trigger: payload.trigger,
          jobId: ctx.jobId,
          signal: ctx.signal,
          fetcherOptions: deps.fetcherOptions,
          render: deps.render,
          deadAfter: deps.deadAfter,
          onPage: (rows, total) => ctx.progress({ rows, total, message: "pages fetched" }),
        },
      );
    } catch (error) {
      // Stopping (shutdown, lost lease): rethrown as is so the worker releases the job.
      if (ctx.signal.aborted) throw error;
      if (error instanceof SourceNotFoundError) throw new PermanentJobError(error.message);
      throw new PermanentJobError(errorMessage(error));
    }
    if (result.status === "failed") {
      const dead = result.sourceState === "dead" ? " (source paused as dead)" : "";
      // The job's error is for the log and the CLI: in English.
      throw new PermanentJobError(`${englishMessage(result.error ?? "failed")}${dead}`);
    }
    return {
      runId: result.runId,
      pages_fetched: result.pagesFetched,
      observations_written: result.observationsWritten,
      seconds: Math.round(result.durationMs) / 1000,
    };
  });
}

export const scrapeSourceHandler = createScrapeSourceHandler();
