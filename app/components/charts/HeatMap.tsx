import { ResponsiveHeatMap } from "@nivo/heatmap";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import {
  heatCellText,
  marginForLabels,
  marginForRotatedLabels,
  plainFigure,
  textColourOn,
} from "./chart-text";
import { chartTheme } from "./theme";

export interface HeatRow {
  id: string;
  data: { x: string; y: number | null }[];
}

const COLUMN_ANGLE = -35;

/** Rows × columns of values, e.g. segments × channels or recency × frequency. */
export function HeatMap({
  rows,
  height = 360,
  valueFormat,
  valueName,
  empty,
}: {
  rows: HeatRow[];
  height?: number;
  valueFormat?: (value: number) => string;
  /** What a cell's figure is, named in its tooltip ("Lift"). */
  valueName?: string;
  empty?: string;
}) {
  if (rows.length === 0) return <EmptyChart height={height} message={empty} />;
  const format = valueFormat ?? plainFigure;
  const columns = [...new Set(rows.flatMap((r) => r.data.map((d) => d.x)))];
  const margin = {
    // Column names are drawn slanted above the map, row names beside it: room for the
    // longest of each, so neither is cut off.
    top: marginForRotatedLabels(columns, COLUMN_ANGLE, { min: 30, max: 140 }),
    right: 20,
    bottom: 20,
    left: marginForLabels(
      rows.map((r) => r.id),
      { min: 50, max: 260 },
    ),
  };
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveHeatMap
          data={rows}
          margin={margin}
          axisTop={{ tickRotation: COLUMN_ANGLE }}
          colors={{ type: "sequential", scheme: "blues" }}
          emptyColor="#f0f3f7"
          valueFormat={(v: number) => format(v)}
          theme={chartTheme}
          // White on dark cells, ink on pale ones, whatever the scale puts where.
          labelTextColor={(cell) => textColourOn(cell.color)}
          // The hovered cell's row and column stay at full strength; the rest fade only
          // partly, so their figures can still be read against the tooltip.
          hoverTarget="rowColumn"
          inactiveOpacity={0.45}
          tooltip={({ cell }) => (
            <ChartTooltip
              text={heatCellText({
                row: String(cell.serieId),
                column: String(cell.data.x),
                value: cell.value,
                formatValue: format,
                valueName,
              })}
            />
          )}
          role="img"
        />
      )}
    </ClientOnly>
  );
}
