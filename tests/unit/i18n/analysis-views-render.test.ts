// The analysis views (Channels, Trends, a cluster run, channel propensity, a failed run, a
// report of a deleted run) render in Turkish and Russian, plural forms and local number
// formats included, and keep the English the e2e specs select by.
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { ReportBody } from "~/components/reports/ReportBody";
import { ChannelsView } from "~/components/scraping/ChannelsView";
import { TrendsView } from "~/components/scraping/TrendsView";
import { ChannelPropensityView } from "~/components/segments/ChannelPropensityView";
import { ClusterRunView } from "~/components/segments/ClusterRunView";
import { SegmentRunView } from "~/components/segments/SegmentRunView";
import { renderInLocale, resetFormatLocale } from "../../helpers/render-in-locale";

afterAll(resetFormatLocale);

/** The element as the server renders it in `locale`, inside a router (forms, links). */
const render = renderInLocale;

const channels = (monthlyVisits: number) =>
  createElement(ChannelsView, {
    interactive: false,
    data: {
      catalogue: [
        {
          key: "acme_news",
          name: "Acme Bank News",
          handle: "acme_news",
          kind: "telegram",
          uploaded: true,
          subscribers: 12_500,
          avgViews: 2.5,
          engagementRate: 0.042,
          postsPerWeek: 3,
          monthlyVisits,
          topAgeBand: "age_25_34 (41 %)",
          fetchedAt: "2026-11-21T09:00:00.000Z",
          sourceName: "Acme channel",
        },
      ],
      compare: ["acme_news"],
      tooMany: false,
      subscribers: [],
      views: [],
      engagement: [],
      posting: [{ label: "Acme Bank News", posts: 3 }],
    },
  });

describe("ChannelsView", () => {
  it("keeps the English the scraping spec selects by", async () => {
    const html = await render("en", channels(1200));
    expect(html).toContain('aria-label="Channel catalogue"');
    expect(html).toContain('aria-label="Channel comparison"');
    expect(html).toContain("Subscribers over time");
    expect(html).toContain("1,200 visits / month");
    expect(html).toContain("Age 25–34 (41 %)");
  });

  it("reads in Turkish with Turkish numbers and percent signs", async () => {
    const html = await render("tr", channels(1200));
    expect(html).toContain("<h1>Kanallar</h1>");
    expect(html).toContain('aria-label="Kanal kataloğu"');
    expect(html).toContain("ayda 1.200 ziyaret");
    // 0.042 → 4.2 %, written "%4,2"; 2.5 views per post → "2,50"; 12,500 → "12.500".
    expect(html).toContain("<td>%4,2</td>");
    expect(html).toContain("<td>2,50</td>");
    expect(html).toContain("<td>12.500</td>");
    expect(html).toContain("Yaş 25–34 (%41)");
  });

  it("uses the Russian plural of visits", async () => {
    expect(await render("ru", channels(1))).toContain("1 визит в месяц");
    expect(await render("ru", channels(3))).toContain("3 визита в месяц");
    expect(await render("ru", channels(1200))).toContain("1 200 визитов в месяц");
  });
});

const trends = createElement(TrendsView, {
  interactive: false,
  data: {
    keywords: ["kredi"],
    chosen: ["kredi"],
    smooth: true,
    series: [],
    trends: [
      {
        keyword: "kredi",
        growth: 0.25,
        sourceName: "Trends",
        from: "https://trends.example/kredi",
        fetchedAt: "2026-11-21T09:00:00.000Z",
        first: "2026-01-04",
        last: "2026-11-15",
      },
    ] as never,
    rising: [
      {
        keyword: "kredi",
        query: "konut kredisi",
        growth: null,
        breakout: true,
        fetchedAt: "2026-11-21T09:00:00.000Z",
      },
    ] as never,
  },
});

describe("TrendsView", () => {
  it("titles, headings, growth and periods in Russian", async () => {
    const html = await render("ru", trends);
    expect(html).toContain("<h1>Тренды</h1>");
    expect(html).toContain("Интерес во времени (скользящее среднее по 4 точкам)");
    expect(html).toContain("<th>Рост за период</th>");
    expect(html).toContain("+25,0 %");
    expect(html).toContain("04.01.2026 – 15.11.2026");
    expect(html).toContain("Взрывной рост");
  });

  it("keeps its English", async () => {
    const html = await render("en", trends);
    expect(html).toContain("Interest over time (4-point moving average)");
    expect(html).toContain("+25.0 %");
    expect(html).toContain("2026-01-04 – 2026-11-15");
  });
});

