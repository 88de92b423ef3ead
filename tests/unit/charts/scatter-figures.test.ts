// The scatter's figures table: every dot with its group, its words and each axis' figure,
// written as the tooltip writes them (planePointText), so a reader without a pointer, and
// the browser test, can check a dot against it.
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { plainFigure, planePointText } from "~/components/charts/chart-text";
import { ScatterChart } from "~/components/charts/ScatterChart";
import { renderInLocale, resetFormatLocale } from "../../helpers/render-in-locale";

afterAll(resetFormatLocale);

const series = [
  { id: "Cluster 1", data: [{ x: 1.23456, y: -0.5, label: "Ayşe Yılmaz · C-1: Age 34" }] },
  { id: "Cluster 2", data: [{ x: 12345.678, y: 2, label: "Can Demir · C-2: Age 51" }] },
];

describe("ScatterChart figures table", () => {
  it("lists each dot as its tooltip reads, in English and Turkish", async () => {
    const html = await renderInLocale(
      "en",
      createElement(ScatterChart, { series, xLegend: "PC1", yLegend: "PC2" }),
    );
    expect(html).toContain('aria-label="Figures of the chart"');
    expect(html).toContain("<th>Group</th><th>Point</th><th>PC1</th><th>PC2</th>");
    const tip = planePointText({
      series: "Cluster 2",
      label: "Can Demir · C-2: Age 51",
      x: 12345.678,
      y: 2,
      xName: "PC1",
      yName: "PC2",
      formatX: plainFigure,
      formatY: plainFigure,
    });
    expect(tip.lines).toEqual(["Can Demir · C-2: Age 51", "PC1: 12,345.68", "PC2: 2"]);
    expect(html).toContain(
      "<tr><td>Cluster 2</td><td>Can Demir · C-2: Age 51</td><td>12,345.68</td><td>2</td></tr>",
    );
    expect(html).toContain("<td>1.23</td><td>−0.5</td>");
    const tr = await renderInLocale(
      "tr",
      createElement(ScatterChart, { series, xLegend: "PC1", yLegend: "PC2" }),
    );
    expect(tr).toContain("<th>Grup</th><th>Nokta</th>");
    expect(tr).toContain("<td>12.345,68</td>");
  });
});
