/**
 * The Sites page's charts and figures. The page passes `interactive`, so sites can be chosen;
 * a saved report renders the same view read-only.
 */
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("scraping");
  const percent = (v: number) => formatPercent(v, 0);
  // Traffic sources are stored as metric keys ("paid_search"); the chart shows their labels.
  const sourceKeys = trafficKeys.map(humanLabel);
  const sourceMix = mix.map(({ label, ...shares }) => ({
    label,
    ...Object.fromEntries(Object.entries(shares).map(([key, share]) => [humanLabel(key), share])),
  }));
  return (
    <>
      <h1>{t("sites.title")}</h1>
      {sites.length === 0 ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="sites.none"
            components={{ scrapers: interactive ? <Link to="../scrapers" /> : <span /> }}
          />
        </p>
      ) : interactive ? (
        <Form method="get" className="row" aria-label={t("sites.choose")}>
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
            {t("sites.show", { max: MAX_COMPARED_SITES })}
          </button>
        </Form>
      ) : null}
      {chosen.length > 0 ? (
        <>
          <h2>{t("sites.visitsTitle")}</h2>
          <LineChart
            series={visits}
            yLegend={t("sites.visits")}
            valueFormat={(v) => formatInteger(v)}
          />
          {summaries.map((s) =>
            s.lastVisits ? <Provenance key={s.site} {...s.lastVisits} /> : null,
          )}
          <h2>{t("sites.sourcesTitle")}</h2>
          <BarChart
            data={sourceMix}
            keys={sourceKeys}
            valueFormat={percent}
            axisLeftLegend={t("sites.shareOfVisits")}
          />
          {summaries.map((s) =>
            s.sharesFrom ? <Provenance key={s.site} {...s.sharesFrom} /> : null,
          )}
        </>
      ) : null}
      {summaries.map((s) => (
        <section key={s.site} aria-label={t("sites.site", { site: s.site })}>
          <h2>{s.site}</h2>
          <div className="stats">
            <div>
              <strong>{formatPercent(s.bounceRate?.value)}</strong>
              <span>{t("sites.bounceRate")}</span>
            </div>
            <div>
              <strong>{formatSeconds(s.avgVisitDuration?.value)}</strong>
              <span>{t("sites.avgDuration")}</span>
            </div>
            <div>
              <strong>{formatFigure(s.pagesPerVisit?.value)}</strong>
              <span>{t("sites.pagesPerVisit")}</span>
            </div>
          </div>
          {s.bounceRate ? <Provenance {...s.bounceRate} /> : null}
          <h3>{t("sites.byCountry")}</h3>
          <BarChart
            data={s.countries.map((c) => ({ label: humanLabel(c.key), share: c.share }))}
            keys={["share"]}
            layout="horizontal"
            valueFormat={percent}
            valueName={t("sites.shareOfVisits")}
            height={Math.max(160, 36 * s.countries.length)}
          />
          {s.sharesFrom ? <Provenance {...s.sharesFrom} /> : null}
        </section>
      ))}
      {custom.length > 0 ? (
        <section aria-label={t("sites.custom")}>
          <h2>{t("sites.customTitle")}</h2>
          <CustomFiguresTable rows={custom} />
        </section>
      ) : null}
    </>
  );
}
