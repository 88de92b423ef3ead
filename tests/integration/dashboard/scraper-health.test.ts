/**
 * "Scraper health" at a fixed moment, 2026-05-01 12:30 UTC, for hourly sources ("0 * * * *",
 * due on the hour in the workspace's zone, Europe/Istanbul, a whole-hour offset).
 */
import { describe, expect, it } from "vitest";
import { sources } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { scraperHealth } from "~/dashboard/scraper-health.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();
const now = new Date("2026-05-01T12:30:00Z");

function add(scope: WorkspaceScope, name: string, values: Partial<typeof sources.$inferInsert>) {
  return scope.insert(sources, {
    name,
    adapter: "telegram",
    config: { channel: name },
    schedule: "0 * * * *",
    createdAt: new Date("2026-04-01T00:00:00Z"),
    ...values,
  }).id;
}

describe("scraperHealth", () => {
  it("puts each source in one state", () => {
    const { scope } = addWorkspace(db, "scr-shop");
    const ran = (iso: string) => ({ lastRunAt: new Date(iso), lastStatus: "succeeded" });
    add(scope, "fresh", ran("2026-05-01T12:00:05Z")); // next due 13:00: ok
    // Last ran 10:00; the 11:00 run never happened and 12:00 has passed too: stale.
    const late = add(scope, "late", ran("2026-05-01T10:00:05Z"));
    add(scope, "broken", {
      ...ran("2026-05-01T12:00:05Z"),
      lastStatus: "failed",
      lastError: "HTTP 503",
      consecutiveFailures: 1,
    });
    add(scope, "dead", {
      ...ran("2026-05-01T11:00:05Z"),
      enabled: false,
      lastStatus: "dead",
      lastError: "HTTP 404",
    });
    add(scope, "paused", { ...ran("2026-04-20T09:00:00Z"), enabled: false });
    add(scope, "new", { createdAt: new Date("2026-05-01T12:10:00Z") }); // first due 13:00
    // Added at 09:00 and never run: 10:00 and 11:00 have both passed.
    const neverRan = add(scope, "never ran", { createdAt: new Date("2026-05-01T09:00:00Z") });

    const health = scraperHealth(scope, now);
    expect(health.counts).toEqual({ ok: 1, failing: 2, stale: 2, paused: 1, waiting: 1 });
    expect(health.total).toBe(7);
    expect(health.attention.map((s) => [s.name, s.health, s.lastError, s.missedRunAt])).toEqual([
      ["broken", "failing", "HTTP 503", null],
      ["dead", "failing", "HTTP 404", null],
      ["late", "stale", null, "2026-05-01T11:00:00.000Z"],
      ["never ran", "stale", null, "2026-05-01T10:00:00.000Z"],
    ]);
    expect(health.attention.map((s) => s.id)).toContain(late);
    expect(health.attention.map((s) => s.id)).toContain(neverRan);
  });

  it("counts nothing without sources", () => {
    const { scope } = addWorkspace(db, "scr-empty");
    expect(scraperHealth(scope, now)).toEqual({
      counts: { ok: 0, failing: 0, stale: 0, paused: 0, waiting: 0 },
      total: 0,
      attention: [],
    });
  });
});
