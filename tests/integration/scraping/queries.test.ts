// The page queries over stored observations, against hand-worked values: trends (series,
// moving average, growth, rising queries), the trends CSV upload, the channel catalogue
// joining uploaded audiences with scraped figures, and site statistics.
import { describe, expect, it } from "vitest";
import { channelAudiences } from "#db/schema";
import { channelCatalogue, channelSeries } from "~/scraping/channel-queries.server";
import { upsertObservations } from "~/scraping/observations.server";
import { siteSeries, siteSummaries } from "~/scraping/site-queries.server";
import {
  interestSeries,
  keywordTrends,
  listKeywords,
  risingQueries,
} from "~/scraping/trend-queries.server";
import { importTrendsCsv, TrendsCsvError } from "~/scraping/trends-upload.server";
import { siteStats, telegramEnglish, trends } from "../../fixture-site/expected";
import { readPage } from "../../fixture-site/pages";
import { english } from "../../helpers/english";
import { addSource, observationsOf, scrapingTestDb } from "./support";

const { workspace } = scrapingTestDb();
const FETCHED = new Date("2026-11-21T09:00:00Z");

function sourceWith(
  scope: ReturnType<typeof workspace>,
  name: string,
  adapter: string,
  config: object,
) {
  return addSource(scope, { name, adapter, config, schedule: "0 * * * *" });
}

describe("trends queries", () => {
  const scope = workspace();
  const source = sourceWith(scope, "Credit trends", "trends", {
    keywords: ["kredi kartı", "ihtiyaç kredisi", "konut kredisi"],
  });
  upsertObservations(scope, source.id, trends("https://trends.example/x"), FETCHED);

  it("lists keywords and their series with growth over the period", () => {
    expect(listKeywords(scope)).toEqual(["ihtiyaç kredisi", "konut kredisi", "kredi kartı"]);
    const [card] = keywordTrends(scope, ["kredi kartı"]);
    expect(card?.points.map((p) => p.value)).toEqual([72, 75, 80, 78, 100, 91]);
    // 6 points → 3 at each end: (72+75+80)/3 = 227/3, (78+100+91)/3 = 269/3;
    // growth = (269 − 227) / 227 = 42/227 = 0.18502…
    expect(card?.growth).toBeCloseTo(42 / 227, 12);
    expect(card).toMatchObject({ sourceName: "Credit trends", fetchedAt: FETCHED });
  });

  it("smooths with a 4-point moving average", () => {
    const [series] = interestSeries(keywordTrends(scope, ["kredi kartı"]), true);
    // (72+75+80+78)/4 = 76.25, (75+80+78+100)/4 = 83.25, (80+78+100+91)/4 = 87.25
    expect(series?.data.map((d) => d.y)).toEqual([null, null, null, 76.25, 83.25, 87.25]);
    expect(series?.data[0]?.x).toBe("2026-10-11");
    expect(series?.id).toBe("kredi kartı (4-point average)");
  });

  it("lists rising queries, breakouts first, then by growth", () => {
    const rising = risingQueries(scope, ["kredi kartı", "ihtiyaç kredisi"]);
    expect(rising.map((r) => [r.query, r.breakout, r.growth])).toEqual([
      ["faizsiz kredi", true, null],
      ["kredi kartı aidat iadesi", true, null],
      ["sanal kart", false, 12.5],
      ["kredi kartı borç yapılandırma", false, 1.2],
      ["kredi hesaplama", false, 0.4],
    ]);
    expect(risingQueries(scope, ["konut kredisi"])).toEqual([]);
  });
});

