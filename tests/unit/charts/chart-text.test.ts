/**
 * What the charts write: tooltips read like the tables (the same formatters, per language),
 * label colours keep their contrast, and margins fit the labels. Expected texts are written
 * out by hand; contrast ratios are WCAG 2's (L1 + 0.05) / (L2 + 0.05).
 */
import { describe, expect, it } from "vitest";
import {
  barText,
  DARK_TEXT,
  heatCellText,
  LIGHT_TEXT,
  labelWidth,
  legendWidth,
  lineSliceText,
  marginForLabels,
  marginForRotatedLabels,
  parseColour,
  plainFigure,
  planePointText,
  relativeLuminance,
  textColourOn,
  truncateLabel,
} from "~/components/charts/chart-text";
import { formatDay, formatMoney, formatMonth, formatPercentage } from "~/format";

const NBSP = "\u00a0";

describe("lineSliceText", () => {
  it("titles the slice with its day and names each series with its money figure", () => {
    const text = lineSliceText(
      "2025-04-01",
      [
        { series: "Spend", value: 8135.83333333 },
        { series: "Revenue", value: 11861.5 },
      ],
      (v) => formatMoney(v, "TRY", "en"),
      (day) => formatDay(day, "en"),
    );
    expect(text).toEqual({
      title: "2025-04-01",
      lines: ["Spend: ₺8,135.83", "Revenue: ₺11,861.50"],
    });
  });

  it("writes the day and the figures the Turkish way, and a dash for a missing figure", () => {
    const text = lineSliceText(
      "2025-04-01",
      [
        { series: "Harcama", value: 1234.5 },
        { series: "Gelir", value: null },
      ],
      (v) => formatMoney(v, "TRY", "tr"),
      (day) => formatDay(day, "tr"),
    );
    expect(text).toEqual({ title: "01.04.2025", lines: [`Harcama: 1.234,50${NBSP}₺`, "Gelir: —"] });
  });

  it("can title a monthly point by its month", () => {
    const text = lineSliceText(
      "2025-04-01",
      [{ series: "Visits", value: 1500 }],
      plainFigure,
      (day) => formatMonth(new Date(`${day}T00:00:00Z`), "en"),
    );
    expect(text).toEqual({ title: "Apr 2025", lines: ["Visits: 1,500"] });
  });

  it("never shows a raw float by default: grouped, two decimals at most", () => {
    expect(plainFigure(8135.83333333)).toBe("8,135.83");
  });
});

describe("barText", () => {
  it("names the category as the title and the series beside its figure", () => {
    const text = barText({
      category: "Champions",
      series: "Share of revenue",
      value: 0.4739,
      formatValue: (v) => formatPercentage(v, 1, "en"),
      singleSeries: false,
    });
    expect(text).toEqual({ title: "Champions", lines: [`Share of revenue: 47.4${NBSP}%`] });
  });

  it("leaves out a one-series chart's stored key, or names its figure when told", () => {
    const bar = {
      category: "Türkiye",
      series: "share",
      value: 0.8,
      formatValue: (v: number) => formatPercentage(v, 0, "en"),
      singleSeries: true,
    };
    expect(barText(bar).lines).toEqual([`80${NBSP}%`]);
    expect(barText({ ...bar, valueName: "Share of visits" }).lines).toEqual([
      `Share of visits: 80${NBSP}%`,
    ]);
  });
});

describe("heatCellText", () => {
  it("names the row and the column of a cell", () => {
    expect(
      heatCellText({
        row: "Champions",
        column: "Electronics",
        value: 2.456,
        formatValue: (v) => v.toFixed(2),
        valueName: "Lift",
      }),
    ).toEqual({ title: "Champions × Electronics", lines: ["Lift: 2.46"] });
  });

  it("says an empty cell has no figure", () => {
    expect(
      heatCellText({ row: "R 5", column: "F 1", value: null, formatValue: String }).lines,
    ).toEqual(["—"]);
  });
});

