import { type BarCustomLayerProps, ResponsiveBar } from "@nivo/bar";
import { useTranslation } from "react-i18next";
import { barIndexScale } from "./bar-scales";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { marginForLabels, marginForRotatedLabels, namedValue } from "./chart-text";
import { categoricalColors, chartTheme } from "./theme";

export interface IntervalBar {
  label: string;
  value: number;
  /** The interval's ends, or null when the bar has none (drawn without whiskers). */
  low: number | null;
  high: number | null;
}

type Datum = { label: string; value: number; low: number; high: number; hasInterval: number };

/** Whiskers from low to high over each bar, with caps. */
function Whiskers({ bars, yScale }: BarCustomLayerProps<Datum>) {
  const y = yScale as unknown as (value: number) => number;
  return (
    <g aria-hidden>
      {bars.map((bar) => {
        const d = bar.data.data;
        if (!d.hasInterval) return null;
        const x = bar.x + bar.width / 2;
        const cap = Math.min(10, bar.width / 3);
        return (
          <g key={bar.key} stroke="#1b2430" strokeWidth={1.5}>
            <line x1={x} x2={x} y1={y(d.low)} y2={y(d.high)} />
            <line x1={x - cap} x2={x + cap} y1={y(d.low)} y2={y(d.low)} />
            <line x1={x - cap} x2={x + cap} y1={y(d.high)} y2={y(d.high)} />
          </g>
        );
      })}
    </g>
  );
}

/** One bar per category with its interval as whiskers (e.g. ROI by channel, 80 % interval). */
export function IntervalBars({
  bars,
  height = 320,
  valueFormat,
  axisLeftLegend,
  intervalLabel,
  empty,
}: {
  bars: IntervalBar[];
  height?: number;
  valueFormat: (value: number) => string;
  axisLeftLegend?: string;
  intervalLabel?: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  if (bars.length === 0) return <EmptyChart height={height} message={empty} />;
  const data: Datum[] = bars.map((b) => ({
    label: b.label,
    value: b.value,
    low: b.low ?? b.value,
    high: b.high ?? b.value,
    hasInterval: b.low !== null && b.high !== null ? 1 : 0,
  }));
  // The value axis spans the whiskers and zero, so no whisker is cut off.
  const min = Math.min(0, ...data.map((d) => d.low));
  const max = Math.max(0, ...data.map((d) => d.high));
  const tickRoom = marginForLabels([valueFormat(min), valueFormat(max)], { min: 36, max: 120 });
  const margin = {
    top: 10,
    right: 20,
    bottom: marginForRotatedLabels(
      data.map((d) => d.label),
      35,
      { min: 40, max: 150 },
    ),
    left: tickRoom + (axisLeftLegend ? 22 : 0),
  };
  return (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveBar<Datum>
          data={data}
          keys={["value"]}
          indexBy="label"
          valueScale={{ type: "linear", min, max, round: true }}
          indexScale={barIndexScale}
          margin={margin}
          padding={0.35}
          colors={categoricalColors}
          theme={chartTheme}
          valueFormat={valueFormat}
          enableLabel={false}
          axisBottom={{ tickRotation: -35 }}
          axisLeft={{
            legend: axisLeftLegend,
            legendOffset: -(tickRoom + 10),
            legendPosition: "middle",
            format: valueFormat,
          }}
          tooltip={({ data: d }) => (
            <ChartTooltip
              text={{
                title: d.label,
                lines: [
                  namedValue(axisLeftLegend, valueFormat(d.value)),
                  d.hasInterval
                    ? t("charts.intervalRange", {
                        interval: intervalLabel ?? t("charts.interval"),
                        low: valueFormat(d.low),
                        high: valueFormat(d.high),
                      })
                    : t("charts.noInterval"),
                ],
              }}
            />
          )}
          layers={["grid", "axes", "bars", Whiskers, "markers", "legends"]}
          role="img"
          ariaLabel={t("charts.intervalBars")}
        />
      )}
    </ClientOnly>
  );
}