const clusterRun = (dropped: number) =>
  createElement(ClusterRunView, {
    result: {
      reference_date: "2026-11-01",
      features: ["income", "age"],
      log: [],
      missing: "drop",
      seed: 42,
      k: 3,
      chosen_by: "silhouette",
      silhouette: 0.5123,
      inertia_by_k: [
        { k: 2, inertia: 10 },
        { k: 3, inertia: 6 },
      ],
      silhouette_by_k: [
        { k: 2, silhouette: 0.4 },
        { k: 3, silhouette: 0.5123 },
      ],
      silhouette_sample_size: 1500,
      silhouette_sampled: true,
      fit_sample_size: 1500,
      customers_used: 2000,
      dropped_missing: dropped,
      imputed: {},
      excluded_without_consent: 4,
      sizes: [],
      profiles: [],
      projection: { explained_variance: [0.5, 0.25], loadings: [] },
    } as never,
    labels: {},
    scatter: { total: 2000, step: 2, points: [] },
    base: "/w/acme/segments/7",
    canEdit: false,
    money: { currency: "TRY", mixed: false, shares: [] } as never,
    renameError: null,
    interactive: false,
  });

describe("ClusterRunView", () => {
  it("keeps the English the segments spec selects by", async () => {
    const html = await render("en", clusterRun(2));
    expect(html).toContain('data-testid="chosen-k">k = 3<');
    expect(html).toContain("k = 3 has the highest mean silhouette (0.512) of k = 2–3.");
    expect(html).toContain("missing values: left out (2 customers)");
  });

  it("words the choice of k, the settings and the sample in Turkish", async () => {
    const html = await render("tr", clusterRun(2));
    expect(html).toContain("siluete göre seçildi");
    expect(html).toContain("k = 3, k = 2–3 arasında en yüksek ortalama siluete (0,512) sahip.");
    expect(html).toContain("siluet 1.500 müşteri üzerinde (tohumlu örneklem)");
    expect(html).toContain("Standartlaştırılmış özelliklerin varyansının %50,0 kadarını PC1");
    expect(html).toContain("01.11.2026");
  });

  it("uses Russian plural forms for left-out and shown customers", async () => {
    expect(await render("ru", clusterRun(1))).toContain("пропуски: исключены (1 клиент)");
    expect(await render("ru", clusterRun(3))).toContain("пропуски: исключены (3 клиента)");
    const html = await render("ru", clusterRun(5));
    expect(html).toContain("пропуски: исключены (5 клиентов)");
    expect(html).toContain("Показаны 0 из 2 000 клиентов (каждый 2-й по номеру клиента)");
  });
});

const propensity = (badRows: number) =>
  createElement(ChannelPropensityView, {
    canEdit: true,
    result: {
      propensity: {
        target: "category",
        features: ["age", "gender", "resident"],
        columns: {},
        ignored_columns: ["user_id"],
        users_scored: 24,
        bad_rows: badRows,
        problems: badRows > 0 ? ['Line 26, column "age": age 150 is outside 0–120'] : [],
        customers_trained_on: 24,
        excluded_without_consent: 2,
        targets: [{ name: "Electronics", buyers: 10 }],
        channels: [{ channel: "TikTok", users: 6, mean_propensity: { Electronics: 0.75 } }],
      } as never,
    },
  });

describe("ChannelPropensityView", () => {
  it("keeps the sentence and the headings the propensity spec reads", async () => {
    const html = await render("en", propensity(1));
    expect(html).toContain(
      "24 users scored on Age, Gender, Resident; model trained on 24 customers (2 without data-processing consent left out). Columns not used: user_id.",
    );
    expect(html).toContain("1 row skipped:");
    expect(html).toContain('aria-label="Mean propensity per channel"');
    expect(html).toContain("<th>Channel</th><th>Users</th>");
    expect(html).toContain("Score users");
  });

  it("counts users, customers and skipped rows the Russian way", async () => {
    const html = await render("ru", propensity(3));
    expect(html).toContain("24 пользователя оценены по признакам: Возраст, Пол, Резиденты");
    expect(html).toContain("модель обучена на 24 клиентах");
    expect(html).toContain("2 клиента без согласия на обработку данных исключены");
    expect(html).toContain("Пропущены 3 строки:");
    expect(html).toContain("<td>75,0 %</td>");
    expect(html).toContain("§10 склонность аудиторий каналов");
  });

  it("reads in Turkish", async () => {
    const html = await render("tr", propensity(0));
    expect(html).toContain("Kanal kullanıcılarının eğilimi");
    expect(html).toContain("Kullanılmayan sütunlar: user_id.");
    expect(html).toContain("<td>%75,0</td>");
    expect(html).not.toContain("satır atlandı");
  });
});

describe("a failed run and a report of a deleted run", () => {
  it("say so in the reader's language", async () => {
    const failed = createElement(SegmentRunView, {
      interactive: false,
      data: { state: "failed", runId: 7, error: "auth:errors.enterEmail" } as never,
    });
    // A stored catalogue message is translated; a plain (English) one is shown as it is.
    expect(await render("tr", failed)).toContain("Analiz başarısız oldu: ");
    expect(await render("tr", failed)).not.toContain("auth:errors.enterEmail");
    const missing = createElement(ReportBody, {
      view: { kind: "channel-match", data: { state: "missing" } },
    });
    expect(await render("ru", missing)).toContain(
      "Этого запуска анализа сегментов больше нет в рабочем пространстве.",
    );
    expect(await render("en", missing)).toContain(
      "This segment run no longer exists in the workspace.",
    );
  });
});
