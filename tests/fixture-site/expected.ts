/**
 * What each saved fixture page must parse to, worked out by hand from the page text (the
 * arithmetic is in the comments). Unit tests parse the saved files; integration tests fetch
 * or render the same pages from the fixture site; both compare against these.
 */
import type { Observation } from "../../scrapers/sources/types";

/** Every fixture is read as if fetched at this moment. */
export const FETCHED_AT = new Date("2026-11-21T09:00:00Z");
const DAY = "2026-11-21";

type Row = [entity: string, metric: string, period: string, value: number | null, text?: string];

function rows(entityType: string, url: string, list: Row[]): Observation[] {
  return list.map(([entity, metric, period, value, text]) => ({
    entityType,
    entity,
    metric,
    period,
    value,
    ...(text === undefined ? {} : { textValue: text }),
    url,
  }));
}

/** telegram-en.html: 6 posts (the service message "Channel photo updated" is not a post). */
export function telegramEnglish(url: string): Observation[] {
  const post = (id: number, published: string, views: number): Row[] => [
    [`acme_news/${id}`, "published_at", DAY, null, published],
    [`acme_news/${id}`, "views", DAY, views],
  ];
  return [
    ...rows("channel", url, [
      ["acme_news", "title", DAY, null, "Acme Bank News"],
      ["acme_news", "subscribers", DAY, 12_500], // "12.5K"
      ["acme_news", "photos", DAY, 1_100], // "1.1K"
      ["acme_news", "videos", DAY, 86],
      ["acme_news", "links", DAY, 412],
    ]),
    ...rows("post", url, [
      ...post(1201, "2026-11-14T09:00:00.000Z", 9_800), // "9.8K"
      ...post(1202, "2026-11-15T12:30:00.000Z", 11_200), // "11.2K"
      ...post(1203, "2026-11-17T07:15:00.000Z", 8_100), // "8.1K"
      ...post(1204, "2026-11-18T16:45:00.000Z", 10_000), // "10K"
      ...post(1205, "2026-11-20T10:00:00.000Z", 7_400), // "7.4K"
      ...post(1206, "2026-11-21T06:30:00.000Z", 2_315), // "2,315"
    ]),
    ...rows("channel", url, [
      // Oldest post 2026-11-14 09:00Z, fetched 2026-11-21 09:00Z: exactly 7 days, 6 posts.
      ["acme_news", "posts_per_week", DAY, 6],
      // (9800 + 11200 + 8100 + 10000 + 7400 + 2315) / 6 = 48815 / 6 = 8135.8333…
      ["acme_news", "avg_views_per_post", DAY, 8135.83333333],
      // 8135.8333… / 12500 = 0.65086666…
      ["acme_news", "engagement_rate", DAY, 0.650866666667],
    ]),
  ];
}

/** telegram-ru.html: Russian abbreviations; post times are +03:00. */
export function telegramRussian(url: string): Observation[] {
  const post = (id: number, published: string, views: number): Row[] => [
    [`bank_ru/${id}`, "published_at", DAY, null, published],
    [`bank_ru/${id}`, "views", DAY, views],
  ];
  return [
    ...rows("channel", url, [
      ["bank_ru", "title", DAY, null, "Банк Новости"],
      ["bank_ru", "subscribers", DAY, 3_400_000], // "3,4 млн"
      ["bank_ru", "photos", DAY, 12_100], // "12,1 тыс."
      ["bank_ru", "videos", DAY, 845],
      ["bank_ru", "links", DAY, 1_200], // "1,2 тыс."
    ]),
    ...rows("post", url, [
      ...post(5001, "2026-11-19T06:00:00.000Z", 1_200_000), // 09:00+03:00, "1,2 млн"
      ...post(5002, "2026-11-20T06:00:00.000Z", 980_000), // "980 тыс."
      ...post(5003, "2026-11-20T15:00:00.000Z", 1_050_000), // "1,05 млн"
      ...post(5004, "2026-11-21T05:00:00.000Z", 312_400), // "312,4 тыс."
    ]),
    ...rows("channel", url, [
      // 2026-11-19 06:00Z → 2026-11-21 09:00Z = 2.125 days; 4 / 2.125 × 7 = 13.176470588…
      ["bank_ru", "posts_per_week", DAY, 13.1764705882],
      // (1200000 + 980000 + 1050000 + 312400) / 4 = 3542400 / 4 = 885600
      ["bank_ru", "avg_views_per_post", DAY, 885_600],
      // 885600 / 3400000 = 0.26047058823…
      ["bank_ru", "engagement_rate", DAY, 0.260470588235],
    ]),
  ];
}

