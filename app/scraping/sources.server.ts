/**
 * Sources (what to scrape, how, and when) of one workspace: list, create, delete.
 *
 * A source is checked before it is stored: the adapter must exist, its config must pass the
 * adapter's own zod schema (so a stored config always parses at run time), and the cron
 * expression must parse and not fire more often than every 5 minutes.
 */

import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { sources, workspaces } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { cronProblemOf, nextDueAfter } from "#jobs/schedule";
import { getAdapter, isAdapterId } from "#scrapers/sources/index";
import { clauseList, looksLikeMessage, message } from "~/i18n/message-code";
import { dataChanged } from "~/segments/run-views.server";

export type Source = typeof sources.$inferSelect;
export type SourceState = "enabled" | "paused" | "dead";

export class SourceInputError extends Error {
  constructor(readonly errors: Record<string, string>) {
    // "field: problem; …" as a message, so the CLI prints it in English (englishMessage).
    super(
      clauseList(
        Object.entries(errors).map(([field, problem]) =>
          message("messages:sources.fieldProblem", { field, problem }),
        ),
      ),
    );
    this.name = "SourceInputError";
  }
}

/** Dead = paused by the dead-letter rule after repeated failures, not by a person. */
export function stateOf(source: Pick<Source, "enabled" | "lastStatus">): SourceState {
  if (source.enabled) return "enabled";
  return source.lastStatus === "dead" ? "dead" : "paused";
}

export const SourceBasicsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, message("messages:sources.enterName"))
    .max(100, message("messages:sources.nameTooLong", { max: 100 })),
  adapter: z.string().refine(isAdapterId, message("messages:sources.unknownAdapter")),
  schedule: z.string().trim().min(1, message("messages:sources.enterSchedule")),
});

export interface NewSource {
  name: string;
  adapter: string;
  config: unknown;
  schedule: string;
}

export function workspaceTimeZone(scope: WorkspaceScope): string {
  const row = scope.db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId))
    .get();
  return row?.timeZone ?? "UTC";
}

/**
 * A config field's problem as a message code: the adapters' own refinements are codes
 * already; zod's built-in English ("Too small: expected string to have >=1 characters") is
 * put as a code from the issue's kind and bounds, so the Scrapers page words it.
 */
export function readableMessage(issue: z.core.$ZodIssue): string {
  if (looksLikeMessage(issue.message)) return issue.message;
  const config = (key: string, values?: Record<string, string | number>) =>
    message(`messages:sources.config.${key}`, values);
  switch (issue.code) {
    case "invalid_type":
      // zod's "Invalid input: expected string, received undefined": a field left empty.
      if (issue.input === undefined) return message("messages:sources.required");
      if (issue.expected === "int") return config("wholeNumber");
      return issue.expected === "number" ? config("notNumber") : config("wrongType");
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? message("messages:sources.required") : config("tooShort", { min });
      return issue.origin === "array" ? config("tooFew", { min }) : config("atLeast", { min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return config("tooLong", { max });
      return issue.origin === "array" ? config("tooMany", { max }) : config("atMost", { max });
    }
    case "invalid_format":
      return issue.format === "url" ? config("notUrl") : config("badFormat");
    case "invalid_value":
      return config("oneOf", { options: issue.values.map(String).join(", ") });
    default:
      return config("invalid");
  }
}

/** The adapter's parsed config, or field errors named after the config keys. */
export function checkConfig(adapterId: string, config: unknown) {
  const adapter = getAdapter(adapterId);
  if (!adapter) throw new SourceInputError({ adapter: message("messages:sources.unknownAdapter") });
  const parsed = adapter.configSchema.safeParse(config, { reportInput: true });
  if (parsed.success) return { adapter, config: parsed.data as Record<string, unknown> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "config";
    errors[key] ??= readableMessage(issue);
  }
  throw new SourceInputError(errors);
}

/** Validates everything, then stores the source with its first due time. */
export function createSource(scope: WorkspaceScope, input: NewSource, now = new Date()): Source {
  const basics = SourceBasicsSchema.safeParse(input);
  if (!basics.success) {
    const errors: Record<string, string> = {};
    for (const issue of basics.error.issues) errors[String(issue.path[0])] ??= issue.message;
    throw new SourceInputError(errors);
  }
  const { config } = checkConfig(basics.data.adapter, input.config);
  const timeZone = workspaceTimeZone(scope);
  const problem = cronProblemOf(basics.data.schedule, timeZone);
  if (problem)
    throw new SourceInputError({
      schedule:
        problem.kind === "notCron"
          ? message("messages:sources.notCron", { detail: problem.detail })
          : message(`messages:sources.${problem.kind}`),
    });
  return scope.insert(sources, {
    ...basics.data,
    config,
    enabled: true,
    nextRunAt: nextDueAfter(basics.data.schedule, timeZone, now),
  });
}

export function listSources(scope: WorkspaceScope): Source[] {
  return scope.db
    .select()
    .from(sources)
    .where(scope.where(sources))
    .orderBy(desc(sources.id))
    .all();
}

export function getSource(scope: WorkspaceScope, id: number): Source | undefined {
  return Number.isInteger(id) ? scope.first(sources, eq(sources.id, id)) : undefined;
}

/** Deletes the source with its observations and run history (foreign keys cascade). */
export function deleteSource(scope: WorkspaceScope, id: number): boolean {
  const deleted = scope.delete(sources, eq(sources.id, id)) === 1;
  // Its figures fed the channel match and the traffic effectiveness of stored run views.
  if (deleted) dataChanged(scope);
  return deleted;
}
