import { ResponsiveScatterPlot } from "@nivo/scatterplot";
import { formatPlain } from "~/format";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { categoricalColors, chartTheme } from "./theme";

export interface ScatterSeries {
  id: string;
  data: { x: number; y: number; label?: string }[];
}

/**
 * Points in groups, e.g. customers on the PCA plane by cluster. Both axes fit the data,
 * negatives too (nivo's default scale starts at 0, which would hide half a projection).
 */
export function ScatterChart({
  series,
  height = 420,
  xLegend,
  yLegend,
  empty,
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
          nodeSize={5}
          xFormat={(v) => formatPlain(Number(v))}
          yFormat={(v) => formatPlain(Number(v))}
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
