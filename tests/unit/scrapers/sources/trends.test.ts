import { describe, expect, it } from "vitest";
import { parseTrends, TrendsConfigSchema, trendsAdapter } from "#scrapers/sources/trends";
import { parseTrendsCsv, TrendsCsvError } from "#scrapers/sources/trends-csv";
import { LayoutChangedError } from "#scrapers/sources/types";
import { FETCHED_AT, TRENDS_KEYWORDS, trends } from "../../../fixture-site/expected";
import { readPage } from "../../../fixture-site/pages";
import { english } from "../../../helpers/english";

const config = TrendsConfigSchema.parse({ keywords: TRENDS_KEYWORDS, geo: "tr" });
const URL = trendsAdapter.urls(config)[0] ?? "";

describe("trends adapter", () => {
  it("builds the explore URL for up to five keywords in one region", () => {
    expect(URL).toBe(
      "https://trends.google.com/trends/explore?date=today+12-m&geo=TR&q=kredi+kart%C4%B1%2Cihtiya%C3%A7+kredisi%2Ckonut+kredisi",
    );
    const six = ["a", "b", "c", "d", "e", "f"];
    expect(TrendsConfigSchema.safeParse({ keywords: six }).success).toBe(false);
    expect(TrendsConfigSchema.safeParse({ keywords: ["a"], geo: "Turkey" }).success).toBe(false);
  });

  it("reads interest over time and rising queries from the rendered page", () => {
    const html = readPage("rendered/trends.rendered.html");
    expect(parseTrends(html, URL, config, FETCHED_AT)).toEqual(trends(URL));
  });

  it("reads only the configured keywords, whatever the column order", () => {
    const one = TrendsConfigSchema.parse({ keywords: ["konut kredisi"], geo: "TR" });
    const result = parseTrends(readPage("rendered/trends.rendered.html"), URL, one, FETCHED_AT);
    expect(result.map((o) => o.value)).toEqual([0.5, 17, 19, 20, 22, 21]);
  });

  it("fails with 'layout changed' when the chart's data table is gone", () => {
    const parse = () =>
      parseTrends(readPage("rendered/trends-changed.rendered.html"), URL, config, FETCHED_AT);
    expect(parse).toThrow(LayoutChangedError);
    expect(parse).toThrow(
      'trends interest table (widget[type="fe_line_chart"] .chart-table table)',
    );
  });

  it("names a keyword the page does not show", () => {
    const other = TrendsConfigSchema.parse({ keywords: ["kredi kartı", "mevduat"], geo: "TR" });
    expect(() =>
      parseTrends(readPage("rendered/trends.rendered.html"), URL, other, FETCHED_AT),
    ).toThrow('layout changed: trends interest column for "mevduat"');
  });

  it("sees nothing in the page as served, before its script runs", () => {
    expect(() => parseTrends(readPage("trends.html"), URL, config, FETCHED_AT)).toThrow(
      LayoutChangedError,
    );
  });
});

describe("parseTrendsCsv", () => {
  const url = "upload:multiTimeline.csv";

  it("reads the exported CSV: BOM, category line, quoted keyword, '<1'", () => {
    const result = parseTrendsCsv(readPage("trends-multiTimeline.csv"), { url });
    const row = (entity: string, period: string, value: number) => ({
      entityType: "keyword",
      entity,
      metric: "interest",
      period,
      value,
      url,
    });
    expect(result).toEqual([
      row("kredi kartı", "2025-11-23", 72),
      row("konut kredisi, faiz", "2025-11-23", 0.5),
      row("kredi kartı", "2025-11-30", 75),
      row("konut kredisi, faiz", "2025-11-30", 3),
      row("kredi kartı", "2025-12-07", 100),
      row("konut kredisi, faiz", "2025-12-07", 2),
    ]);
  });

  it("reads monthly exports and worldwide headers", () => {
    const csv = "Category: All categories\n\nMonth,bank: (Worldwide)\n2024-01,40\n2024-02,44\n";
    expect(parseTrendsCsv(csv).map((o) => [o.entity, o.period, o.value])).toEqual([
      ["bank", "2024-01", 40],
      ["bank", "2024-02", 44],
    ]);
  });

  it.each([
    ["a,b\n1,2\n", 'no header row starting with "Week"'],
    ["Week,x: (Turkey)\n", "no data rows"],
    ["Week,x: (Turkey)\n2025-11-23,101\n", '"101" for "x" is not 0–100'],
    ["Week,x: (Turkey)\n23/11/2025,5\n", '"23/11/2025" is not a date'],
  ])("refuses a file that is not one (%#)", (csv, message) => {
    const parse = () => parseTrendsCsv(csv);
    expect(parse).toThrow(TrendsCsvError);
    const inEnglish = () => {
      try {
        parse();
      } catch (error) {
        throw english(error);
      }
    };
    expect(inEnglish).toThrow(/^not a trends interest-over-time CSV: /);
    expect(inEnglish).toThrow(message);
  });
});
