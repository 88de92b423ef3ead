/**
 * "Scraper health": each source of the workspace in one state.
 * - failing: its last run failed (it retries on schedule) or it stopped after repeated
 *   failures ("dead", scraping/source-control.server.ts);
 * - paused: paused by someone;
 * - stale: enabled, not failing, but it has missed a whole scheduled period: the second
 *   due time after its last run (or after it was added, if it never ran) is already past,
 *   which happens when no worker is running or its runs never start;
 * - waiting: added, not run yet, and not late;
 * - ok: its last run succeeded and it is not late.
 * `now` is a parameter so the rule can be checked at a fixed moment.
 */

import type { WorkspaceScope } from "#db/scoped";
import { nextDueAfter } from "#jobs/schedule";
import { listSources, type Source, stateOf, workspaceTimeZone } from "~/scraping/sources.server";

export type SourceHealth = "ok" | "failing" | "stale" | "paused" | "waiting";

export interface SourceHealthRow {
  id: number;
  name: string;
  health: SourceHealth;
  lastRunAt: string | null;
  /** The last error (failing), or the due time that was missed (stale). */
  lastError: string | null;
  missedRunAt: string | null;
}

export interface ScraperHealth {
  counts: Record<SourceHealth, number>;
  total: number;
  /** Failing and stale sources, for the card to name (failing first). */
  attention: SourceHealthRow[];
}

function safeNextDue(schedule: string, timeZone: string, after: Date): Date | null {
  try {
    return nextDueAfter(schedule, timeZone, after);
  } catch {
    return null;
  }
}

export function healthOf(source: Source, timeZone: string, now: Date): SourceHealthRow {
  const row = {
    id: source.id,
    name: source.name,
    lastRunAt: source.lastRunAt?.toISOString() ?? null,
    lastError: null as string | null,
    missedRunAt: null as string | null,
  };
  const state = stateOf(source);
  if (state === "dead" || (state === "enabled" && source.lastStatus === "failed"))
    return { ...row, health: "failing", lastError: source.lastError };
  if (state === "paused") return { ...row, health: "paused" };
  const since = source.lastRunAt ?? source.createdAt;
  const firstDue = safeNextDue(source.schedule, timeZone, since);
  const secondDue = firstDue ? safeNextDue(source.schedule, timeZone, firstDue) : null;
  if (secondDue && secondDue.getTime() <= now.getTime())
    return { ...row, health: "stale", missedRunAt: firstDue?.toISOString() ?? null };
  return { ...row, health: source.lastRunAt ? "ok" : "waiting" };
}

const ORDER: Record<SourceHealth, number> = { failing: 0, stale: 1, paused: 2, waiting: 3, ok: 4 };

export function scraperHealth(scope: WorkspaceScope, now: Date = new Date()): ScraperHealth {
  const timeZone = workspaceTimeZone(scope);
  const rows = listSources(scope).map((s) => healthOf(s, timeZone, now));
  const counts: Record<SourceHealth, number> = {
    ok: 0,
    failing: 0,
    stale: 0,
    paused: 0,
    waiting: 0,
  };
  for (const row of rows) counts[row.health]++;
  return {
    counts,
    total: rows.length,
    attention: rows
      .filter((r) => r.health === "failing" || r.health === "stale")
      .sort((a, b) => ORDER[a.health] - ORDER[b.health] || a.name.localeCompare(b.name)),
  };
}
