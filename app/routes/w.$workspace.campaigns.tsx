import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES } from "~/analytics/block-bootstrap";
import { campaignDateSpan } from "~/campaigns/campaign-rows.server";
import { BREAKDOWNS, GRANULARITIES, RoiFilters } from "~/campaigns/roi-params";
import { campaignDays, campaignPage } from "~/campaigns/roi-report.server";
import { SORT_COLUMNS, sortGroups } from "~/campaigns/sort-groups";
import { FiguresTable } from "~/components/campaigns/FiguresTable";
import { formatRatio } from "~/components/campaigns/ratio-format";
import { BarChart } from "~/components/charts/BarChart";
import { IntervalBars } from "~/components/charts/IntervalBars";
import { LineChart } from "~/components/charts/LineChart";
import { formatPercent } from "~/components/segments/numbers";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger, formatMoney } from "~/format";
import { requireWorkspace } from "~/workspace.server";

const Sort = z.object({
  sort: z.enum(SORT_COLUMNS).catch("spend"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  campaign: z.string().trim().min(1).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = RoiFilters.safeParse(search);
  // A bad filter shows its message and the page falls back to all dates.
  const filters = parsed.success ? parsed.data : RoiFilters.parse({});
  const error = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`).join("; ");
  const { sort, dir, campaign } = Sort.parse(search);
  const range = { from: filters.from, to: filters.to };
  const page = campaignPage(scope, range, filters.by, filters.granularity);
  return {
    filters,
    search: parsed.success ? search : {},
    error,
    sort: { column: sort, dir },
    currency: reportingCurrency(scope).currency,
    span: campaignDateSpan(scope),
    breakdown: page.breakdown,
    channels: page.channels,
    campaigns: sortGroups(page.campaigns, sort, dir),
    series: page.series,
    drill: campaign ? { key: campaign, ...campaignDays(scope, range, campaign) } : null,
  };
}

const BY_LABELS = { channel: "Channel", campaign: "Campaign", product: "Product", month: "Month" };

export default function CampaignsPage() {
  const data = useLoaderData<typeof loader>();
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
          file on the <Link to="../data">Data</Link> page.
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
          <p className="small muted">Sort by a column heading; open a campaign to see its days.</p>
          <FiguresTable
            label="Campaigns"
            groups={campaigns}
            currency={currency}
            sort={sort}
            sortLink={(column) =>
              withParams({
                sort: column,
                dir: sort.column === column && sort.dir === "desc" ? "asc" : "desc",
              })
            }
            rowLink={(group) => withParams({ campaign: group.key })}
          />
        </>
      )}
      {drill ? (
        <section aria-label="Campaign days">
          <h2>
            {"label" in drill ? drill.label : drill.key}: days{" "}
            <Link to={withParams({ campaign: undefined })} className="small">
              close
            </Link>
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
