/**
 * The Channels page's catalogue and comparison charts. The page passes `interactive`, so the
 * channels to compare can be ticked; a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/BarChart";
import { LineChart } from "~/components/charts/LineChart";
import { humanLabel } from "~/components/labels";
import { formatFigure, formatPercent } from "~/components/scraping/format";
import { formatDateTime, formatInteger, formatPercentage } from "~/format";
import type { ChannelsPage } from "~/scraping/channels-page.server";
import { MAX_COMPARED_CHANNELS } from "~/scraping/limits";

type Data = import("@remix-run/node").SerializeFrom<ChannelsPage>;

/**
 * "age_25_34 (41 %)", the band's stored name and its share as the server wrote it, as
 * "Age 25–34 (41 %)" with the share written the reader's way ("%41" in Turkish).
 */
function labelTopAgeBand(text: string | null): string | null {
  if (!text) return null;
  const parts = /^(\S+) \((\d+) %\)$/.exec(text);
  if (!parts) return text.replace(/^\S+/, (band) => humanLabel(band));
  return `${humanLabel(parts[1] ?? "")} (${formatPercentage(Number(parts[2]) / 100, 0)})`;
}

/** Read-only, the catalogue is a plain table: a form would be left out of a printed report. */
function Frame({ interactive, children }: { interactive: boolean; children: ReactNode }) {
  return interactive ? <Form method="get">{children}</Form> : <div>{children}</div>;
}

export function ChannelsView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { catalogue, compare, tooMany, subscribers, views, engagement, posting } = data;
  const { t } = useTranslation("scraping");
  // The bar chart names its series by the data's keys: the key is the translated word.
  const postsKey = t("channels.posts");
  const postingBars = posting.map(({ label, posts }) => ({ label, [postsKey]: posts }));

  const percent = (v: number) => formatPercent(v);
  return (
    <>
      <h1>{t("channels.title")}</h1>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="channels.intro"
          values={{ max: MAX_COMPARED_CHANNELS }}
          components={{ scrapers: interactive ? <Link to="../scrapers" /> : <span /> }}
        />
      </p>
      {catalogue.length === 0 ? (
        <p className="muted">{t("channels.none")}</p>
      ) : (
        <Frame interactive={interactive}>
          <div className="scroll-x">
            <table className="data" aria-label={t("channels.catalogue")}>
              <thead>
                <tr>
                  <th>{t("channels.compare")}</th>
                  <th>{t("channels.channel")}</th>
                  <th>{t("channels.subscribers")}</th>
                  <th>{t("channels.viewsPerPost")}</th>
                  <th>{t("channels.engagementRate")}</th>
                  <th>{t("channels.postsPerWeek")}</th>
                  <th>{t("channels.audience")}</th>
                  <th>{t("channels.fetched")}</th>
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
                          aria-label={t("channels.compareOne", { name: r.name })}
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
                        (labelTopAgeBand(r.topAgeBand) ?? t("channels.uploaded"))
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {r.monthlyVisits ? (
                        <div className="muted">
                          {t("channels.visitsPerMonth", { count: r.monthlyVisits })}
                        </div>
                      ) : null}
                    </td>
                    <td className="small">
                      {r.fetchedAt ? (
                        <>
                          {formatDateTime(r.fetchedAt)}
                          <div className="muted">{r.sourceName}</div>
                        </>
                      ) : (
                        <span className="muted">{t("channels.notScraped")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {interactive ? (
            <p>
              <button type="submit">{t("channels.compareSelected")}</button>
            </p>
          ) : null}
          {tooMany ? (
            <p className="warn small">{t("channels.tooMany", { max: MAX_COMPARED_CHANNELS })}</p>
          ) : null}
        </Frame>
      )}
      {compare.length > 0 ? (
        <section aria-label={t("channels.comparison")}>
          <h2>{t("channels.subscribersTitle")}</h2>
          <LineChart
            series={subscribers}
            yLegend={t("channels.subscribersAxis")}
            valueFormat={(v) => formatInteger(v)}
          />
          <h2>{t("channels.viewsTitle")}</h2>
          <LineChart
            series={views}
            yLegend={t("channels.viewsAxis")}
            valueFormat={(v) => formatFigure(v)}
          />
          <h2>{t("channels.engagementTitle")}</h2>
          <p className="muted small">{t("channels.engagementNote")}</p>
          <LineChart
            series={engagement}
            yLegend={t("channels.engagementAxis")}
            valueFormat={percent}
          />
          <h2>{t("channels.postingTitle")}</h2>
          <BarChart
            data={postingBars}
            keys={[postsKey]}
            axisLeftLegend={t("channels.postingAxis")}
            height={240}
          />
          <p className="muted small">{t("channels.provenance")}</p>
        </section>
      ) : null}
    </>
  );
}
