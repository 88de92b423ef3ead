import { ResponsiveHeatMap } from "@nivo/heatmap";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { chartTheme } from "./theme";

export interface HeatRow {
  id: string;
  data: { x: string; y: number | null }[];
}

/** Rows × columns of values, e.g. segments × channels or recency × frequency. */
export function HeatMap({
  rows,
  height = 360,
  valueFormat,
  empty,
}: {
  rows: HeatRow[];
  height?: number;
  valueFormat?: (value: number) => string;
  empty?: string;
}) {
  if (rows.length === 0) return <EmptyChart height={height} message={empty} />;
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveHeatMap
          data={rows}
          margin={{ top: 70, right: 20, bottom: 20, left: 150 }}
          axisTop={{ tickRotation: -35 }}
          colors={{ type: "sequential", scheme: "blues" }}
          emptyColor="#f0f3f7"
          valueFormat={valueFormat ? (v: number) => valueFormat(v) : undefined}
          theme={chartTheme}
          labelTextColor={{ from: "color", modifiers: [["darker", 3]] }}
          role="img"
        />
      )}
    </ClientOnly>
  );
}
