import { ResponsiveBar } from "@nivo/bar";
import { useTranslation } from "react-i18next";
import { barIndexScale, barValueScale } from "./bar-scales";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import {
  barText,
  legendWidth,
  marginForLabels,
  marginForRotatedLabels,
  plainFigure,
} from "./chart-text";
import { categoricalColors, chartTheme } from "./theme";

export interface BarDatum {
  label: string;
  [series: string]: string | number;
}

/** Bars by category; several `keys` stack (or group) series. */
export function BarChart({
  data,
  keys,
  height = 320,
  layout = "vertical",
  groupMode = "stacked",
  valueFormat,
  axisLeftLegend,
  valueName,
  empty,
}: {
  data: BarDatum[];
  keys: string[];
  height?: number;
  layout?: "vertical" | "horizontal";
  groupMode?: "stacked" | "grouped";
  valueFormat?: (value: number) => string;
  axisLeftLegend?: string;
  /** What the figure of a one-series chart is, named in its tooltip ("Share of visits"). */
  valueName?: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  if (data.length === 0) return <EmptyChart height={height} message={empty} />;
  const horizontal = layout === "horizontal";
  const format = valueFormat ?? plainFigure;
  const categories = data.map((d) => d.label);
  // The value axis' widest tick, from its extremes as the axis writes them (stacks add up).
  const totals = data.map((d) =>
    keys.reduce((sum, key) => sum + (typeof d[key] === "number" ? (d[key] as number) : 0), 0),
  );
  const singles = data.flatMap((d) => keys.map((key) => Number(d[key]) || 0));
  const extremes = [0, ...(groupMode === "stacked" ? totals : singles)];
  const valueTicks = [Math.min(...extremes), Math.max(...extremes)].map((v) => format(v));
  const valueTickRoom = marginForLabels(valueTicks, { min: 36, max: 120 });
  const legendRoom = keys.length > 1 ? Math.min(240, legendWidth(keys)) : 0;
  const margin = horizontal
    ? {
        top: 10,
        right: keys.length > 1 ? legendRoom + 20 : 24,
        bottom: 40,
        left: marginForLabels(categories, { min: 60, max: 280 }),
      }
    : {
        top: 10,
        right: keys.length > 1 ? legendRoom + 20 : 20,
        bottom: marginForRotatedLabels(categories, 35, { min: 40, max: 150 }),
        left: valueTickRoom + (axisLeftLegend ? 22 : 0),
      };
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveBar
          data={data}
          keys={keys}
          indexBy="label"
          layout={layout}
          groupMode={groupMode}
          valueScale={barValueScale}
          indexScale={barIndexScale}
          margin={margin}
          padding={0.25}
          colors={categoricalColors}
          theme={chartTheme}
          valueFormat={valueFormat}
          enableLabel={false}
          tooltip={(bar) => (
            <ChartTooltip
              text={barText({
                category: String(bar.indexValue),
                series: String(bar.id),
                value: bar.value,
                formatValue: format,
                valueName,
                singleSeries: keys.length === 1,
              })}
            />
          )}
          axisBottom={horizontal ? { format: valueFormat } : { tickRotation: -35 }}
          axisLeft={
            horizontal
              ? {}
              : {
                  legend: axisLeftLegend,
                  legendOffset: -(valueTickRoom + 10),
                  legendPosition: "middle",
                  format: valueFormat,
                }
          }
          legends={
            keys.length > 1
              ? [
                  {
                    dataFrom: "keys",
                    anchor: "right",
                    direction: "column",
                    translateX: legendRoom + 10,
                    itemWidth: legendRoom,
                    itemHeight: 18,
                    // Clicking a series in the legend hides or shows it.
                    toggleSerie: true,
                  },
                ]
              : []
          }
          role="img"
          ariaLabel={t("charts.bar")}
        />
      )}
    </ClientOnly>
  );
}
