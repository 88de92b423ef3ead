import { ResponsiveLine } from "@nivo/line";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { categoricalColors, chartTheme } from "./theme";

export interface CurvePoint {
  x: number;
  y: number;
}

/**
 * One curve over a numeric x (e.g. inertia or silhouette by k), with an optional vertical
 * marker at a chosen x. LineChart is for dates; this one is for counts and parameters.
 */
export function CurveChart({
  id,
  points,
  height = 260,
  xLegend,
  yLegend,
  markX,
  markLabel,
  valueFormat,
  empty = "No data to show yet.",
}: {
  id: string;
  points: CurvePoint[];
  height?: number;
  xLegend?: string;
  yLegend?: string;
  markX?: number;
  markLabel?: string;
  valueFormat?: (value: number) => string;
  empty?: string;
}) {
  if (points.length === 0) return <EmptyChart height={height} message={empty} />;
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveLine
          data={[{ id, data: points }]}
          margin={{ top: 20, right: 30, bottom: 50, left: 70 }}
          xScale={{ type: "linear", min: "auto", max: "auto" }}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          yFormat={valueFormat ? (v) => valueFormat(Number(v)) : undefined}
          axisBottom={{
            legend: xLegend,
            legendOffset: 38,
            legendPosition: "middle",
            tickValues: points.map((p) => p.x),
          }}
          axisLeft={{
            legend: yLegend,
            legendOffset: -60,
            legendPosition: "middle",
            format: valueFormat,
          }}
          colors={categoricalColors}
          theme={chartTheme}
          pointSize={7}
          useMesh
          markers={
            markX === undefined
              ? []
              : [
                  {
                    axis: "x",
                    value: markX,
                    legend: markLabel,
                    lineStyle: { stroke: "#d55e00", strokeWidth: 2, strokeDasharray: "4 4" },
                    textStyle: { fill: "#d55e00", fontSize: 12, fontWeight: 600 },
                  },
                ]
          }
          role="img"
        />
      )}
    </ClientOnly>
  );
}
