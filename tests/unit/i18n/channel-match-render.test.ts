// The Channels tab (ChannelMatchView) in English, Turkish and Russian: the summary first
// with each segment's top channels, index and reasons in the reader's language, the
// details behind a toggle, the diagnosis when nothing tells the segments apart, and a
// result stored before the affinity index (English reasons, no index) still shown.
import { createElement } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { ChannelMatchView } from "~/components/segments/ChannelMatchView";
import { message } from "~/i18n/message-code";
import { renderInLocale, resetFormatLocale } from "../../helpers/render-in-locale";

afterAll(resetFormatLocale);

const render = renderInLocale;

const channel = (name: string, index: number, reasons: string[]) => ({
  channel: name,
  score: 1.2,
  similarity: 0.9,
  index,
  kl_total: 0.1,
  effectiveness: { basis: "campaigns", source: "channel", value: 0.9, cost_per_conversion: 22 },
  dimensions: [{ dimension: "age", kl: 0.1, js: 0.05, similarity: 0.95 }],
  index_dimensions: [
    { dimension: "age", index, bucket: "age_18_24", audience_share: 0.8, bucket_index: 1.67 },
  ],
  reasons,
});

const match = (diagnosis: string[], reasons: string[], index?: number) =>
  ({
    run_id: 1,
    run_kind: "rfm",
    reference_date: "2025-01-01",
    excluded_without_consent: 0,
    channels: 2,
    age_bands: ["age_18_24", "age_55_plus"],
    interest_mapping: {},
    effectiveness_source: "channel",
    segment_result_channels: [],
    diagnosis: { dimensions: [], separating: diagnosis.length ? [] : ["age"], messages: diagnosis },
    segments: [
      {
        segment: "Young",
        customers: 25,
        profile: {},
        notes: [],
        channels: [channel("Campus Radio", index as number, reasons)],
      },
    ],
  }) as never;

const overIndex = message("channelmatch:reasons.overIndex", {
  dimension: "age",
  bucket: "age_18_24",
  bucketIndex: 1.67,
  share: 0.8,
  index: 1.4,
});
const view = (m: never) =>
  createElement(ChannelMatchView, { match: m, labels: {}, dataPath: "/data", currency: "TRY" });

describe("ChannelMatchView", () => {
  it("puts the summary first and the details behind a toggle, in English", async () => {
    const html = await render("en", view(match([], [overIndex], 140)));
    expect(html).toContain('aria-label="Channels for Young"');
    expect(html).toContain("25 customers");
    expect(html).toContain(
      "Over-indexes on Age 18–24: 1.67× (80 % of its audience; Age index 140)",
    );
    expect(html.indexOf("Top channels per segment")).toBeLessThan(html.indexOf("<details"));
    expect(html).toContain("<summary>Details: scores, index per dimension");
    expect(html).not.toContain("Why the channels do not tell");
  });

  it("reads in Turkish and Russian, plurals and numbers included", async () => {
    const tr = await render("tr", view(match([], [overIndex], 140)));
    expect(tr).toContain("Segment başına en iyi kanallar");
    expect(tr).toContain("Yaş 18–24 grubunda yüksek endeks: 1,67× (kitlesinin %80 kadarı");
    const ru = await render("ru", view(match([], [overIndex], 140)));
    expect(ru).toContain("Лучшие каналы для каждого сегмента");
    expect(ru).toContain("25 клиентов");
    expect(ru).toContain("Высокий индекс в группе Возраст 18–24: 1,67×");
  });

  it("shows the diagnosis when the audiences cannot tell the segments apart", async () => {
    const diagnosis = [
      message("channelmatch:diagnosis.noneShared"),
      message("channelmatch:diagnosis.noCustomerData", { dimensions: "age,gender" }),
    ];
    const html = await render("en", view(match(diagnosis, [], 100)));
    expect(html).toContain("Why the channels do not tell these segments apart");
    expect(html).toContain("Missing from the customer data: Age, Gender.");
    // One list for every segment instead of the same list once per segment.
    expect(html).toContain('aria-label="Channels for Every segment (the same channels for all)"');
    expect(html).not.toContain('aria-label="Channels for Young"');
    const tr = await render("tr", view(match(diagnosis, [], 100)));
    expect(tr).toContain("Müşteri verisinde eksik: Yaş, Cinsiyet.");
  });

  it("says which kind of split each channel's effectiveness uses", async () => {
    const split = (responses: string[], campaigns: string[] | undefined) =>
      ({
        ...(match([], [overIndex], 140) as object),
        channels: 3,
        effectiveness_source: "segment",
        segment_result_channels: [...responses, ...(campaigns ?? [])],
        ...(campaigns ? { segment_campaign_channels: campaigns } : {}),
      }) as never;
    const both = await render("en", view(split(["SMS"], ["E-mail"])));
    expect(both).toContain(
      "Effectiveness is each segment&#x27;s own on SMS, from its members&#x27; responses",
    );
    expect(both).toContain(
      "Effectiveness is each segment&#x27;s own on E-mail, from the campaign rows uploaded per segment",
    );
    expect(both).toContain("The other channels have the channel&#x27;s effectiveness");
    // A report stored before campaign rows were read: every split is from responses.
    const old = await render("en", view(split(["SMS", "E-mail"], undefined)));
    expect(old).toContain("own on SMS, E-mail, from its members&#x27; responses");
    expect(old).not.toContain("campaign rows uploaded per segment");
    const tr = await render("tr", view(split([], ["E-mail"])));
    expect(tr).toContain("segment başına yüklenen kampanya satırlarından");
  });

  it("shows a result stored before the index with its English reasons and a dash", async () => {
    const old = "Best match on age (similarity 1.00)";
    const html = await render("en", view(match([], [old])));
    expect(html).toContain(old);
    expect(html).toContain("<td>—</td>");
  });
});
