// Scheduling of sources: a due time fires once even with two schedulers on two connections,
// missed due times collapse into one run, the cron is read in the workspace's time zone,
// pause/resume, and "Run now" dedupes per minute.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { jobs, sources } from "#db/schema";
import { dueSources, fireDueSource, schedulerTick } from "#jobs/schedule";
import { pauseSource, resumeSource, runSourceNow } from "~/scraping/source-control.server";
import { getSource } from "~/scraping/sources.server";
import { addSource, scrapingTestDb, telegramSource } from "./support";

const { db, workspace } = scrapingTestDb();
const at = (iso: string) => new Date(iso);

function scrapeJobsOf(sourceId: number) {
  return db
    .select()
    .from(jobs)
    .where(eq(jobs.kind, "scrape-source"))
    .all()
    .filter((job) => job.payload.sourceId === sourceId);
}

describe("scheduler", () => {
  it("reads the cron in the workspace's time zone", () => {
    const scope = workspace("tz", "Europe/Istanbul"); // UTC+3 all year
    const source = addSource(
      scope,
      telegramSource("http://127.0.0.1:1", { schedule: "0 9 * * *" }),
      at("2026-11-21T05:00:00Z"),
    );
    // 09:00 in Istanbul is 06:00 UTC.
    expect(source.nextRunAt).toEqual(at("2026-11-21T06:00:00Z"));
  });

  it("fires a due time once when two schedulers on two connections race", () => {
    const scope = workspace("race");
    const source = addSource(
      scope,
      telegramSource("http://127.0.0.1:1"),
      at("2026-11-21T10:07:00Z"),
    );
    expect(source.nextRunAt).toEqual(at("2026-11-21T10:15:00Z"));
    const other = openDb(process.env.DATABASE_URL ?? "");
    try {
      const now = at("2026-11-21T10:15:02Z");
      // Both schedulers read the source as due before either has written anything.
      const seenByA = dueSources(db, now).filter((d) => d.source.id === source.id);
      const seenByB = dueSources(other, now).filter((d) => d.source.id === source.id);
      expect(seenByA).toHaveLength(1);
      expect(seenByB).toHaveLength(1);
      const firstJob = fireDueSource(db, seenByA[0] as never, now);
      const secondJob = fireDueSource(other, seenByB[0] as never, now);
      expect(firstJob).toBeTypeOf("number");
      expect(secondJob).toBeUndefined();
      // Whole ticks from both connections over the next hour: one job per quarter hour.
      for (const minute of [16, 29, 30, 31, 44, 45, 59, 60]) {
        const tickAt = new Date(Date.parse("2026-11-21T10:00:00Z") + minute * 60_000 + 1_000);
        schedulerTick(minute % 2 ? other : db, tickAt);
        schedulerTick(minute % 2 ? db : other, tickAt);
      }
    } finally {
      other.$client.close();
    }
    const keys = scrapeJobsOf(source.id).map((job) => job.dedupeKey);
    expect(keys).toEqual([
      `scrape:${source.id}:2026-11-21T10:15:00.000Z`,
      `scrape:${source.id}:2026-11-21T10:30:00.000Z`,
      `scrape:${source.id}:2026-11-21T10:45:00.000Z`,
      `scrape:${source.id}:2026-11-21T11:00:00.000Z`,
    ]);
    expect(scrapeJobsOf(source.id)[0]?.payload).toEqual({
      workspaceId: scope.workspaceId,
      sourceId: source.id,
      trigger: "schedule",
      dueAt: "2026-11-21T10:15:00.000Z",
    });
  });

  it("runs once after downtime, not once per missed due time", () => {
    const scope = workspace("missed");
    const source = addSource(
      scope,
      telegramSource("http://127.0.0.1:1"),
      at("2026-11-21T10:07:00Z"),
    );
    // The worker was down from 10:07 until 16:40: 26 quarter hours were missed.
    const enqueued = schedulerTick(db, at("2026-11-21T16:40:00Z"));
    expect(scrapeJobsOf(source.id)).toHaveLength(1);
    // (Sources of the other tests are due too; this one's job is among those enqueued.)
    expect(enqueued).toContain(scrapeJobsOf(source.id)[0]?.id);
    // The next due time is counted from now, so the next tick has nothing to do.
    expect(getSource(scope, source.id)?.nextRunAt).toEqual(at("2026-11-21T16:45:00Z"));
    schedulerTick(db, at("2026-11-21T16:41:00Z"));
    expect(scrapeJobsOf(source.id)).toHaveLength(1);
  });

  it("pause stops the schedule; resume restarts it from now", () => {
    const scope = workspace("pause");
    const source = addSource(
      scope,
      telegramSource("http://127.0.0.1:1"),
      at("2026-11-21T10:07:00Z"),
    );
    expect(pauseSource(scope, source.id)).toBe(true);
    schedulerTick(db, at("2026-11-21T12:00:00Z"));
    expect(scrapeJobsOf(source.id)).toHaveLength(0);
    expect(getSource(scope, source.id)).toMatchObject({ enabled: false, nextRunAt: null });

    expect(resumeSource(scope, source.id, at("2026-11-21T12:01:00Z"))).toBe(true);
    expect(getSource(scope, source.id)).toMatchObject({
      enabled: true,
      nextRunAt: at("2026-11-21T12:15:00Z"),
    });
    schedulerTick(db, at("2026-11-21T12:14:00Z"));
    expect(scrapeJobsOf(source.id)).toHaveLength(0);
    schedulerTick(db, at("2026-11-21T12:15:01Z"));
    expect(scrapeJobsOf(source.id)).toHaveLength(1);
  });

  it("cannot pause, resume or run another workspace's source", () => {
    const mine = workspace("mine");
    const theirs = workspace("theirs");
    const source = addSource(theirs, telegramSource("http://127.0.0.1:1"));
    expect(pauseSource(mine, source.id)).toBe(false);
    expect(resumeSource(mine, source.id)).toBe(false);
    expect(() => runSourceNow(mine, source.id)).toThrow(/No source/);
    expect(getSource(theirs, source.id)?.enabled).toBe(true);
  });

  it('"Run now" enqueues at once, once per minute', () => {
    const scope = workspace("now");
    const source = addSource(scope, telegramSource("http://127.0.0.1:1"));
    const first = runSourceNow(scope, source.id, at("2026-11-21T10:20:05Z"));
    const again = runSourceNow(scope, source.id, at("2026-11-21T10:20:55Z"));
    const later = runSourceNow(scope, source.id, at("2026-11-21T10:21:00Z"));
    expect(again).toBe(first);
    expect(later).not.toBe(first);
    expect(scrapeJobsOf(source.id).map((j) => j.payload.trigger)).toEqual(["manual", "manual"]);
  });

  it("stops a source whose schedule no longer parses instead of spinning", () => {
    const scope = workspace("broken");
    const source = addSource(
      scope,
      telegramSource("http://127.0.0.1:1"),
      at("2026-11-21T10:07:00Z"),
    );
    db.update(sources).set({ schedule: "not a cron" }).where(eq(sources.id, source.id)).run();
    schedulerTick(db, at("2026-11-21T10:16:00Z"));
    expect(getSource(scope, source.id)).toMatchObject({
      enabled: false,
      nextRunAt: null,
      lastError: "the schedule has no future run",
    });
  });
});
