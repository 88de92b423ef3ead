/**
 * The Channels page's catalogue and comparison charts. The page passes `interactive`, so the
 * channels to compare can be ticked; a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart } from "~/components/charts/BarChart";
import { LineChart } from "~/components/charts/LineChart";
import { humanLabel } from "~/components/labels";
import { formatFigure, formatPercent } from "~/components/scraping/format";
import { formatDateTime, formatInteger } from "~/format";
import type { ChannelsPage } from "~/scraping/channels-page.server";
import { MAX_COMPARED_CHANNELS } from "~/scraping/limits";

type Data = import("@remix-run/node").SerializeFrom<ChannelsPage>;

/** "age_25_34 (41 %)", the band's stored name and its share, as "Age 25–34 (41 %)". */
function labelTopAgeBand(text: string | null): string | null {
  return text?.replace(/^\S+/, (band) => humanLabel(band)) ?? null;
}

/** Read-only, the catalogue is a plain table: a form would be left out of a printed report. */
function Frame({ interactive, children }: { interactive: boolean; children: ReactNode }) {
  return interactive ? <Form method="get">{children}</Form> : <div>{children}</div>;
}

export function ChannelsView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { catalogue, compare, tooMany, subscribers, views, engagement, posting } = data;

  const percent = (v: number) => formatPercent(v);
  return (
    <>
      <h1>Channels</h1>
      <p className="muted">
        Channels you uploaded audiences for, and channels the{" "}
        {interactive ? <Link to="../scrapers">scrapers</Link> : "scrapers"} follow, joined where
        both describe the same channel. Tick up to {MAX_COMPARED_CHANNELS} to compare.
      </p>
      {catalogue.length === 0 ? (
        <p className="muted">
          No channels yet: upload channel audiences on the Data page or add a scraper source.
        </p>
      ) : (
        <Frame interactive={interactive}>
          <div className="scroll-x">
            <table className="data" aria-label="Channel catalogue">
              <thead>
                <tr>
                  <th>Compare</th>
                  <th>Channel</th>
                  <th>Subscribers</th>
                  <th>Views per post</th>
                  <th>Engagement rate</th>
                  <th>Posts per week</th>
                  <th>Audience (uploaded)</th>
                  <th>Fetched</th>
                </tr>
              </thead>
              <tbody>
                {catalogue.map((r) => (
                  <tr key={r.key}>
                    <td>
                      {r.handle && interactive ? (
                        <input
                          type="checkbox"
                          name="compare"
                          value={r.handle}
                          defaultChecked={compare.includes(r.handle)}
                          aria-label={`Compare ${r.name}`}
                        />
                      ) : null}
                    </td>
                    <td>
                      <strong data-testid="channel-name">{r.name}</strong>
                      <div className="muted small">
                        {[r.handle, r.kind].filter(Boolean).join(" · ")}
                      </div>
                    </td>
                    <td>{formatInteger(r.subscribers)}</td>
                    <td>{formatFigure(r.avgViews)}</td>
                    <td>{formatPercent(r.engagementRate)}</td>
                    <td>{formatFigure(r.postsPerWeek)}</td>
                    <td className="small">
                      {r.uploaded ? (
                        (labelTopAgeBand(r.topAgeBand) ?? "uploaded")
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {r.monthlyVisits ? (
                        <div className="muted">{formatInteger(r.monthlyVisits)} visits / month</div>
                      ) : null}
                    </td>
                    <td className="small">
                      {r.fetchedAt ? (
                        <>
                          {formatDateTime(r.fetchedAt)}
                          <div className="muted">{r.sourceName}</div>
                        </>
                      ) : (
                        <span className="muted">not scraped</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {interactive ? (
            <p>
              <button type="submit">Compare selected</button>
            </p>
          ) : null}
          {tooMany ? (
            <p className="warn small">Only the first {MAX_COMPARED_CHANNELS} are compared.</p>
          ) : null}
        </Frame>
      )}
      {compare.length > 0 ? (
        <section aria-label="Channel comparison">
          <h2>Subscribers over time</h2>
          <LineChart series={subscribers} yLegend="subscribers" />
          <h2>Views per post over time</h2>
          <LineChart series={views} yLegend="average views" />
          <h2>Engagement rate</h2>
          <p className="muted small">Average views per post divided by subscribers.</p>
          <LineChart series={engagement} yLegend="views / subscribers" valueFormat={percent} />
          <h2>Posting frequency</h2>
          <BarChart data={posting} keys={["posts"]} axisLeftLegend="posts per week" height={240} />
          <p className="muted small">
            Each figure comes from the channel's scraper source; the table shows when each was last
            fetched.
          </p>
        </section>
      ) : null}
    </>
  );
}
