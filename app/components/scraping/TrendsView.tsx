/**
 * The Trends page's interest chart, growth and rising queries. The page passes
 * `interactive`, so keywords can be chosen; a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import { LineChart } from "~/components/charts/LineChart";
import { formatGrowth } from "~/components/scraping/format";
import { Provenance } from "~/components/scraping/Provenance";
import { formatDateTime } from "~/format";
import { MAX_KEYWORDS, MOVING_AVERAGE_WINDOW } from "~/scraping/limits";
import type { TrendsPage } from "~/scraping/trends-page.server";

type Data = import("@remix-run/node").SerializeFrom<TrendsPage>;

export function TrendsView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { keywords, chosen, smooth, series, trends, rising } = data;
  return (
    <>
      <h1>Trends</h1>
      <p className="muted">
        Search interest (0–100, relative to the highest point) from the{" "}
        {interactive ? <Link to="../scrapers">trends scraper</Link> : "trends scraper"} or an
        uploaded export.
      </p>
      {keywords.length === 0 && !interactive ? (
        <p className="muted">No trends yet.</p>
      ) : !interactive ? null : keywords.length > 0 ? (
        <Form method="get" className="row" aria-label="Choose keywords">
          {keywords.map((k) => (
            <label key={k} className="row" style={{ alignItems: "center", fontWeight: 400 }}>
              <input type="checkbox" name="kw" value={k} defaultChecked={chosen.includes(k)} />
              {k}
            </label>
          ))}
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" name="ma" value="1" defaultChecked={smooth} />
            {MOVING_AVERAGE_WINDOW}-point moving average
          </label>
          <button type="submit" className="secondary">
            Show (up to {MAX_KEYWORDS})
          </button>
        </Form>
      ) : (
        <p className="muted">No trends yet: add a trends source, or upload an export below.</p>
      )}
      {chosen.length > 0 ? (
        <>
          <h2>
            Interest over time{smooth ? ` (${MOVING_AVERAGE_WINDOW}-point moving average)` : ""}
          </h2>
          <LineChart series={series} yLegend="interest (0–100)" />
          <table className="data" aria-label="Growth over the period" style={{ marginTop: "1rem" }}>
            <thead>
              <tr>
                <th>Keyword</th>
                <th>Growth over the period</th>
                <th>Period</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {trends.map((t) => (
                <tr key={t.keyword}>
                  <td>{t.keyword}</td>
                  <td>{formatGrowth(t.growth)}</td>
                  <td>
                    {t.first} – {t.last}
                  </td>
                  <td className="small">
                    <Provenance sourceName={t.sourceName} url={t.from} fetchedAt={t.fetchedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Growth compares the average of the last 4 points with the average of the first 4 (of
            half the points, for short series).
          </p>
          <h2>Rising related queries</h2>
          {rising.length === 0 ? (
            <p className="muted">None reported for these keywords.</p>
          ) : (
            <table className="data" aria-label="Rising queries">
              <thead>
                <tr>
                  <th>Keyword</th>
                  <th>Query</th>
                  <th>Growth</th>
                  <th>Fetched</th>
                </tr>
              </thead>
              <tbody>
                {rising.map((r) => (
                  <tr key={`${r.keyword}|${r.query}`}>
                    <td>{r.keyword}</td>
                    <td>{r.query}</td>
                    <td>
                      {r.breakout ? (
                        <span className="badge status-busy">Breakout</span>
                      ) : (
                        formatGrowth(r.growth)
                      )}
                    </td>
                    <td className="small">{formatDateTime(r.fetchedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
}