describe("trends CSV upload", () => {
  const csv = readPage("trends-multiTimeline.csv");

  it("stores one interest point per keyword and week; a second upload replaces them", () => {
    const scope = workspace();
    const first = importTrendsCsv(scope, csv, "multiTimeline.csv");
    expect(first).toEqual({
      observationsWritten: 6,
      keywords: ["kredi kartı", "konut kredisi, faiz"],
    });
    importTrendsCsv(scope, csv.replace("2025-12-07,100,2", "2025-12-07,90,4"), "again.csv");
    const rows = observationsOf(scope);
    expect(rows).toHaveLength(6);
    const week = rows
      .filter((r) => r.period === "2025-12-07")
      .map((r) => [r.entity, r.value, r.url]);
    expect(week.sort()).toEqual([
      ["konut kredisi, faiz", 4, "upload:again.csv"],
      ["kredi kartı", 90, "upload:again.csv"],
    ]);
    const [card] = keywordTrends(scope, ["kredi kartı"]);
    expect(card?.points.map((p) => p.value)).toEqual([72, 75, 90]);
    expect(card?.sourceName).toBe("CSV upload");
  });

  it("refuses a file that is not a trends export, or too large, storing nothing", () => {
    const scope = workspace();
    expect(() => importTrendsCsv(scope, "name,email\nA,a@b.c\n", "x.csv")).toThrow(TrendsCsvError);
    const big = () => importTrendsCsv(scope, `${csv}${" ".repeat(1024 * 1024)}`, "big.csv");
    expect(() => {
      try {
        big();
      } catch (error) {
        throw english(error);
      }
    }).toThrow("The file is larger than 1 MB");
    expect(observationsOf(scope)).toHaveLength(0);
  });
});

describe("channel catalogue", () => {
  const scope = workspace();
  const source = sourceWith(scope, "Acme TG", "telegram", { channel: "acme_news" });
  upsertObservations(scope, source.id, telegramEnglish("https://t.me/s/acme_news"), FETCHED);
  const audience = (channelName: string, age: Record<string, number>) =>
    scope.insert(channelAudiences, {
      channelName,
      channelType: "telegram",
      shares: { age },
      monthlyVisits: 5_000,
      rowHash: channelName,
    });
  audience("Acme Bank News", { age_18_24: 0.2, age_25_34: 0.41, age_35_44: 0.39 });
  audience("Radio Ankara", { age_45_54: 0.6, age_55_64: 0.4 });

  it("joins an uploaded audience to the scraped channel with the same title", () => {
    const rows = channelCatalogue(scope);
    expect(rows.map((r) => [r.name, r.handle, r.uploaded])).toEqual([
      ["Acme Bank News", "acme_news", true],
      ["Radio Ankara", null, true],
    ]);
    expect(rows[0]).toMatchObject({
      subscribers: 12_500,
      engagementRate: 0.650866666667,
      postsPerWeek: 6,
      avgViews: 8135.83333333,
      monthlyVisits: 5_000,
      topAgeBand: "age_25_34 (41 %)",
      sourceName: "Acme TG",
      fetchedAt: FETCHED,
    });
    expect(rows[1]).toMatchObject({ subscribers: null, topAgeBand: "age_45_54 (60 %)" });
  });

  it("gives a subscribers line per channel, the latest fetch of each day", () => {
    const base = { entityType: "channel", entity: "acme_news", metric: "subscribers", url: "u" };
    upsertObservations(
      scope,
      source.id,
      [{ ...base, period: "2026-11-22", value: 12_600 }],
      FETCHED,
    );
    const [line] = channelSeries(
      scope,
      ["acme_news"],
      "subscribers",
      new Map([["acme_news", "Acme"]]),
    );
    expect(line).toEqual({
      id: "Acme",
      data: [
        { x: "2026-11-21", y: 12_500 },
        { x: "2026-11-22", y: 12_600 },
      ],
    });
  });
});

describe("site statistics", () => {
  const scope = workspace();
  const source = sourceWith(scope, "Acme stats", "site-stats", { domain: "acmebank.example" });
  upsertObservations(scope, source.id, siteStats("https://stats.example/acmebank"), FETCHED);

  it("summarises engagement and the latest traffic and country shares with provenance", () => {
    const [summary] = siteSummaries(scope, ["acmebank.example"]);
    expect(summary?.bounceRate).toMatchObject({
      value: 0.4231,
      period: "2026-10",
      sourceName: "Acme stats",
      url: "https://stats.example/acmebank",
      fetchedAt: FETCHED,
    });
    expect(summary?.avgVisitDuration?.value).toBe(245);
    expect(summary?.trafficSources.map((s) => s.key)).toEqual([
      "direct",
      "search",
      "referrals",
      "social",
      "display",
      "mail",
    ]);
    expect(summary?.countries[0]).toEqual({ key: "TR", share: 0.884 });
  });

  it("gives visits by month on a date axis", () => {
    const [visits] = siteSeries(scope, ["acmebank.example"], "visits");
    expect(visits?.data.map((d) => d.x)).toEqual([
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
    ]);
    expect(visits?.data.at(-1)?.y).toBe(1_820_400);
  });
});
