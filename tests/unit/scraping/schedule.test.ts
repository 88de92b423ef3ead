// Cron expressions as the scheduler reads them: validation messages, the workspace's time
// zone (with a daylight-saving gap worked out by hand), and the dedupe keys.
import { describe, expect, it } from "vitest";
import { cronProblem, manualDedupeKey, nextDueAfter, scrapeDedupeKey } from "#jobs/schedule";

describe("cronProblem", () => {
  it("accepts five-field schedules that fire at most every 5 minutes", () => {
    expect(cronProblem("*/15 * * * *")).toBeUndefined();
    expect(cronProblem("0 9 * * MON-FRI", "Europe/Istanbul")).toBeUndefined();
  });

  it("explains what is wrong", () => {
    expect(cronProblem("every day")).toMatch(/^not a cron expression/);
    expect(cronProblem("0 0 * * * *")).toMatch(/^not a cron expression.*exactly 5 parts/);
    expect(cronProblem("*/2 * * * *")).toBe("runs at most every 5 minutes, to be polite");
    // 0 and 3 past the hour: a 3-minute gap once an hour is still too often.
    expect(cronProblem("0,3 * * * *")).toBe("runs at most every 5 minutes, to be polite");
  });
});

describe("nextDueAfter", () => {
  it("reads the expression in the workspace's time zone", () => {
    // Istanbul is UTC+3 all year: 09:00 there is 06:00 UTC.
    const after = new Date("2026-11-21T06:00:00Z");
    expect(nextDueAfter("0 9 * * *", "Europe/Istanbul", after)).toEqual(
      new Date("2026-11-22T06:00:00Z"),
    );
    // Berlin in winter is UTC+1: 09:00 there is 08:00 UTC, still ahead on the same day.
    expect(nextDueAfter("0 9 * * *", "Europe/Berlin", after)).toEqual(
      new Date("2026-11-21T08:00:00Z"),
    );
  });

  it("runs a job whose time falls in the spring-forward gap once, just after the gap", () => {
    // Berlin skips 02:00–03:00 on 29 March 2026; 02:30 does not exist that night, so the
    // run is at 03:00 CEST (UTC+2) = 01:00 UTC, and the next night at 02:30 CEST = 00:30 UTC.
    const first = nextDueAfter("30 2 * * *", "Europe/Berlin", new Date("2026-03-28T12:00:00Z"));
    expect(first).toEqual(new Date("2026-03-29T01:00:00Z"));
    expect(nextDueAfter("30 2 * * *", "Europe/Berlin", first as Date)).toEqual(
      new Date("2026-03-30T00:30:00Z"),
    );
  });
});

describe("dedupe keys", () => {
  it("name the source and the due time; manual runs dedupe per minute", () => {
    expect(scrapeDedupeKey(7, new Date("2026-11-21T10:15:00Z"))).toBe(
      "scrape:7:2026-11-21T10:15:00.000Z",
    );
    expect(manualDedupeKey(7, new Date("2026-11-21T10:15:59.999Z"))).toBe(
      "scrape:7:manual:2026-11-21T10:15",
    );
  });
});
