import { ResponsiveLine } from "@nivo/line";
import { formatPlain } from "~/format";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { categoricalColors, chartTheme } from "./theme";

/** 8368.7685 → "8,368.77" (in the UI language): never the raw float in a tooltip. */
const plainNumber = (value: number) => formatPlain(value);

const MARK_COLORS = ["#d55e00", "#0072b2", "#009e73"];

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
  marks = [],
  valueFormat,
  xFormat,
  empty,
}: {
  id: string;
  points: CurvePoint[];
  height?: number;
  xLegend?: string;
  yLegend?: string;
  markX?: number;
  markLabel?: string;
  /** More vertical markers (e.g. current and planned spend on a response curve). */
  marks?: { x: number; label: string }[];
  valueFormat?: (value: number) => string;
  /** How the x of a point reads in its tooltip (e.g. money); default: up to 2 decimals. */
  xFormat?: (value: number) => string;
  empty?: string;
}) {
  const formatX = xFormat ?? plainNumber;
  const formatY = valueFormat ?? plainNumber;
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
            // Every x is a tick for short series (k = 2..10); long ones get a few.
            tickValues: points.length <= 12 ? points.map((p) => p.x) : 6,
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
          tooltip={({ point }) => (
            <div className="card small" style={{ padding: "0.4rem 0.6rem" }}>
              <div>
                {xLegend ?? "x"}: <strong>{formatX(Number(point.data.x))}</strong>
              </div>
              <div>
                {yLegend ?? "y"}: <strong>{formatY(Number(point.data.y))}</strong>
              </div>
            </div>
          )}
          markers={[
            ...(markX === undefined ? [] : [{ x: markX, label: markLabel ?? "" }]),
            ...marks,
          ].map((mark, i) => ({
            axis: "x" as const,
            value: mark.x,
            legend: mark.label,
            lineStyle: {
              stroke: MARK_COLORS[i % MARK_COLORS.length],
              strokeWidth: 2,
              strokeDasharray: "4 4",
            },
            textStyle: { fill: MARK_COLORS[i % MARK_COLORS.length], fontSize: 12, fontWeight: 600 },
          }))}
          role="img"
        />
      )}
    </ClientOnly>
  );
}
