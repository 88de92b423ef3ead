import { describe, expect, it } from "vitest";
import {
  parseSiteStats,
  SiteStatsConfigSchema,
  siteStatsAdapter,
} from "#scrapers/sources/site-stats";
import { LayoutChangedError } from "#scrapers/sources/types";
import { FETCHED_AT, siteStats } from "../../../fixture-site/expected";
import { readPage } from "../../../fixture-site/pages";

const URL = "https://www.similarweb.com/website/acmebank.example/";
const config = SiteStatsConfigSchema.parse({ domain: "https://www.AcmeBank.example/about" });

describe("site statistics adapter", () => {
  it("normalises the domain and builds the overview URL", () => {
    expect(config.domain).toBe("acmebank.example");
    expect(siteStatsAdapter.urls(config)).toEqual([URL]);
  });

  it("reads the chart data embedded in the page script", () => {
    expect(parseSiteStats(readPage("site-stats.html"), URL, config, FETCHED_AT)).toEqual(
      siteStats(URL),
    );
  });

  it("reads the same data from a JSON script tag", () => {
    const data = JSON.stringify({
      charts: {
        visits: { labels: ["2026-10"], series: [100] },
        trafficSources: { labels: ["Paid Search"], series: [12.5] },
        countries: { labels: ["TR"], series: [50] },
      },
      engagement: { bounceRate: 50, pagesPerVisit: 2, avgVisitDuration: 61 },
    });
    const html = `<html><body><script type="application/json" id="stats-data">${data}</script></body></html>`;
    const metrics = parseSiteStats(html, URL, config, FETCHED_AT).map((o) => [o.metric, o.value]);
    expect(metrics).toEqual([
      ["visits", 100],
      ["bounce_rate", 0.5],
      ["pages_per_visit", 2],
      ["avg_visit_duration", 61],
      ["traffic_share.paid_search", 0.125],
      ["country_share.TR", 0.5],
    ]);
  });

  it("fails with 'layout changed' when the data moved to another variable", () => {
    const parse = () =>
      parseSiteStats(readPage("site-stats-changed.html"), URL, config, FETCHED_AT);
    expect(parse).toThrow(LayoutChangedError);
    expect(parse).toThrow(
      'layout changed: site statistics chart data: no <script type="application/json" id="stats-data"> and no <script> assigning window.__STATS__',
    );
  });

  it.each([
    ['"series": [1523000, 1610500', '"values": [1523000, 1610500', "charts.visits.series"],
    ['"bounceRate": 42.31', '"bounceRate": "42.31%"', "engagement.bounceRate"],
    ["[41.2, 35.1", "[81.2, 35.1", "traffic source shares exceed 100%"],
    [
      '"avgVisitDuration": "00:04:05"',
      '"avgVisitDuration": "soon"',
      'average visit duration "soon"',
    ],
  ])("names the part of the data that changed (%s)", (from, to, message) => {
    const html = readPage("site-stats.html").replace(from, to);
    expect(() => parseSiteStats(html, URL, config, FETCHED_AT)).toThrow(message);
  });
});
