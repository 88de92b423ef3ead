import { ResponsiveLine } from "@nivo/line";
import { useTranslation } from "react-i18next";
import { formatDay, formatInteger, formatMonth, formatPlain } from "~/format";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { categoricalColors, chartTheme } from "./theme";

export interface LineSeries {
  id: string;
  data: { x: string; y: number | null }[];
}

/**
 * The series that have a value to draw, and the names of those that have none: nivo draws
 * an all-empty series as the path "null" (a console error) and a legend entry for nothing.
 */
export function drawableSeries(series: readonly LineSeries[]): {
  drawn: LineSeries[];
  without: string[];
} {
  const hasValue = (s: LineSeries) => s.data.some((point) => point.y !== null);
  return {
    drawn: series.filter(hasValue),
    without: series.filter((s) => !hasValue(s)).map((s) => s.id),
  };
}

/** Series over time; x values are ISO dates (YYYY-MM-DD). */
export function LineChart({
  series,
  height = 320,
  yLegend,
  valueFormat,
  empty,
}: {
  series: LineSeries[];
  height?: number;
  yLegend?: string;
  valueFormat?: (value: number) => string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const { drawn, without } = drawableSeries(series);
  // A line needs two points: a series with fewer would draw nothing without its markers.
  const sparse = drawn.some((s) => s.data.filter((point) => point.y !== null).length < 3);
  const axisFormat = valueFormat ?? thousands;
  if (drawn.length === 0) return <EmptyChart height={height} message={empty} />;
  const chart = (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveLine
          data={drawn}
          margin={{ top: 10, right: 140, bottom: 50, left: 70 }}
          xScale={{ type: "time", format: "%Y-%m-%d", precision: "day", useUTC: true }}
          xFormat={(v) => formatDay(isoDay(v))}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          yFormat={valueFormat ? (v) => valueFormat(Number(v)) : undefined}
          axisBottom={{ format: (v: Date) => formatMonth(v), tickValues: 6 }}
          axisLeft={{
            legend: yLegend,
            legendOffset: -60,
            legendPosition: "middle",
            format: axisFormat,
          }}
          colors={categoricalColors}
          theme={chartTheme}
          pointSize={sparse ? 8 : 0}
          useMesh
          enableSlices="x"
          legends={[
            {
              anchor: "right",
              direction: "column",
              translateX: 130,
              itemWidth: 120,
              itemHeight: 18,
              // Clicking a series in the legend hides or shows it.
              toggleSerie: true,
            },
          ]}
          role="img"
        />
      )}
    </ClientOnly>
  );
  if (without.length === 0) return chart;
  return (
    <>
      {chart}
      <p className="small muted">{t("charts.noFiguresFor", { names: without.join(", ") })}</p>
    </>
  );
}

/** Axis labels: 3,500,000 rather than 3500000; small values (rates) in the language's digits. */
function thousands(value: number): string {
  return Math.abs(value) >= 1000 ? formatInteger(value) : formatPlain(value);
}

/** nivo hands the time scale's x back as a Date (or the ISO text it was given). */
function isoDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
