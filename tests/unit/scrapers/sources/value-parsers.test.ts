import { describe, expect, it } from "vitest";
import { parseLocaleNumber } from "#scrapers/sources/locale-number";
import {
  parseCount,
  parseDate,
  parseDecimal,
  parseDuration,
  parsePercent,
  parseTypedValue,
} from "#scrapers/sources/value-parsers";

describe("parseLocaleNumber", () => {
  it.each([
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    ["1 234,5", 1234.5],
    ["12'345", 12345],
    ["4.125", 4.125], // decimals: a single dot is the decimal mark
    ["1,234", 1234], // …and a single comma before three digits groups
    ["3,4", 3.4],
    ["-2.5", -2.5],
  ])("decimal %s → %d", (text, expected) => {
    expect(parseLocaleNumber(text, { kind: "decimal" })).toBe(expected);
  });

  it("follows an explicit decimal mark", () => {
    expect(parseLocaleNumber("1,234", { kind: "decimal", decimalMark: "," })).toBe(1.234);
    expect(parseLocaleNumber("1.234", { kind: "decimal", decimalMark: "," })).toBe(1234);
  });

  it.each(["", "1,2,3.4.5x", "abc", "1.", ",5"])("refuses %j", (text) => {
    expect(parseLocaleNumber(text, { kind: "decimal" })).toBeUndefined();
  });
});

describe("typed values", () => {
  it("reads counts inside labels", () => {
    expect(parseCount("48.2K followers")).toBe(48_200);
    expect(parseCount("Followers: 1,2 тыс. подписчиков")).toBe(1_200);
    expect(parseCount("12 345 views")).toBe(12_345);
    expect(parseCount("no number")).toBeUndefined();
  });

  it("reads decimals with currency signs around them", () => {
    expect(parseDecimal("₺1.234,56")).toBe(1234.56);
    expect(parseDecimal("$1,234.56")).toBe(1234.56);
    expect(parseDecimal("4.12 pages")).toBe(4.12);
  });

  it("reads percentages as fractions, sign before or after", () => {
    expect(parsePercent("42.31%")).toBe(0.4231);
    expect(parsePercent("%3,4")).toBe(0.034);
    expect(parsePercent("12,5 %")).toBe(0.125);
    expect(parsePercent("42.31")).toBeUndefined();
  });

  it.each([
    ["04:05", 245],
    ["00:04:05", 245],
    ["1:02:03", 3723],
    ["1h 2m", 3720],
    ["2 min 5 sec", 125],
    ["45s", 45],
    ["1.5h", 5400],
  ])("duration %s → %d s", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(["", "4:65", "1:60:00", "5 apples", "1h and 2m"])("refuses duration %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2026-11-20T18:00:00+03:00", "2026-11-20"],
    ["20.11.2026", "2026-11-20"],
    ["Nov 20, 2026", "2026-11-20"],
    ["20 November 2026", "2026-11-20"],
  ])("date %s → %s", (text, day) => {
    expect(parseDate(text)).toBe(day);
  });

  it.each(["2026-02-30", "31.04.2026", "Foo 3, 2026", "yesterday"])("refuses date %j", (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it("keeps dates as text and everything else as a number", () => {
    expect(parseTypedValue("20.11.2026", "date")).toEqual({ value: null, textValue: "2026-11-20" });
    expect(parseTypedValue("1h 2m", "duration")).toEqual({ value: 3720 });
    expect(parseTypedValue("1,234", "decimal", ",")).toEqual({ value: 1.234 });
    expect(parseTypedValue("n/a", "integer")).toBeUndefined();
  });
});
