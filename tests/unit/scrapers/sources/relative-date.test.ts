import { describe, expect, it } from "vitest";
import { resolveRelativeDate } from "#scrapers/sources/relative-date";

const NOW = new Date("2026-11-21T09:00:00Z");

describe("resolveRelativeDate", () => {
  it.each([
    ["2 days ago", "2026-11-19"],
    ["1 day ago", "2026-11-20"],
    ["10 hours ago", "2026-11-20"], // 09:00 − 10 h crosses midnight
    ["8 hours ago", "2026-11-21"],
    ["30 minutes ago", "2026-11-21"],
    ["1 week ago", "2026-11-14"],
    ["3 weeks ago", "2026-10-31"],
    ["1 month ago", "2026-10-21"],
    ["Streamed 1 month ago", "2026-10-21"],
    ["Premiered 2 months ago", "2026-09-21"],
    ["11 months ago", "2025-12-21"],
    ["1 year ago", "2025-11-21"],
    ["a year ago", "2025-11-21"],
    ["today", "2026-11-21"],
    ["yesterday", "2026-11-20"],
  ])("%s → %s", (text, day) => {
    expect(resolveRelativeDate(text, NOW)).toBe(day);
  });

  it("clamps to the end of a shorter month", () => {
    expect(resolveRelativeDate("1 month ago", new Date("2026-03-31T12:00:00Z"))).toBe("2026-02-28");
  });

  it.each(["", "soon", "3 fortnights ago", "2026-11-19"])("refuses %j", (text) => {
    expect(resolveRelativeDate(text, NOW)).toBeUndefined();
  });
});
