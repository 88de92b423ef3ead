import { describe, expect, it } from "vitest";
import { drawableSeries, figureRows } from "~/components/charts/LineChart";

describe("drawableSeries", () => {
  it("leaves out series without a single value and names them", () => {
    const series = [
      {
        id: "Instagram",
        data: [
          { x: "2026-10-01", y: 0.031 },
          { x: "2026-11-01", y: null },
        ],
      },
      {
        id: "Telegram",
        data: [
          { x: "2026-10-01", y: null },
          { x: "2026-11-01", y: null },
        ],
      },
      { id: "Blog", data: [] },
    ];
    const { drawn, without } = drawableSeries(series);
    expect(drawn.map((s) => s.id)).toEqual(["Instagram"]);
    expect(without).toEqual(["Telegram", "Blog"]);
  });
});

describe("figureRows", () => {
  it("lists every day once, oldest first, with a gap where a series has no figure", () => {
    const rows = figureRows([
      {
        id: "Spend",
        data: [
          { x: "2025-02-01", y: 20 },
          { x: "2025-01-01", y: 10 },
        ],
      },
      { id: "Revenue", data: [{ x: "2025-02-01", y: 55.5 }] },
    ]);
    expect(rows).toEqual([
      { day: "2025-01-01", values: [10, null] },
      { day: "2025-02-01", values: [20, 55.5] },
    ]);
  });
});
