import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { LineChart } from "~/components/charts/LineChart";
import { humanLabel } from "~/components/labels";
import { CustomFiguresTable } from "~/components/scraping/CustomFiguresTable";
import { formatFigure, formatPercent, formatSeconds } from "~/components/scraping/format";
import { Provenance } from "~/components/scraping/Provenance";
import { formatInteger } from "~/format";
import { MAX_COMPARED_SITES } from "~/scraping/limits";
import {
  customFigures,
  listSites,
  siteSeries,
  siteSummaries,
} from "~/scraping/site-queries.server";
import { requireWorkspace } from "~/workspace.server";

function serialise<T extends { fetchedAt: Date }>(value: T | null) {
  return value && { ...value, fetchedAt: value.fetchedAt.toISOString() };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const sites = listSites(scope);
  const asked = new URL(request.url).searchParams.getAll("site").filter((s) => sites.includes(s));
  const chosen = (asked.length > 0 ? asked : sites).slice(0, MAX_COMPARED_SITES);
  const summaries = siteSummaries(scope, chosen).map((s) => ({
    ...s,
    bounceRate: serialise(s.bounceRate),
    avgVisitDuration: serialise(s.avgVisitDuration),
    pagesPerVisit: serialise(s.pagesPerVisit),
    lastVisits: serialise(s.lastVisits),
    sharesFrom: serialise(s.sharesFrom),
  }));
  const trafficKeys = [...new Set(summaries.flatMap((s) => s.trafficSources.map((t) => t.key)))];
  const mix = summaries.map((s) => ({
    label: s.site,
    ...Object.fromEntries(s.trafficSources.map((t) => [t.key, t.share])),
  }));
  const custom = customFigures(scope).map((r) => ({ ...r, fetchedAt: r.fetchedAt.toISOString() }));
  return {
    sites,
    chosen,
    summaries,
    visits: siteSeries(scope, chosen, "visits"),
    trafficKeys,
    mix,
    custom,
  };
}

export default function SitesPage() {
  const { sites, chosen, summaries, visits, trafficKeys, mix, custom } =
    useLoaderData<typeof loader>();
  const percent = (v: number) => formatPercent(v, 0);
  // Traffic sources are stored as metric keys ("paid_search"); the chart shows their labels.
  const sourceKeys = trafficKeys.map(humanLabel);
  const sourceMix = mix.map(({ label, ...shares }) => ({
    label,
    ...Object.fromEntries(Object.entries(shares).map(([key, share]) => [humanLabel(key), share])),
  }));
  return (
    <>
      <h1>Sites</h1>
      {sites.length === 0 ? (
        <p className="muted">
          No site statistics yet: add a "Website statistics" source on the{" "}
          <Link to="../scrapers">Scrapers</Link> page.
        </p>
      ) : (
        <Form method="get" className="row" aria-label="Choose sites">
          {sites.map((site) => (
            <label key={site} className="row" style={{ alignItems: "center", fontWeight: 400 }}>
              <input
                type="checkbox"
                name="site"
                value={site}
                defaultChecked={chosen.includes(site)}
              />
              {site}
            </label>
          ))}
          <button type="submit" className="secondary">
            Show (up to {MAX_COMPARED_SITES})
          </button>
        </Form>
      )}
      {chosen.length > 0 ? (
        <>
          <h2>Visits per month</h2>
          <LineChart series={visits} yLegend="visits" valueFormat={(v) => formatInteger(v)} />
          {summaries.map((s) =>
            s.lastVisits ? <Provenance key={s.site} {...s.lastVisits} /> : null,
          )}
          <h2>Traffic sources</h2>
          <BarChart
            data={sourceMix}
            keys={sourceKeys}
            valueFormat={percent}
            axisLeftLegend="share of visits"
          />
          {summaries.map((s) =>
            s.sharesFrom ? <Provenance key={s.site} {...s.sharesFrom} /> : null,
          )}
        </>
      ) : null}
      {summaries.map((s) => (
        <section key={s.site} aria-label={`Site ${s.site}`}>
          <h2>{s.site}</h2>
          <div className="stats">
            <div>
              <strong>{formatPercent(s.bounceRate?.value)}</strong>
              <span>bounce rate</span>
            </div>
            <div>
              <strong>{formatSeconds(s.avgVisitDuration?.value)}</strong>
              <span>average visit duration</span>
            </div>
            <div>
              <strong>{formatFigure(s.pagesPerVisit?.value)}</strong>
              <span>pages per visit</span>
            </div>
          </div>
          {s.bounceRate ? <Provenance {...s.bounceRate} /> : null}
          <h3>Visitors by country</h3>
          <BarChart
            data={s.countries.map((c) => ({ label: humanLabel(c.key), share: c.share }))}
            keys={["share"]}
            layout="horizontal"
            valueFormat={percent}
            height={Math.max(160, 36 * s.countries.length)}
          />
          {s.sharesFrom ? <Provenance {...s.sharesFrom} /> : null}
        </section>
      ))}
      {custom.length > 0 ? (
        <section aria-label="Custom sources">
          <h2>Figures from custom sources</h2>
          <CustomFiguresTable rows={custom} />
        </section>
      ) : null}
    </>
  );
}
