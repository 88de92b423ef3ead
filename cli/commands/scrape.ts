/**
 * `scrape run` runs a source in this process (not through the queue), so an operator or a
 * script sees the result at once; `scrape add` creates a source as the Scrapers page does.
 */

import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { closeSharedBrowser } from "#scrapers/browser";
import { englishMessage } from "~/i18n/english";
import { runSource } from "~/scraping/run-source.server";
import { createSource, SourceInputError } from "~/scraping/sources.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

export const scrapeRun: Command = {
  name: "scrape run",
  usage: "--workspace S --source ID",
  options: { workspace: { type: "string" }, source: { type: "string" } },
  async run(flags) {
    const args = z
      .object({ workspace: z.string(), source: z.coerce.number().int().positive() })
      .parse(flags);
    try {
      const result = await runSource(
        scopeTo(getDb(), workspaceIdBySlug(args.workspace)),
        args.source,
        {
          trigger: "cli",
        },
      );
      if (result.status === "failed") throw new Error(result.error ?? "the run failed");
      return {
        observations_written: result.observationsWritten,
        pages_fetched: result.pagesFetched,
        seconds: Math.round(result.durationMs) / 1000,
      };
    } finally {
      // A browser source starts Chromium; the process would not end while it runs.
      await closeSharedBrowser();
    }
  },
};

export const scrapeAdd: Command = {
  name: "scrape add",
  usage:
    "--workspace S --adapter telegram|video|site-stats|trends|custom --config JSON --schedule CRON --name N",
  options: {
    workspace: { type: "string" },
    adapter: { type: "string" },
    config: { type: "string" },
    schedule: { type: "string" },
    name: { type: "string" },
  },
  run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        adapter: z.string(),
        config: z.string(),
        schedule: z.string(),
        name: z.string(),
      })
      .parse(flags);
    let config: unknown;
    try {
      config = JSON.parse(args.config);
    } catch {
      throw new Error('--config must be JSON, e.g. \'{"channel":"acme_news"}\'');
    }
    const scope = scopeTo(getDb(), workspaceIdBySlug(args.workspace));
    try {
      const source = createSource(scope, { ...args, config });
      return {
        id: source.id,
        name: source.name,
        adapter: source.adapter,
        schedule: source.schedule,
        next_run_at: source.nextRunAt?.toISOString() ?? null,
      };
    } catch (error) {
      if (error instanceof SourceInputError)
        throw new Error(`invalid source: ${englishMessage(error.message)}`);
      throw error;
    }
  },
};

export const scrapeCommands: Command[] = [scrapeRun, scrapeAdd];
