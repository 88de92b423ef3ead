import { ResponsiveScatterPlot } from "@nivo/scatterplot";
import { useTranslation } from "react-i18next";
import { formatPlain } from "~/format";
import { ChartTooltip } from "./ChartTooltip";
import { ClientOnly, EmptyChart } from "./ClientOnly";
import { legendWidth, marginForLabels, planePointText } from "./chart-text";
import { categoricalColors, chartTheme } from "./theme";

export interface ScatterSeries {
  id: string;
  data: { x: number; y: number; label?: string }[];
}

/**
 * Points in groups, e.g. customers on the PCA plane by cluster. Both axes fit the data,
 * negatives too (nivo's default scale starts at 0, which would hide half a projection).
 * Under the chart, behind a toggle, the same points as a table: group, the point's words
 * and each axis' figure, written as the tooltips write them.
 */
export function ScatterChart({
  series,
  height = 420,
  xLegend,
  yLegend,
  xFormat,
  yFormat,
  empty,
}: {
  series: ScatterSeries[];
  height?: number;
  xLegend?: string;
  yLegend?: string;
  /** How each axis' figure reads, on the axis and in the tooltip; default: up to 2 decimals. */
  xFormat?: (value: number) => string;
  yFormat?: (value: number) => string;
  empty?: string;
}) {
  const { t } = useTranslation("common");
  if (series.every((s) => s.data.length === 0))
    return <EmptyChart height={height} message={empty} />;
  const formatX = xFormat ?? ((v: number) => formatPlain(v));
  const formatY = yFormat ?? ((v: number) => formatPlain(v));
  const ys = series.flatMap((s) => s.data.map((p) => p.y));
  const tickRoom = marginForLabels(
    [Math.min(...ys), Math.max(...ys)].map((v) => formatY(v)),
    { min: 36, max: 120 },
  );
  const legendRoom = Math.min(260, legendWidth(series.map((s) => s.id)));
  const labelled = series.some((s) => s.data.some((p) => p.label));
  const chart = (
    <ClientOnly height={height}>
      {() => (
        <ResponsiveScatterPlot
          data={series}
          margin={{ top: 10, right: legendRoom + 20, bottom: 50, left: tickRoom + 22 }}
          xScale={{ type: "linear", min: "auto", max: "auto" }}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          colors={categoricalColors}
          theme={chartTheme}
          nodeSize={6}
          // Each dot answers the pointer itself. nivo's Voronoi mesh found no dot at all on
          // the demo's 1,817 customers (one pair of them coincides), so no tooltip showed.
          useMesh={false}
          xFormat={(v) => formatX(Number(v))}
          yFormat={(v) => formatY(Number(v))}
          axisBottom={{
            legend: xLegend,
            legendOffset: 40,
            legendPosition: "middle",
            format: (v: number) => formatX(v),
          }}
          axisLeft={{
            legend: yLegend,
            legendOffset: -(tickRoom + 10),
            legendPosition: "middle",
            format: (v: number) => formatY(v),
          }}
          tooltip={({ node }) => (
            <ChartTooltip
              text={planePointText({
                series: String(node.serieId),
                label: (node.data as { label?: string }).label,
                x: Number(node.data.x),
                y: Number(node.data.y),
                xName: xLegend,
                yName: yLegend,
                formatX,
                formatY,
              })}
            />
          )}
          legends={[
            {
              anchor: "right",
              direction: "column",
              translateX: legendRoom + 10,
              itemWidth: legendRoom,
              itemHeight: 18,
              symbolSize: 10,
            },
          ]}
        />
      )}
    </ClientOnly>
  );
  return (
    <>
      {chart}
      <details className="chart-figures">
        <summary className="small">{t("charts.showFigures")}</summary>
        <div className="scroll-x">
          <table className="data small" aria-label={t("charts.figuresTable")}>
            <thead>
              <tr>
                <th>{t("charts.group")}</th>
                {labelled ? <th>{t("charts.point")}</th> : null}
                <th>{xLegend ?? "x"}</th>
                <th>{yLegend ?? "y"}</th>
              </tr>
            </thead>
            <tbody>
              {series.flatMap((s) =>
                s.data.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: points may coincide; their place is their identity
                  <tr key={`${s.id}:${i}`}>
                    <td>{s.id}</td>
                    {labelled ? <td>{p.label ?? "—"}</td> : null}
                    <td>{formatX(p.x)}</td>
                    <td>{formatY(p.y)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
