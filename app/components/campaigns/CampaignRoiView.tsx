/**
 * The Campaigns page's figures and charts. The page passes `links`, so filters, sorting and a
 * campaign's days work; a saved report renders the same view without them (read-only).
 */
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES } from "~/analytics/block-bootstrap";
import type { CampaignRoiPage } from "~/campaigns/campaign-roi-page.server";
import { BREAKDOWNS, GRANULARITIES } from "~/campaigns/roi-params";
import { FiguresTable } from "~/components/campaigns/FiguresTable";
import { formatRatio } from "~/components/campaigns/ratio-format";
import { BarChart } from "~/components/charts/BarChart";
import { IntervalBars } from "~/components/charts/IntervalBars";
import { LineChart } from "~/components/charts/LineChart";
import { formatPercent } from "~/components/segments/numbers";
import { formatDay, formatInteger, formatMoney } from "~/format";
import { translateRatioReason } from "./ratio-reasons";

/** JSON-shaped (as a loader or a stored snapshot delivers it). */
type Data = import("@remix-run/node").SerializeFrom<CampaignRoiPage>;

export function CampaignRoiView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { t } = useTranslation("campaigns");
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
  const level = formatPercent(DEFAULT_LEVEL, 0);
  const byLower = t(`byLower.${filters.by}`);
  const granularity = t(`granularity.${filters.granularity}`);
  const shareOfSpend = t("shareOfSpend");
  const shareOfRevenue = t("shareOfRevenue");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { level, resamples: formatInteger(DEFAULT_RESAMPLES) })}</p>
      {interactive ? (
        <Form method="get" className="row" aria-label={t("filters.label")}>
          <label>
            {t("filters.from")}
            <input type="date" name="from" defaultValue={filters.from ?? ""} />
          </label>
          <label>
            {t("filters.to")}
            <input type="date" name="to" defaultValue={filters.to ?? ""} />
          </label>
          <label>
            {t("filters.by")}
            <select name="by" defaultValue={filters.by}>
              {BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {t(`by.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("filters.granularity")}
            <select name="granularity" defaultValue={filters.granularity}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t(`granularity.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            {t("filters.apply")}
          </button>
        </Form>
      ) : (
        <p className="small muted">
          {t("filters.summary", {
            from: filters.from ? formatDay(filters.from) : t("filters.first"),
            to: filters.to ? formatDay(filters.to) : t("filters.last"),
            by: byLower,
            granularity,
          })}
        </p>
      )}
      {data.error ? (
        <p className="form-error" role="alert">
          {t("filterError", { error: data.error })}
        </p>
      ) : null}
      {data.span ? (
        <p className="small muted">
          {t("span", { first: formatDay(data.span.first), last: formatDay(data.span.last) })}
        </p>
      ) : null}
      <p className="small muted" data-testid="row-counts">
        {t("rowsCounted", { count: breakdown.rowsRead })}
        {breakdown.totalsRowsOutsideRange > 0
          ? ` ${t("totalsOutside", { count: breakdown.totalsRowsOutsideRange })}`
          : ""}
        {breakdown.totalsRowsSuperseded > 0
          ? ` ${t("totalsSuperseded", { count: breakdown.totalsRowsSuperseded })}`
          : ""}
      </p>
      {breakdown.rowsRead === 0 ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey={filters.from || filters.to ? "noRowsInDates" : "noRows"}
            components={{ data: interactive ? <Link to="../data" /> : <span /> }}
          />
        </p>
      ) : (
        <>
          <h2>{t("roiBy", { by: byLower })}</h2>
          <IntervalBars
            bars={roiBars}
            valueFormat={(v) => formatRatio("roi", v, currency)}
            axisLeftLegend="ROI"
            intervalLabel={t("intervalLabel", { level })}
            empty={t("noRoiGroup")}
          />
          {withoutRoi.length > 0 ? (
            <p className="small muted">
              {t("withoutRoi", {
                groups: withoutRoi
                  .map((g) => `${g.label} (${translateRatioReason(t, g.ratios.roi.reason ?? "")})`)
                  .join("; "),
              })}
            </p>
          ) : null}
          <FiguresTable
            label={t("figuresBy", { by: byLower })}
            groups={report.groups}
            totals={totals}
            currency={currency}
          />
          <h2>{t("shareTitle")}</h2>
          <BarChart
            data={channels.map((c) => ({
              label: c.label,
              [shareOfSpend]: spendTotal > 0 ? (c.totals.sums.spend ?? 0) / spendTotal : 0,
              [shareOfRevenue]: revenueTotal > 0 ? (c.totals.sums.revenue ?? 0) / revenueTotal : 0,
            }))}
            keys={[shareOfSpend, shareOfRevenue]}
            groupMode="grouped"
            valueFormat={(v) => formatPercent(v, 1)}
            axisLeftLegend={t("share")}
          />
          <h2>{t("spendRevenueBy", { granularity })}</h2>
          <LineChart
            series={[
              { id: t("spend"), data: series.map((p) => ({ x: p.start, y: p.spend })) },
              { id: t("revenue"), data: series.map((p) => ({ x: p.start, y: p.revenue })) },
            ]}
            valueFormat={money}
            yLegend={currency ?? t("amount")}
            empty={t("noDailyRows")}
          />
          <h2>{t("campaigns")}</h2>
          {interactive ? <p className="small muted">{t("sortHint")}</p> : null}
          <FiguresTable
            label={t("campaigns")}
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
        <section aria-label={t("campaignDays")}>
          <h2>
            {t("days", { name: "label" in drill ? drill.label : drill.key })}{" "}
            {interactive ? (
              <Link to={withParams({ campaign: undefined })} className="small">
                {t("close")}
              </Link>
            ) : null}
          </h2>
          {"days" in drill && drill.days && drill.campaign ? (
            <FiguresTable
              label={t("campaignDays")}
              groups={drill.days}
              totals={drill.campaign}
              currency={currency}
            />
          ) : (
            <p className="muted">{t("noCampaignRows")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
