import { describe, expect, it } from "vitest";
import { drawableSeries } from "~/components/charts/LineChart";

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
