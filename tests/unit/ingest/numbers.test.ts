import { describe, expect, it } from "vitest";
import { detectDecimalMark, parseNumber } from "~/ingest/numbers";
import { english } from "../../helpers/english";

describe("parseNumber", () => {
  it.each([
    ["1.234,56", ",", 1234.56],
    ["1,234.56", ".", 1234.56],
    ["1 234,56", ",", 1234.56],
    ["1\u00A0234,56", ",", 1234.56],
    ["1\u202F234,56", ",", 1234.56],
    ["12 345 678,9", ",", 12345678.9],
    ["1'234.5", ".", 1234.5],
    ["12,5", ",", 12.5],
    ["-3", ".", -3],
    ["\u22124,5", ",", -4.5],
    ["12-", ".", -12],
    ["(3.00)", ".", -3],
    ["+7", ".", 7],
    [".5", ".", 0.5],
    ["1.2E+05", ".", 120000],
    // A lone "other" mark that cannot be a thousands separator is read as a decimal mark.
    ["1.5", ",", 1.5],
    ["12,5", ".", 12.5],
    // ...but three digits after it are thousands.
    ["1.000", ",", 1000],
    ["1,000", ".", 1000],
    ["1.000", ".", 1],
  ] as const)("%j with decimal %s → %d", (text, mark, value) => {
    expect(english(parseNumber(text, mark))).toEqual({
      ok: true,
      value,
      currency: null,
      percent: false,
    });
  });

  it.each([
    ["₺1.234,50", ",", 1234.5, "TRY"],
    ["12 TL", ",", 12, "TRY"],
    ["12,50 tl", ",", 12.5, "TRY"],
    ["$-12.5", ".", -12.5, "USD"],
    ["-$12.5", ".", -12.5, "USD"],
    ["€ 1.000", ",", 1000, "EUR"],
    ["100 ₽", ",", 100, "RUB"],
    ["1 500 руб.", ",", 1500, "RUB"],
    ["USD 15", ".", 15, "USD"],
    ["(₺3,00)", ",", -3, "TRY"],
  ] as const)("%j → %d %s", (text, mark, value, currency) => {
    expect(english(parseNumber(text, mark))).toEqual({ ok: true, value, currency, percent: false });
  });

  it("flags percents written after or (Turkish style) before the number", () => {
    expect(english(parseNumber("35%", "."))).toEqual({
      ok: true,
      value: 35,
      currency: null,
      percent: true,
    });
    expect(english(parseNumber("%35", ","))).toEqual({
      ok: true,
      value: 35,
      currency: null,
      percent: true,
    });
    expect(english(parseNumber("12,5 %", ","))).toEqual({
      ok: true,
      value: 12.5,
      currency: null,
      percent: true,
    });
  });

  it("reads K/M/B only when asked", () => {
    expect(english(parseNumber("1.2M", ".", { allowMagnitude: true }))).toMatchObject({
      value: 1_200_000,
    });
    expect(english(parseNumber("120K", ",", { allowMagnitude: true }))).toMatchObject({
      value: 120_000,
    });
    expect(english(parseNumber("1.2M", ".").ok)).toBe(false);
  });

  it.each([
    ["abc", "."],
    ["", "."],
    ["-", "."],
    ["1.23.4", ","],
    ["1,2,3", "."],
    ["1,234,567", ","],
    ["1 23", ","],
    ["12 abc", "."],
    ["1-2", "."],
  ] as const)("refuses %j (decimal %s) with a reason naming the text", (text, mark) => {
    expect(english(parseNumber(text, mark))).toEqual({
      ok: false,
      reason: `"${text}" is not a number`,
    });
  });
});

describe("detectDecimalMark", () => {
  it("takes the mark only one reading explains", () => {
    expect(english(detectDecimalMark(["1.234,56", "12,5", "7"], ","))).toEqual({
      mark: ",",
      evidence: { comma: 2, dot: 0 },
    });
    expect(english(detectDecimalMark(["1,234.56", "3.75", "₺12.5"], ";"))).toEqual({
      mark: ".",
      evidence: { comma: 0, dot: 3 },
    });
    expect(english(detectDecimalMark(["1 234,56", "45%"], "\t").mark)).toBe(",");
    expect(english(detectDecimalMark(["1.234.567"], ",").mark)).toBe(",");
  });

  it("is not swayed by dates, codes or three-digit groups", () => {
    const values = ["12.05.2024", "2024-05-12", "P-12", "1,234", "1.234"];
    expect(english(detectDecimalMark(values, ","))).toEqual({
      mark: ".",
      evidence: { comma: 0, dot: 0 },
    });
  });

  it("falls back on the delimiter: ';' files use the decimal comma", () => {
    expect(english(detectDecimalMark(["10", "20"], ";").mark)).toBe(",");
    expect(english(detectDecimalMark(["10", "20"], ",").mark)).toBe(".");
    expect(english(detectDecimalMark(["10", "20"], "|").mark)).toBe(".");
  });
});
