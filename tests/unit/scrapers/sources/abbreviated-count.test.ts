import { describe, expect, it } from "vitest";
import { parseAbbreviatedCount } from "#scrapers/sources/abbreviated-count";

describe("parseAbbreviatedCount", () => {
  it.each([
    ["845", 845],
    ["0", 0],
    ["2,315", 2_315],
    ["12 345", 12_345],
    ["1\u00a0234\u00a0567", 1_234_567],
    ["1.234.567", 1_234_567],
    ["1.234", 1_234], // a count has no fraction, so a lone separator before 3 digits groups
    ["1.2K", 1_200],
    ["12.5K", 12_500],
    ["10K", 10_000],
    ["999k", 999_000],
    ["1.25K", 1_250],
    ["12.5M", 12_500_000],
    ["2.345M", 2_345_000],
    ["1.1B", 1_100_000_000], // English billion: "B" glued to a dot decimal
    ["3B", 3_000_000_000],
    ["3,4 млн", 3_400_000],
    ["1,2 тыс.", 1_200],
    ["980 тыс.", 980_000],
    ["312,4 тыс.", 312_400],
    ["1,05 млн", 1_050_000],
    ["2 млрд", 2_000_000_000],
    ["15 B", 15_000], // Turkish "bin": "B" after a space
    ["2,5B", 2_500], // Turkish: decimal comma
    ["15 bin", 15_000],
    ["2,1 Mn", 2_100_000], // Turkish "milyon"
    ["1,3 Mr", 1_300_000_000], // Turkish "milyar"
    ["0.29M", 290_000], // 0.29 × 1e6 is 289999.99999999994 before rounding
  ])("%s → %d", (text, expected) => {
    expect(parseAbbreviatedCount(text)).toBe(expected);
  });

  it("reads a bare B by the locale when the caller knows it", () => {
    expect(parseAbbreviatedCount("15B", "tr")).toBe(15_000);
    expect(parseAbbreviatedCount("15 B", "en")).toBe(15_000_000_000);
  });

  it.each(["", "K", "abc", "12,5", "1.2X", "1.2 KK", "-5", "12.", "1,2,", "1.2.3K"])(
    "refuses %j",
    (text) => {
      expect(parseAbbreviatedCount(text)).toBeUndefined();
    },
  );
});
