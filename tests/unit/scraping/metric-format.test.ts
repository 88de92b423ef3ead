// Scraped figures shown as their kind says: a custom percent metric reads like the built-in
// bounce rate ("3.4 %", not 0.03), durations like the visit duration.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type CustomFigureRow, CustomFiguresTable } from "~/components/scraping/CustomFiguresTable";
import { formatMetric, formatPercent } from "~/components/scraping/format";

describe("formatMetric", () => {
  it("shows percents (stored as fractions) as the bounce rate is shown", () => {
    // 0.034 × 100 = 3.4 → "3.4 %"; 0.4231 → 42.31 → one decimal "42.3 %".
    expect(formatMetric(0.034, "percent")).toBe("3.4 %");
    expect(formatMetric(0.4231, "percent")).toBe(formatPercent(0.4231));
    expect(formatMetric(1, "percent")).toBe("100.0 %");
  });

  it("shows durations in minutes and seconds, other numbers as plain figures", () => {
    // 245 s = 4 × 60 + 5.
    expect(formatMetric(245, "duration")).toBe("4 min 05 s");
    expect(formatMetric(48_200, "integer")).toBe("48,200");
    expect(formatMetric(4.123, "decimal")).toBe("4.12");
    expect(formatMetric(0.034, null)).toBe("0.03");
  });

  it("shows a dash for a missing value whatever the kind", () => {
    expect(formatMetric(null, "percent")).toBe("—");
    expect(formatMetric(undefined, "duration")).toBe("—");
    expect(formatMetric(Number.NaN, "integer")).toBe("—");
  });
});

describe("CustomFiguresTable", () => {
  const base = {
    entity: "Acme Market",
    textValue: null,
    sourceName: "Acme Market public KPIs",
    url: "https://example.com/report.html",
    fetchedAt: "2026-11-21T09:00:00.000Z",
    period: "2026-11-21",
  };
  const rows: CustomFigureRow[] = [
    { ...base, metric: "conversion", value: 0.034, kind: "percent" },
    { ...base, metric: "avg_session", value: 245, kind: "duration" },
    { ...base, metric: "followers", value: 48_200, kind: "integer" },
    { ...base, metric: "launched", value: null, textValue: "2026-11-20", kind: "date" },
  ];

  it("renders each value in its kind's format, dates as their text", () => {
    const html = renderToStaticMarkup(createElement(CustomFiguresTable, { rows }));
    const cells = [...html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(cells).toEqual([
      ["conversion", "3.4 %"],
      ["avg_session", "4 min 05 s"],
      ["followers", "48,200"],
      ["launched", "2026-11-20"],
    ]);
    expect(html).not.toContain("0.03<");
  });
});
