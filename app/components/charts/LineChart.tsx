import { ResponsiveLine } from "@nivo/line";
import { useTranslation } from "react-i18next";
import { formatDay, formatInteger, formatMonth, formatPlain } from "~/format";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { legendWidth, lineSliceText, marginForLabels, plainFigure } from "./chart-text";
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
  dayFormat,
  empty,
}: {
  series: LineSeries[];
  height?: number;
  yLegend?: string;
  valueFormat?: (value: number) => string;
  /** How a point's day reads in its tooltip (e.g. a month); default: the day. */
  dayFormat?: (isoDay: string) => string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const { drawn, without } = drawableSeries(series);
  // A line needs two points: a series with fewer would draw nothing without its markers.
  const sparse = drawn.some((s) => s.data.filter((point) => point.y !== null).length < 3);
  const axisFormat = valueFormat ?? thousands;
  const tooltipFormat = valueFormat ?? plainFigure;
  if (drawn.length === 0) return <EmptyChart height={height} message={empty} />;
  // Room for the widest tick label (from the extremes, as the axis writes them) and the
  // axis title beside it, so the title never sits on the ticks; and for the longest name.
  const values = drawn.flatMap((s) => s.data.flatMap((p) => (p.y === null ? [] : [p.y])));
  const tickRoom = marginForLabels(
    [Math.min(...values), Math.max(...values), 0].map((v) => axisFormat(v)),
    { min: 36, max: 120 },
  );
  const left = tickRoom + (yLegend ? 22 : 0);
  const legendRoom = Math.min(260, legendWidth(drawn.map((s) => s.id)));
  const chart = (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveLine
          data={drawn}
          margin={{ top: 10, right: legendRoom + 20, bottom: 50, left }}
          xScale={{ type: "time", format: "%Y-%m-%d", precision: "day", useUTC: true }}
          xFormat={(v) => formatDay(isoDay(v))}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          yFormat={valueFormat ? (v) => valueFormat(Number(v)) : undefined}
          axisBottom={{ format: (v: Date) => formatMonth(v), tickValues: 6 }}
          axisLeft={{
            legend: yLegend,
            legendOffset: -(tickRoom + 10),
            legendPosition: "middle",
            format: axisFormat,
          }}
          colors={categoricalColors}
          theme={chartTheme}
          pointSize={sparse ? 8 : 0}
          useMesh
          enableSlices="x"
          sliceTooltip={({ slice }) => (
            <ChartTooltip
              text={lineSliceText(
                isoDay(slice.points[0]?.data.x),
                slice.points.map((point) => ({
                  series: String(point.seriesId),
                  value: point.data.y as number | null,
                })),
                tooltipFormat,
                dayFormat ?? ((day) => formatDay(day)),
              )}
            />
          )}
          legends={[
            {
              anchor: "right",
              direction: "column",
              translateX: legendRoom + 10,
              itemWidth: legendRoom,
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
  const formatDayText = dayFormat ?? ((day: string) => formatDay(day));
  return (
    <>
      {chart}
      {without.length > 0 ? (
        <p className="small muted">{t("charts.noFiguresFor", { names: without.join(", ") })}</p>
      ) : null}
      <details className="chart-figures">
        <summary className="small">{t("charts.showFigures")}</summary>
        <div className="scroll-x">
          <table className="data small" aria-label={t("charts.figuresTable")}>
            <thead>
              <tr>
                <th>{t("charts.day")}</th>
                {drawn.map((s) => (
                  <th key={s.id}>{s.id}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figureRows(drawn).map((row) => (
                <tr key={row.day}>
                  <td>{formatDayText(row.day)}</td>
                  {row.values.map((value, i) => (
                    <td key={drawn[i]?.id}>{value === null ? "—" : tooltipFormat(value)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

/**
 * The chart as a table: one row per day that any series has, oldest first, one value per
 * series (null where a series has none that day). The same figures the tooltips show.
 */
export function figureRows(series: readonly LineSeries[]): {
  day: string;
  values: (number | null)[];
}[] {
  const days = [...new Set(series.flatMap((s) => s.data.map((p) => p.x)))].sort();
  const byDay = series.map((s) => new Map(s.data.map((p) => [p.x, p.y])));
  return days.map((day) => ({ day, values: byDay.map((values) => values.get(day) ?? null) }));
}

/** Axis labels: 3,500,000 rather than 3500000; small values (rates) in the language's digits. */
function thousands(value: number): string {
  return Math.abs(value) >= 1000 ? formatInteger(value) : formatPlain(value);
}

/** nivo hands the time scale's x back as a Date (or the ISO text it was given). */
function isoDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