/** video.html after rendering; relative dates counted back from 2026-11-21. */
export function videoChannel(url: string): Observation[] {
  const video = (id: string, title: string, views: number, published: string): Row[] => [
    [id, "title", DAY, null, title],
    [id, "views", DAY, views],
    [id, "published_on", DAY, null, published],
  ];
  return [
    ...rows("channel", url, [
      ["@acmebank", "title", DAY, null, "Acme Bank"],
      ["@acmebank", "subscribers", DAY, 1_230_000], // "1.23M subscribers"
      ["@acmebank", "videos", DAY, 456],
    ]),
    ...rows("video", url, [
      ...video("vA1xQ9", "How to open an account in 3 minutes", 12_000, "2026-11-19"), // 2 days ago
      ...video("vA2kP3", "Mortgage rates explained", 1_500_000, "2026-11-14"), // 1 week ago
      ...video("vA3mZ7", "Card cashback campaign", 845, "2026-10-31"), // 3 weeks = 21 days ago
      ...video("vA4tR2", "Live: Q&A with our economists", 23_410, "2026-10-21"), // Streamed 1 month ago
      ...video("vA5yW8", "Year in review <2025>", 0, "2025-11-21"), // "No views", 1 year ago
    ]),
    // (12000 + 1500000 + 845 + 23410 + 0) / 5 = 1536255 / 5 = 307251
    ...rows("channel", url, [["@acmebank", "avg_views_per_video", DAY, 307_251]]),
  ];
}

/** site-stats.html: percentages become fractions, "00:04:05" becomes 245 seconds. */
export function siteStats(url: string): Observation[] {
  const site = (metric: string, value: number): Row => [
    "acmebank.example",
    metric,
    "2026-10",
    value,
  ];
  return rows("site", url, [
    ["acmebank.example", "visits", "2026-05", 1_523_000],
    ["acmebank.example", "visits", "2026-06", 1_610_500],
    ["acmebank.example", "visits", "2026-07", 1_587_250],
    ["acmebank.example", "visits", "2026-08", 1_702_000],
    ["acmebank.example", "visits", "2026-09", 1_755_300],
    ["acmebank.example", "visits", "2026-10", 1_820_400],
    site("bounce_rate", 0.4231),
    site("pages_per_visit", 4.12),
    site("avg_visit_duration", 245),
    site("traffic_share.direct", 0.412),
    site("traffic_share.search", 0.351),
    site("traffic_share.social", 0.083),
    site("traffic_share.referrals", 0.096),
    site("traffic_share.mail", 0.022),
    site("traffic_share.display", 0.036),
    site("country_share.TR", 0.884),
    site("country_share.DE", 0.031),
    site("country_share.NL", 0.017),
    site("country_share.AZ", 0.012),
    site("country_share.US", 0.009),
  ]);
}

export const TRENDS_KEYWORDS = ["kredi kartı", "ihtiyaç kredisi", "konut kredisi"];

/** trends.html after rendering: 6 weeks × 3 keywords, then the rising related queries. */
export function trends(url: string): Observation[] {
  const table: Array<[string, number, number, number]> = [
    ["2026-10-11", 72, 45, 0.5], // "<1"
    ["2026-10-18", 75, 48, 17],
    ["2026-10-25", 80, 51, 19],
    ["2026-11-01", 78, 55, 20],
    ["2026-11-08", 100, 60, 22],
    ["2026-11-15", 91, 58, 21],
  ];
  const interest = table.flatMap(([week, ...values]) =>
    values.map((value, i): Row => [TRENDS_KEYWORDS[i] ?? "", "interest", week, value]),
  );
  const related = (keyword: string, query: string, growth: number | null): Row[] => [
    [`${keyword} → ${query}`, "growth", DAY, growth, query],
    [`${keyword} → ${query}`, "breakout", DAY, growth === null ? 1 : 0, query],
  ];
  return [
    ...rows("keyword", url, interest),
    ...rows("query", url, [
      ...related("kredi kartı", "kredi kartı aidat iadesi", null), // Breakout
      ...related("kredi kartı", "sanal kart", 12.5), // +1,250%
      ...related("kredi kartı", "kredi kartı borç yapılandırma", 1.2), // +120%
      ...related("ihtiyaç kredisi", "faizsiz kredi", null), // Breakout
      ...related("ihtiyaç kredisi", "kredi hesaplama", 0.4), // +40%
      // "konut kredisi": "not enough data", no rows
    ]),
  ];
}
