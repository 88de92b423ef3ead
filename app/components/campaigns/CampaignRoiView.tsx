/**
 * The Campaigns page's figures and charts. The page passes `links`, so filters, sorting and a
 * campaign's days work; a saved report renders the same view without them (read-only).
 */
import { Form, Link } from "@remix-run/react";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES } from "~/analytics/block-bootstrap";
import type { CampaignRoiPage } from "~/campaigns/campaign-roi-page.server";
import { BREAKDOWNS, GRANULARITIES } from "~/campaigns/roi-params";
import { FiguresTable } from "~/components/campaigns/FiguresTable";
import { formatRatio } from "~/components/campaigns/ratio-format";
import { BarChart } from "~/components/charts/BarChart";
import { IntervalBars } from "~/components/charts/IntervalBars";
import { LineChart } from "~/components/charts/LineChart";
import { formatPercent } from "~/components/segments/numbers";
import { formatInteger, formatMoney } from "~/format";

const BY_LABELS = { channel: "Channel", campaign: "Campaign", product: "Product", month: "Month" };

/** JSON-shaped (as a loader or a stored snapshot delivers it). */
type Data = import("@remix-run/node").SerializeFrom<CampaignRoiPage>;

export function CampaignRoiView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { filters, currency, breakdown, channels, campaigns, series, drill, sort } = data;
  const money = (value: number) => formatMoney(value, currency);
  const withParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(data.search as Record<string, string>);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    return `?${next}`;
  };
  const { report } = breakdown;
  const totals = report.totals;
  const spendTotal = channels.reduce((sum, c) => sum + (c.totals.sums.spend ?? 0), 0);
  const revenueTotal = channels.reduce((sum, c) => sum + (c.totals.sums.revenue ?? 0), 0);
  const roiBars = report.groups
    .filter((g) => g.ratios.roi.value !== null)
    .map((g) => {
      const interval = "ratios" in g.intervals ? g.intervals.ratios.roi : null;
      return {
        label: g.label,
        value: g.ratios.roi.value as number,
        low: interval?.low ?? null,
        high: interval?.high ?? null,
      };
    });
  const withoutRoi = report.groups.filter((g) => g.ratios.roi.value === null);
  const level = Math.round(DEFAULT_LEVEL * 100);
  return (
    <>
      <h1>Campaigns</h1>
      <p className="muted">
        Spend, results and returns of the uploaded campaigns. Ratios are quotients of sums (ROI =
        (revenue − spend) / spend). Where rows are daily, each ratio has a {level}&nbsp;% interval
        from {formatInteger(DEFAULT_RESAMPLES)} resamples of the days in 7-day blocks.
      </p>
      {interactive ? (
        <Form method="get" className="row" aria-label="Filters">
          <label>
            From
            <input type="date" name="from" defaultValue={filters.from ?? ""} />
          </label>
          <label>
            To
            <input type="date" name="to" defaultValue={filters.to ?? ""} />
          </label>
          <label>
            Break down by
            <select name="by" defaultValue={filters.by}>
              {BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {BY_LABELS[b]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Over time by
            <select name="granularity" defaultValue={filters.granularity}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            Apply
          </button>
        </Form>
      ) : (
        <p className="small muted">
          Dates: {filters.from ?? "first"} to {filters.to ?? "last"} · by {filters.by} · over time
          by {filters.granularity}
        </p>
      )}
      {data.error ? (
        <p className="form-error" role="alert">
          {data.error}. Showing all dates instead.
        </p>
      ) : null}
      {data.span ? (
        <p className="small muted">
          Daily rows from {data.span.first} to {data.span.last}.
        </p>
      ) : null}
      <p className="small muted" data-testid="row-counts">
        {formatInteger(breakdown.rowsRead)} rows counted.
        {breakdown.totalsRowsOutsideRange > 0
          ? ` ${formatInteger(breakdown.totalsRowsOutsideRange)} campaign totals rows left out: their period is not inside the chosen dates (a totals row counts whole, only when its start and end lie inside the range).`
          : ""}
        {breakdown.totalsRowsSuperseded > 0
          ? ` ${formatInteger(breakdown.totalsRowsSuperseded)} totals rows not counted again: their campaigns also have daily rows.`
          : ""}
      </p>
      {breakdown.rowsRead === 0 ? (
        <p className="muted">
          No campaign rows{filters.from || filters.to ? " in these dates" : ""}. Upload a campaigns
          file on the {interactive ? <Link to="../data">Data</Link> : "Data"} page.
        </p>
      ) : (
        <>
          <h2>ROI by {BY_LABELS[filters.by].toLowerCase()}</h2>
          <IntervalBars
            bars={roiBars}
            valueFormat={(v) => formatRatio("roi", v, currency)}
            axisLeftLegend="ROI"
            intervalLabel={`${level} % interval`}
            empty="No group has an ROI to show."
          />
          {withoutRoi.length > 0 ? (
            <p className="small muted">
              Without ROI: {withoutRoi.map((g) => `${g.label} (${g.ratios.roi.reason})`).join("; ")}
              .
            </p>
          ) : null}
          <FiguresTable
            label={`Figures by ${filters.by}`}
            groups={report.groups}
            totals={totals}
            currency={currency}
          />
          <h2>Share of spend and of revenue by channel</h2>
          <BarChart
            data={channels.map((c) => ({
              label: c.label,
              "share of spend": spendTotal > 0 ? (c.totals.sums.spend ?? 0) / spendTotal : 0,
              "share of revenue":
                revenueTotal > 0 ? (c.totals.sums.revenue ?? 0) / revenueTotal : 0,
            }))}
            keys={["share of spend", "share of revenue"]}
            groupMode="grouped"
            valueFormat={(v) => formatPercent(v, 1)}
            axisLeftLegend="share"
          />
          <h2>Spend and revenue by {filters.granularity}</h2>
          <LineChart
            series={[
              { id: "spend", data: series.map((p) => ({ x: p.start, y: p.spend })) },
              { id: "revenue", data: series.map((p) => ({ x: p.start, y: p.revenue })) },
            ]}
            valueFormat={money}
            yLegend={currency ?? "amount"}
            empty="No daily rows in these dates: totals rows have no days to draw."
          />
          <h2>Campaigns</h2>
          {interactive ? (
            <p className="small muted">
              Sort by a column heading; open a campaign to see its days.
            </p>
          ) : null}
          <FiguresTable
            label="Campaigns"
            groups={campaigns}
            currency={currency}
            sort={sort}
            sortLink={
              interactive
                ? (column) =>
                    withParams({
                      sort: column,
                      dir: sort.column === column && sort.dir === "desc" ? "asc" : "desc",
                    })
                : undefined
            }
            rowLink={interactive ? (group) => withParams({ campaign: group.key }) : undefined}
          />
        </>
      )}
      {drill ? (
        <section aria-label="Campaign days">
          <h2>
            {"label" in drill ? drill.label : drill.key}: days{" "}
            {interactive ? (
              <Link to={withParams({ campaign: undefined })} className="small">
                close
              </Link>
            ) : null}
          </h2>
          {"days" in drill && drill.days && drill.campaign ? (
            <FiguresTable
              label="Campaign days"
              groups={drill.days}
              totals={drill.campaign}
              currency={currency}
            />
          ) : (
            <p className="muted">No rows of this campaign in these dates.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
