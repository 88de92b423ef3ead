import { ResponsiveScatterPlot } from "@nivo/scatterplot";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import type { ScatterSeries } from "./ScatterChart";
import { categoricalColors, chartTheme } from "./theme";

/**
 * Points on a projection plane (e.g. PCA components), where coordinates are centred on 0:
 * unlike ScatterChart, whose axes start at 0, both axes here fit the data, negatives too.
 */
export function ProjectionScatter({
  series,
  height = 440,
  xLegend,
  yLegend,
  empty = "No data to show yet.",
}: {
  series: ScatterSeries[];
  height?: number;
  xLegend?: string;
  yLegend?: string;
  empty?: string;
}) {
  if (series.every((s) => s.data.length === 0))
    return <EmptyChart height={height} message={empty} />;
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveScatterPlot
          data={series}
          margin={{ top: 10, right: 190, bottom: 50, left: 60 }}
          xScale={{ type: "linear", min: "auto", max: "auto" }}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          colors={categoricalColors}
          theme={chartTheme}
          nodeSize={6}
          axisBottom={{ legend: xLegend, legendOffset: 40, legendPosition: "middle" }}
          axisLeft={{ legend: yLegend, legendOffset: -45, legendPosition: "middle" }}
          tooltip={({ node }) => (
            <div className="card small" style={{ padding: "0.4rem 0.6rem" }}>
              <strong>{node.serieId}</strong>
              <div>
                {(node.data as { label?: string }).label ??
                  `${node.formattedX}, ${node.formattedY}`}
              </div>
            </div>
          )}
          legends={[
            {
              anchor: "right",
              direction: "column",
              translateX: 180,
              itemWidth: 170,
              itemHeight: 18,
              symbolSize: 10,
            },
          ]}
        />
      )}
    </ClientOnly>
  );
}
