import { ResponsiveBar } from "@nivo/bar";
import { useTranslation } from "react-i18next";
import { barIndexScale, barValueScale } from "./bar-scales";
import { ClientOnly, EmptyChart } from "./ClientOnly";
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
  empty,
}: {
  data: BarDatum[];
  keys: string[];
  height?: number;
  layout?: "vertical" | "horizontal";
  groupMode?: "stacked" | "grouped";
  valueFormat?: (value: number) => string;
  axisLeftLegend?: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  if (data.length === 0) return <EmptyChart height={height} message={empty} />;
  const horizontal = layout === "horizontal";
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
          margin={{
            top: 10,
            right: keys.length > 1 ? 130 : 20,
            bottom: horizontal ? 40 : 70,
            left: horizontal ? 140 : 70,
          }}
          padding={0.25}
          colors={categoricalColors}
          theme={chartTheme}
          valueFormat={valueFormat}
          enableLabel={false}
          axisBottom={horizontal ? { format: valueFormat } : { tickRotation: -35 }}
          axisLeft={
            horizontal
              ? {}
              : {
                  legend: axisLeftLegend,
                  legendOffset: -60,
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
                    translateX: 120,
                    itemWidth: 110,
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
