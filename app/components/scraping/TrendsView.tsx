/**
 * The Trends page's interest chart, growth and rising queries. The page passes
 * `interactive`, so keywords can be chosen; a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { LineChart } from "~/components/charts/LineChart";
import { formatGrowth } from "~/components/scraping/format";
import { Provenance } from "~/components/scraping/Provenance";
import { formatDateTime, formatDay } from "~/format";
import { MAX_KEYWORDS, MOVING_AVERAGE_WINDOW } from "~/scraping/limits";
import type { TrendsPage } from "~/scraping/trends-page.server";

type Data = import("@remix-run/node").SerializeFrom<TrendsPage>;

export function TrendsView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { keywords, chosen, smooth, series, trends, rising } = data;
  const { t } = useTranslation("scraping");
  const averaged = { n: MOVING_AVERAGE_WINDOW };
  return (
    <>
      <h1>{t("trends.title")}</h1>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="trends.intro"
          components={{ scraper: interactive ? <Link to="../scrapers" /> : <span /> }}
        />
      </p>
      {keywords.length === 0 && !interactive ? (
        <p className="muted">{t("trends.noneYet")}</p>
      ) : !interactive ? null : keywords.length > 0 ? (
        <Form method="get" className="row" aria-label={t("trends.choose")}>
          {keywords.map((k) => (
            <label key={k} className="row" style={{ alignItems: "center", fontWeight: 400 }}>
              <input type="checkbox" name="kw" value={k} defaultChecked={chosen.includes(k)} />
              {k}
            </label>
          ))}
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" name="ma" value="1" defaultChecked={smooth} />
            {t("trends.movingAverage", averaged)}
          </label>
          <button type="submit" className="secondary">
            {t("trends.show", { max: MAX_KEYWORDS })}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("trends.none")}</p>
      )}
      {chosen.length > 0 ? (
        <>
          <h2>{smooth ? t("trends.interestSmoothed", averaged) : t("trends.interest")}</h2>
          <LineChart series={series} yLegend={t("trends.interestAxis")} />
          <table
            className="data"
            aria-label={t("trends.growthTable")}
            style={{ marginTop: "1rem" }}
          >
            <thead>
              <tr>
                <th>{t("trends.keyword")}</th>
                <th>{t("trends.growthOverPeriod")}</th>
                <th>{t("trends.period")}</th>
                <th>{t("trends.source")}</th>
              </tr>
            </thead>
            <tbody>
              {trends.map((row) => (
                <tr key={row.keyword}>
                  <td>{row.keyword}</td>
                  <td>{formatGrowth(row.growth)}</td>
                  <td>
                    {formatDay(row.first)} – {formatDay(row.last)}
                  </td>
                  <td className="small">
                    <Provenance
                      sourceName={row.sourceName}
                      url={row.from}
                      fetchedAt={row.fetchedAt}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t("trends.growthNote")}</p>
          <h2>{t("trends.risingTitle")}</h2>
          {rising.length === 0 ? (
            <p className="muted">{t("trends.risingNone")}</p>
          ) : (
            <table className="data" aria-label={t("trends.risingTable")}>
              <thead>
                <tr>
                  <th>{t("trends.keyword")}</th>
                  <th>{t("trends.query")}</th>
                  <th>{t("trends.growth")}</th>
                  <th>{t("trends.fetched")}</th>
                </tr>
              </thead>
              <tbody>
                {rising.map((r) => (
                  <tr key={`${r.keyword}|${r.query}`}>
                    <td>{r.keyword}</td>
                    <td>{r.query}</td>
                    <td>
                      {r.breakout ? (
                        <span className="badge status-busy">{t("trends.breakout")}</span>
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
