// Moments in the workspace's time zone, worked out by hand from the zones' offsets:
// Istanbul is UTC+3 all year, New York UTC−5 in winter and UTC−4 in summer, Kolkata UTC+5:30.
import { afterEach, describe, expect, it } from "vitest";
import { formatAsWritten, formatDateTime, setTimeZoneSource } from "~/format";
import { dayInTimeZone, isTimeZone, workspaceTimeZoneOf } from "~/time-zone";

const MINUS = "−";

afterEach(() => setTimeZoneSource(() => "UTC"));

describe("moments in the workspace's zone", () => {
  const moment = Date.UTC(2026, 11, 2, 22, 5); // 2026-12-02 22:05 UTC

  it("moves the clock and the day, and names the offset", () => {
    expect(formatDateTime(moment, "en", "Europe/Istanbul")).toBe("2026-12-03 01:05 UTC+3");
    expect(formatDateTime(moment, "tr", "Europe/Istanbul")).toBe("03.12.2026 01:05 UTC+3");
    expect(formatDateTime(moment, "ru", "America/New_York")).toBe(`02.12.2026 17:05 UTC${MINUS}5`);
    expect(formatDateTime(Date.UTC(2026, 6, 1, 12), "en", "America/New_York")).toBe(
      `2026-07-01 08:00 UTC${MINUS}4`,
    );
    expect(formatDateTime(moment, "en", "Asia/Kolkata")).toBe("2026-12-03 03:35 UTC+5:30");
    // London in winter is at UTC: written as UTC, not "UTC+0".
    expect(formatDateTime(moment, "en", "Europe/London")).toBe("2026-12-02 22:05 UTC");
  });

  it("takes the zone from the source the entries set, and times from files stay as written", () => {
    setTimeZoneSource(() => "Europe/Istanbul");
    expect(formatDateTime(moment, "en")).toBe("2026-12-03 01:05 UTC+3");
    expect(formatAsWritten(moment, "en")).toBe("2026-12-02 22:05 UTC");
    expect(formatAsWritten(moment, "tr")).toBe("02.12.2026 22:05 UTC");
  });

  it("finds the zone in the workspace layout's loader data, UTC elsewhere or when unknown", () => {
    const data = (timeZone: unknown) => ({
      root: {},
      "routes/w.$workspace": { workspace: { slug: "s", timeZone } },
    });
    expect(workspaceTimeZoneOf(data("Asia/Tokyo"))).toBe("Asia/Tokyo");
    expect(workspaceTimeZoneOf(data("Mars/Base"))).toBe("UTC");
    expect(workspaceTimeZoneOf({ root: {} })).toBe("UTC");
    expect(workspaceTimeZoneOf(undefined)).toBe("UTC");
  });

  it("finds the zone of a shared report's workspace on its public page", () => {
    const shared = { root: {}, "routes/s.$token": { state: "report", timeZone: "Asia/Tokyo" } };
    expect(workspaceTimeZoneOf(shared)).toBe("Asia/Tokyo");
    expect(workspaceTimeZoneOf({ "routes/s.$token": { state: "password" } })).toBe("UTC");
  });

  it("knows IANA names and UTC, not made-up ones", () => {
    expect(isTimeZone("Europe/Istanbul")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("europe/istanbul")).toBe(false);
    expect(isTimeZone("GMT+3")).toBe(false);
  });

  it("counts the calendar day in the zone", () => {
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(dayInTimeZone(moment, "UTC")).toBe(day("2026-12-02"));
    expect(dayInTimeZone(moment, "Europe/Istanbul")).toBe(day("2026-12-03"));
    expect(dayInTimeZone(Date.UTC(2026, 11, 3, 2), "America/New_York")).toBe(day("2026-12-02"));
  });
});
