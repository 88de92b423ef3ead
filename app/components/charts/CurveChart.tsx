import { type LineCustomSvgLayerProps, type LineLayerId, ResponsiveLine } from "@nivo/line";
import { formatPlain } from "~/format";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { marginForLabels, planePointText } from "./chart-text";
import { categoricalColors, chartTheme } from "./theme";

/** 8368.7685 → "8,368.77" (in the UI language): never the raw float in a tooltip. */
const plainNumber = (value: number) => formatPlain(value);

const MARK_COLORS = ["#d55e00", "#0072b2", "#009e73"];

const DEFAULT_LAYERS: LineLayerId[] = [
  "grid",
  "markers",
  "axes",
  "areas",
  "crosshair",
  "lines",
  "points",
  "slices",
  "mesh",
  "legends",
];

/** A shaded x range drawn under the grid's lines, labelled at its top. */
function bandLayer(band: { from: number; to: number; label: string }) {
  return function Band({ xScale, innerHeight }: LineCustomSvgLayerProps<CurveSeries>) {
    const scale = xScale as unknown as (x: number) => number;
    const left = scale(band.from);
    const width = Math.max(1, scale(band.to) - left);
    return (
      <g data-testid="chart-band">
        <rect x={left} y={0} width={width} height={innerHeight} fill="#0072b2" opacity={0.12} />
        <text x={left + 4} y={12} fontSize={12} fill="#0072b2">
          {band.label}
        </text>
      </g>
    );
  };
}

export interface CurvePoint {
  x: number;
  y: number;
}

type CurveSeries = { id: string; data: CurvePoint[] };

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
  band,
  tooltipText,
  pointSize = 7,
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
  /** An x range to shade behind the curve (e.g. an offer's window), with its label. */
  band?: { from: number; to: number; label: string };
  /** One line of tooltip for a point ("Day 45: 31.2 % activated") instead of x and y lines. */
  tooltipText?: (x: number, y: number) => string;
  pointSize?: number;
  empty?: string;
}) {
  const formatX = xFormat ?? plainNumber;
  const formatY = valueFormat ?? plainNumber;
  if (points.length === 0) return <EmptyChart height={height} message={empty} />;
  const ys = points.map((p) => p.y);
  const tickRoom = marginForLabels(
    [Math.min(...ys), Math.max(...ys)].map((v) => (valueFormat ?? plainNumber)(v)),
    { min: 36, max: 120 },
  );
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveLine
          data={[{ id, data: points }]}
          margin={{ top: 20, right: 30, bottom: 50, left: tickRoom + (yLegend ? 22 : 0) }}
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
            legendOffset: -(tickRoom + 10),
            legendPosition: "middle",
            format: valueFormat,
          }}
          colors={categoricalColors}
          theme={chartTheme}
          pointSize={pointSize}
          useMesh
          layers={band ? [bandLayer(band), ...DEFAULT_LAYERS] : DEFAULT_LAYERS}
          tooltip={({ point }) =>
            tooltipText ? (
              <ChartTooltip
                text={{ title: tooltipText(Number(point.data.x), Number(point.data.y)), lines: [] }}
              />
            ) : (
              <ChartTooltip
                text={planePointText({
                  series: null,
                  x: Number(point.data.x),
                  y: Number(point.data.y),
                  xName: xLegend,
                  yName: yLegend,
                  formatX,
                  formatY,
                })}
              />
            )
          }
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