describe("planePointText", () => {
  const formats = { formatX: plainFigure, formatY: plainFigure };

  it("names both axes of a dot, never 'x: 6, y: 11,861.5'", () => {
    expect(
      planePointText({
        series: "Cluster 1",
        x: 6,
        y: 11861.5,
        xName: "Similarity",
        yName: "Effectiveness",
        ...formats,
      }),
    ).toEqual({ title: "Cluster 1", lines: ["Similarity: 6", "Effectiveness: 11,861.5"] });
  });

  it("puts a dot's own words (a customer and their figures) before its axes", () => {
    expect(
      planePointText({
        series: "Cluster 2",
        label: "Ayşe K. · Age 34",
        x: 1,
        y: -2.345,
        xName: "PC1",
        yName: "PC2",
        ...formats,
      }),
    ).toEqual({ title: "Cluster 2", lines: ["Ayşe K. · Age 34", "PC1: 1", "PC2: −2.35"] });
  });

  it("titles a single curve's point by its x", () => {
    expect(
      planePointText({
        series: null,
        x: 4,
        y: 1234.567,
        xName: "k",
        yName: "Inertia",
        ...formats,
      }),
    ).toEqual({ title: "k: 4", lines: ["Inertia: 1,234.57"] });
  });
});

describe("textColourOn", () => {
  it("reads hex and rgb colours", () => {
    expect(parseColour("#08306b")).toEqual([8, 48, 107]);
    expect(parseColour("#fff")).toEqual([255, 255, 255]);
    expect(parseColour("rgb(8, 48, 107)")).toEqual([8, 48, 107]);
    expect(parseColour("blue-ish")).toBeNull();
  });

  it("computes WCAG luminance: 0 for black, 1 for white", () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
  });

  it("puts white on the darkest blue of the scale and ink on the palest", () => {
    // d3's "blues" runs from #f7fbff to #08306b.
    expect(textColourOn("#08306b")).toBe(LIGHT_TEXT);
    expect(textColourOn("rgb(33, 113, 181)")).toBe(LIGHT_TEXT);
    expect(textColourOn("#f7fbff")).toBe(DARK_TEXT);
    expect(textColourOn("rgb(198, 219, 239)")).toBe(DARK_TEXT);
  });

  it("keeps at least 4.5:1 contrast on every step of the scale", () => {
    const steps = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6"];
    const more = ["#2171b5", "#08519c", "#08306b"];
    for (const cell of [...steps, ...more]) {
      const text = parseColour(textColourOn(cell)) as [number, number, number];
      const [a, b] = [relativeLuminance(parseColour(cell) as never), relativeLuminance(text)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      expect(ratio, cell).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("falls back to ink on a colour it cannot read", () => {
    expect(textColourOn("currentColor")).toBe(DARK_TEXT);
  });
});

describe("margins from label lengths", () => {
  it("measures the longest label, counting letters not bytes", () => {
    // 12 letters × 11 px × 0.6 = 79.2 → 80.
    expect(labelWidth(["Lost", "Can't lose 1"])).toBe(80);
    expect(labelWidth(["Şampiyonlar"])).toBe(labelWidth(["Champions12"]));
  });

  it("fits the longest row label beside the axis, within bounds", () => {
    expect(marginForLabels(["Potential loyalists"])).toBe(Math.ceil(19 * 6.6) + 14);
    expect(marginForLabels(["R 5"])).toBe(40);
    expect(marginForLabels(["x".repeat(200)])).toBe(260);
  });

  it("gives rotated labels the height they take: width × sin(angle)", () => {
    // "Google Search": 13 × 6.6 = 86 px wide; at 35°, 86 × 0.574 = 49.3, + 11 + 12 → 73.
    expect(marginForRotatedLabels(["TV", "Google Search"], -35)).toBe(73);
  });

  it("makes a legend wide enough for its longest series name", () => {
    expect(legendWidth(["Share of spend", "Share of revenue"])).toBe(Math.ceil(16 * 7.2) + 26);
  });

  it("shortens a label only when it does not fit", () => {
    expect(truncateLabel("Champions", 200)).toBe("Champions");
    expect(truncateLabel("Potential loyalists", 66)).toBe("Potential…");
  });
});
