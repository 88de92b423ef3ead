import { describe, expect, it } from "vitest";
import { detectDateFormat } from "~/ingest/date-detect";
import { dateToMs, expandTwoDigitYear, parseDate } from "~/ingest/dates";
import { english } from "../../helpers/english";

describe("parseDate", () => {
  it.each([
    ["2024-03-05", "iso", "2024-03-05"],
    ["2024-03-05 14:30", "iso", "2024-03-05T14:30:00.000Z"],
    ["2024-03-05T14:30:15.250", "iso", "2024-03-05T14:30:15.250Z"],
    ["2024-03-05T14:30:00Z", "iso", "2024-03-05T14:30:00.000Z"],
    ["2024-03-05T14:30:00+03:00", "iso", "2024-03-05T11:30:00.000Z"],
    ["2024-03-05T01:30:00-0500", "iso", "2024-03-05T06:30:00.000Z"],
    ["05.03.2024", "dd.mm.yyyy", "2024-03-05"],
    ["5.3.2024 9:05", "dd.mm.yyyy", "2024-03-05T09:05:00.000Z"],
    ["05/03/2024", "dd/mm/yyyy", "2024-03-05"],
    ["03/05/2024", "mm/dd/yyyy", "2024-03-05"],
    ["3/5/2024 2:05 PM", "mm/dd/yyyy", "2024-03-05T14:05:00.000Z"],
    ["3/5/2024 12:00 AM", "mm/dd/yyyy", "2024-03-05T00:00:00.000Z"],
    ["05-03-2024", "dd-mm-yyyy", "2024-03-05"],
    ["05.03.24", "dd.mm.yy", "2024-03-05"],
    ["05/03/85", "dd/mm/yy", "1985-03-05"],
    ["12/31/99 23:59:59", "mm/dd/yy", "1999-12-31T23:59:59.000Z"],
    ["29.02.2024", "dd.mm.yyyy", "2024-02-29"],
  ] as const)("%s as %s → %s", (text, format, iso) => {
    const parsed = parseDate(text, format);
    expect(english(parsed.ok && parsed.iso)).toBe(iso);
  });

  it.each([
    ["31.02.2024", "dd.mm.yyyy"],
    ["29.02.2023", "dd.mm.yyyy"],
    ["31.04.2024", "dd.mm.yyyy"],
    ["2024-13-01", "iso"],
    ["2024-00-10", "iso"],
    ["05.03.2024 25:00", "dd.mm.yyyy"],
    ["05.03.2024 10:60", "dd.mm.yyyy"],
    ["13/25/2024", "mm/dd/yyyy"],
    ["3/5/2024 13:00 PM", "mm/dd/yyyy"],
    ["05/03/2024", "dd.mm.yyyy"],
    ["2024-03-05", "dd/mm/yyyy"],
    ["yesterday", "iso"],
  ] as const)("refuses %s as %s, naming value and format", (text, format) => {
    expect(english(parseDate(text, format))).toEqual({
      ok: false,
      reason: `"${text}" is not a valid date (${format})`,
    });
  });

  it("expands two-digit years around 1930–2029", () => {
    expect(english([0, 29, 30, 99].map(expandTwoDigitYear))).toEqual([2000, 2029, 1930, 1999]);
  });
});

describe("detectDateFormat", () => {
  it("reports a column whose every day is ≤ 12 as ambiguous, with both readings", () => {
    expect(english(detectDateFormat(["03/04/2024", "05/06/2024", "11/12/2024"]))).toEqual({
      status: "ambiguous",
      candidates: ["dd/mm/yyyy", "mm/dd/yyyy"],
      hasTime: false,
    });
  });

  it("lets a later value settle day-first or month-first", () => {
    const dayFirst = detectDateFormat(["03/04/2024", "05/04/2024", "25/04/2024"]);
    expect(english(dayFirst)).toEqual({
      status: "detected",
      format: "dd/mm/yyyy",
      hasTime: false,
      invalidSamples: [],
    });
    const monthFirst = detectDateFormat(["03/04/24 10:00", "04/25/24 09:30", ""]);
    expect(english(monthFirst)).toEqual({
      status: "detected",
      format: "mm/dd/yy",
      hasTime: true,
      invalidSamples: [],
    });
  });

  it("names dotted and ISO columns at once", () => {
    expect(english(detectDateFormat(["05.03.2024", "06.03.2024"]))).toMatchObject({
      status: "detected",
      format: "dd.mm.yyyy",
    });
    expect(english(detectDateFormat(["2024-03-05T10:00:00Z"]))).toMatchObject({
      status: "detected",
      format: "iso",
      hasTime: true,
    });
  });

  it("tolerates a few bad values and lists them", () => {
    const values = ["01.02.2024", "03.04.2024", "05.06.2024", "07.08.2024", "31.02.2024"];
    expect(english(detectDateFormat(values))).toEqual({
      status: "detected",
      format: "dd.mm.yyyy",
      hasTime: false,
      invalidSamples: ["31.02.2024"],
    });
  });

  it("says not_date for text, numbers and mostly-invalid columns", () => {
    expect(english(detectDateFormat(["Ankara", "İzmir"]))).toEqual({ status: "not_date" });
    expect(english(detectDateFormat(["2024", "12.5"]))).toEqual({ status: "not_date" });
    expect(english(detectDateFormat(["01.02.2024", "x", "y"]))).toEqual({ status: "not_date" });
    expect(english(detectDateFormat(["", " "]))).toEqual({ status: "not_date" });
  });
});

describe("dateToMs", () => {
  it("gives parseDate's instant for every ISO shape, read by position or not", () => {
    const days = [
      "2024-02-29",
      "2023-02-29",
      "2025-12-31",
      "0099-01-01",
      "2025-13-01",
      "2025-00-10",
    ];
    const times = ["", " 14:30", "T14:30", "t14:30", " 14:30:05", "T23:59:59", " 24:00", " 10:60"];
    const extra = ["", ":07", ".5", ".123"];
    const zones = ["", "Z", "z", "+03:00", "-0530", "+03", " +03:00", "+3", "X"];
    let checked = 0;
    for (const day of days) {
      for (const time of times) {
        for (const more of extra) {
          for (const zone of zones) {
            const text = `${day}${time}${time ? more : ""}${zone}`;
            const parsed = parseDate(text, "iso");
            expect(english(dateToMs(text, "iso")), text).toBe(
              parsed.ok ? parsed.date.getTime() : null,
            );
            checked++;
          }
        }
      }
    }
    expect(english(checked)).toBeGreaterThan(1500);
  });

  it("reads other formats through parseDate", () => {
    expect(english(dateToMs("05.03.2024 14:30", "dd.mm.yyyy"))).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(english(dateToMs("31.02.2024", "dd.mm.yyyy"))).toBeNull();
    expect(english(dateToMs("2024-11-01T09:03:50+03:00", "iso"))).toBe(
      Date.UTC(2024, 10, 1, 6, 3, 50),
    );
  });
});
