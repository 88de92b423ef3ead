/**
 * The Sites page's charts and figures. The page passes `interactive`, so sites can be chosen;
 * a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { LineChart } from "~/components/charts/LineChart";
import { humanLabel } from "~/components/labels";
import { CustomFiguresTable } from "~/components/scraping/CustomFiguresTable";
import { formatFigure, formatPercent, formatSeconds } from "~/components/scraping/format";
import { Provenance } from "~/components/scraping/Provenance";
import { formatInteger } from "~/format";
import { MAX_COMPARED_SITES } from "~/scraping/limits";
import type { SitesPage } from "~/scraping/sites-page.server";

type Data = import("@remix-run/node").SerializeFrom<SitesPage>;

export function SitesView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { sites, chosen, summaries, visits, trafficKeys, mix, custom } = data;
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
          {interactive ? <Link to="../scrapers">Scrapers</Link> : "Scrapers"} page.
        </p>
      ) : interactive ? (
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
      ) : null}
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
