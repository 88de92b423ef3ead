// Figures in each UI language, worked out by hand: the currency is the workspace's, only
// the writing follows the language.
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatDay,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatPercentage,
} from "~/format";

const NBSP = "\u00a0";

describe("money per language", () => {
  it("writes 1234.56 as 1.234,56 ₺ (tr), 1 234,56 ₽ (ru) and 1,234.56 (en)", () => {
    expect(formatMoney(1234.56, "TRY", "tr")).toBe(`1.234,56${NBSP}₺`);
    expect(formatMoney(1234.56, "RUB", "ru")).toBe(`1${NBSP}234,56${NBSP}₽`);
    expect(formatMoney(1234.56, null, "en")).toBe("1,234.56");
    expect(formatMoney(1234.56, "TRY", "en")).toBe("₺1,234.56");
  });

  it("keeps the reporting currency whatever the language", () => {
    expect(formatMoney(1234.56, "TRY", "ru")).toBe(`1${NBSP}234,56${NBSP}₺`);
    expect(formatMoney(1234.56, "EUR", "tr")).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(1234.56, null, "tr")).toBe("1.234,56");
  });

  it("puts the minus before the amount and never signs a zero", () => {
    expect(formatMoney(-250.5, "TRY", "tr")).toBe(`−250,50${NBSP}₺`);
    expect(formatMoney(-0.004, "RUB", "ru")).toBe(`0,00${NBSP}₽`);
    expect(formatMoney(Number.NaN, "TRY", "tr")).toBe("—");
  });
});

describe("numbers, percentages and dates per language", () => {
  it("groups thousands as the language does", () => {
    expect(formatInteger(1234567, "en")).toBe("1,234,567");
    expect(formatInteger(1234567, "tr")).toBe("1.234.567");
    expect(formatInteger(1234567, "ru")).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatDecimal(-1234.5, 2, "tr")).toBe("−1.234,50");
    expect(formatInteger(Number.POSITIVE_INFINITY, "ru")).toBe("—");
  });

  it("writes percentages with the sign first in Turkish", () => {
    expect(formatPercentage(0.4739, 1, "en")).toBe(`47.4${NBSP}%`);
    expect(formatPercentage(0.4739, 1, "tr")).toBe("%47,4");
    expect(formatPercentage(0.4739, 1, "ru")).toBe(`47,4${NBSP}%`);
  });

  it("writes dates day first in tr and ru, ISO-like in en, in UTC outside a workspace", () => {
    const moment = Date.UTC(2026, 11, 2, 14, 5);
    expect(formatDateTime(moment, "en")).toBe("2026-12-02 14:05 UTC");
    expect(formatDateTime(moment, "tr")).toBe("02.12.2026 14:05 UTC");
    expect(formatDateTime(moment, "ru")).toBe("02.12.2026 14:05 UTC");
    expect(formatDay("2026-03-09", "ru")).toBe("09.03.2026");
    expect(formatDay("2026-03-09", "en")).toBe("2026-03-09");
  });

  it("defaults to English when no language is active", () => {
    expect(formatMoney(1234.56, null)).toBe("1,234.56");
    expect(formatDateTime(Date.UTC(2026, 0, 1))).toBe("2026-01-01 00:00 UTC");
  });
});
