import { describe, expect, it } from "vitest";
import {
  type ChannelInput,
  computeEffectiveness,
  matchSegmentChannels,
  rankChannels,
  segmentEffectiveness,
} from "~/analytics/channel-match";
import { decodeMessage } from "~/i18n/message-code";

const sameAudience = { gender: { f: 0.5, m: 0.5 }, age: { young: 1 } };
const channels: ChannelInput[] = [
  {
    channelId: "A",
    name: "Alpha",
    audience: sameAudience,
    campaigns: { spend: 1000, conversions: 50, revenue: 3000 },
  },
  {
    channelId: "B",
    name: "Beta",
    audience: { gender: { f: 1 }, age: { young: 1 } },
    campaigns: { spend: 1000, conversions: 100, revenue: 2000 },
  },
  {
    channelId: "C",
    name: "Gamma",
    audience: sameAudience,
    traffic: { visits: 1000, avgVisitDurationSeconds: 60, bounceRate: 0.5 },
  },
  {
    channelId: "D",
    name: "Delta",
    audience: sameAudience,
    traffic: { visits: 100, avgVisitDurationSeconds: 30, bounceRate: 0.6 },
  },
  { channelId: "E", name: "Epsilon", audience: sameAudience },
];

describe("computeEffectiveness", () => {
  it("normalises campaign and traffic evidence per basis", () => {
    const eff = computeEffectiveness(channels);
    // Campaigns: conversions per currency A 0.05, B 0.1 (max); ROAS A 3 (max), B 2.
    // A = (0.05/0.1 + 3/3) / 2 = 0.75; B = (1 + 2/3) / 2 = 0.8333…
    expect(eff.get("A")?.value).toBeCloseTo(0.75, 12);
    expect(eff.get("B")?.value).toBeCloseTo(5 / 6, 12);
    expect(eff.get("A")?.costPerConversion).toBe(20);
    expect(eff.get("A")?.roi).toBe(2); // (3000 − 1000) / 1000
    // Traffic: C 1000 × 60 / 0.5 = 120 000, D 100 × 30 / 0.6 = 5 000;
    // D = ln(5 001) / ln(120 001) = 8.51739 / 11.69526 = 0.728278.
    expect(eff.get("C")?.value).toBe(1);
    expect(eff.get("D")?.value).toBeCloseTo(0.728278, 6);
    expect(eff.get("E")).toMatchObject({ basis: "none", value: 0.5 });
  });
});

describe("rankChannels", () => {
  const segment = { segmentId: "s1", name: "Young mixed", profile: sameAudience };

  it("ranks one segment (its own base: every index 100) by similarity × effectiveness", () => {
    const [ranking] = rankChannels([segment], channels);
    // Similarity: 1 for identical audiences; B: (1 − 0.3112781 + 1) / 2 = 0.8443609.
    // Scores: C 1, A 0.75, D 0.728278, B 0.8443609 × 0.8333 = 0.703634, E 0.5.
    expect(ranking?.channels.map((c) => c.channelId)).toEqual(["C", "A", "D", "B", "E"]);
    const beta = ranking?.channels.find((c) => c.channelId === "B");
    expect(beta?.index).toBeCloseTo(1, 12);
    expect(beta?.score).toBeCloseTo(0.8443609 * (5 / 6), 6);
  });

  it("ranks by audience fit alone when the other exponents are 0", () => {
    const [ranking] = rankChannels([segment], channels, {
      effectivenessWeight: 0,
      indexWeight: 0,
    });
    // Four perfect matches tie at 1 and are ordered by name; Beta is last.
    expect(ranking?.channels.map((c) => c.name)).toEqual([
      "Alpha",
      "Delta",
      "Epsilon",
      "Gamma",
      "Beta",
    ]);
  });
});

// docs/analytics.md §23, worked example: S leans young, T old; A reaches the young, B the old.
describe("matchSegmentChannels (§23 worked example)", () => {
  const segments = [
    { segmentId: "S", name: "S", profile: { age: { age_18_24: 30, age_55_plus: 20 } } },
    { segmentId: "T", name: "T", profile: { age: { age_18_24: 20, age_55_plus: 30 } } },
  ];
  const worked: ChannelInput[] = [
    {
      channelId: "A",
      name: "A",
      audience: { age: { age_18_24: 0.8, age_55_plus: 0.2 } },
      campaigns: { spend: 1000, conversions: 50 },
    },
    {
      channelId: "B",
      name: "B",
      audience: { age: { age_18_24: 0.3, age_55_plus: 0.7 } },
      campaigns: { spend: 1000, conversions: 42.5 },
    },
  ];
  const result = matchSegmentChannels(segments, worked);
  const channel = (segment: number, id: string) =>
    result.segments[segment]?.channels.find((c) => c.channelId === id);

  it("reproduces index, similarity, effectiveness and score", () => {
    // Similarities from JS (log₂): S–A 0.965148, S–B 0.933347, T–A 0.875489, T–B 0.992052.
    // Effectiveness: A 0.05 conversions per spend (best) = 1, B 0.0425 / 0.05 = 0.85.
    const expected: Record<string, Record<string, [number, number, number]>> = {
      S: { A: [0.965148, 1, 1.1], B: [0.933347, 0.85, 0.933333] },
      T: { A: [0.875489, 1, 0.9], B: [0.992052, 0.85, 1.066667] },
    };
    for (const [s, segment] of [
      [0, "S"],
      [1, "T"],
    ] as const) {
      for (const id of ["A", "B"] as const) {
        const [similarity, effectiveness, index] = expected[segment]?.[id] ?? [0, 0, 0];
        const c = channel(s, id);
        expect(c?.similarity, `${segment} ${id}`).toBeCloseTo(similarity, 5);
        expect(c?.effectiveness.value).toBeCloseTo(effectiveness, 12);
        expect(c?.index).toBeCloseTo(index, 5);
        expect(c?.score).toBeCloseTo(similarity * effectiveness * index, 5);
      }
    }
    // S: A 1.061663, B 0.740456; T: A 0.787940, B 0.899460: different top channels.
    expect(result.segments.map((s) => s.channels[0]?.channelId)).toEqual(["A", "B"]);
    expect(channel(1, "B")?.score).toBeCloseTo(0.89946, 5);
    // Without the index (§7) both segments would get A: T's A 0.875489 > B 0.843244.
    const old = matchSegmentChannels(segments, worked, { indexWeight: 0 });
    expect(old.segments.map((s) => s.channels[0]?.channelId)).toEqual(["A", "A"]);
  });

  it("names the bucket that separates the channels, with its index", () => {
    const [first] = channel(1, "B")?.reasons ?? [];
    expect(decodeMessage(first ?? "")).toEqual({
      key: "channelmatch:reasons.overIndex",
      values: {
        dimension: "age",
        bucket: "age_55_plus",
        bucketIndex: 1.17,
        share: 0.7,
        index: 1.067,
      },
    });
    expect(decodeMessage(channel(1, "A")?.reasons[0] ?? "").key).toBe(
      "channelmatch:reasons.underIndex",
    );
    expect(result.diagnosis).toMatchObject({ separating: ["age"], messages: [] });
    expect(result.effectivenessSource).toBe("channel");
  });

  it("never names a dimension on which every channel is equal", () => {
    const gender = { gender: { female: 0.5, male: 0.5 } };
    const withGender = worked.map((c) => ({ ...c, audience: { ...c.audience, ...gender } }));
    const leaning = segments.map((s, i) => ({
      ...s,
      profile: {
        ...s.profile,
        gender: i === 0 ? { female: 45, male: 5 } : { female: 5, male: 45 },
      },
    }));
    const reasons = matchSegmentChannels(leaning, withGender).segments.flatMap((s) =>
      s.channels.flatMap((c) => c.reasons.map((r) => decodeMessage(r).values.dimension)),
    );
    expect(reasons).toContain("age");
    expect(reasons).not.toContain("gender");
  });

  it("names no effectiveness when every channel's is the same", () => {
    const neutral = worked.map(({ campaigns: _, ...c }) => c);
    const keys = matchSegmentChannels(segments, neutral).segments.flatMap((s) =>
      s.channels.flatMap((c) => c.reasons.map((r) => decodeMessage(r).key)),
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes("effectiveness"))).toEqual([]);
  });

  it("diagnoses segments that do not differ instead of scoring them apart", () => {
    const equal = [
      { segmentId: "S", name: "S", profile: { age: { age_18_24: 25, age_55_plus: 25 } } },
      { segmentId: "T", name: "T", profile: { age: { age_18_24: 25, age_55_plus: 25 } } },
    ];
    const diagnosed = matchSegmentChannels(equal, worked);
    expect(diagnosed.diagnosis.separating).toEqual([]);
    expect(diagnosed.diagnosis.messages.map((m) => decodeMessage(m).key)).toEqual([
      "channelmatch:diagnosis.noneSeparates",
      "channelmatch:diagnosis.segmentsEqual",
    ]);
    // No customer data at all: similarity is unknown, not 0; the ranking is effectiveness.
    const none = matchSegmentChannels(
      equal.map((s) => ({ ...s, profile: {}, size: 50 })),
      worked,
    );
    expect(none.segments[0]?.channels.map((c) => [c.channelId, c.score])).toEqual([
      ["A", 1],
      ["B", 0.85],
    ]);
    expect(decodeMessage(none.diagnosis.messages[0] ?? "").key).toBe(
      "channelmatch:diagnosis.noneShared",
    );
    expect(decodeMessage(none.diagnosis.messages[1] ?? "")).toEqual({
      key: "channelmatch:diagnosis.noCustomerData",
      values: { dimensions: "age" },
    });
  });
});

describe("segmentEffectiveness", () => {
  it("shrinks each segment's conversion rate toward the channel's (§21) and scales by it", () => {
    const channel = new Map([
      [
        "sms",
        { channelId: "sms", basis: "campaigns" as const, source: "channel" as const, value: 0.8 },
      ],
    ]);
    // §21: arms 10/100 and 30/100 → m = 0.2, κ = 17.857; posteriors 13.571/117.857 = 0.115152
    // and 33.571/117.857 = 0.284848, i.e. × 0.575758 and × 1.424242 the channel's value.
    const own = segmentEffectiveness(channel, [
      { segmentId: "S", channelId: "sms", sends: 100, conversions: 10 },
      { segmentId: "T", channelId: "sms", sends: 100, conversions: 30 },
    ]);
    const s = own.get("S")?.get("sms");
    expect(s?.source).toBe("segment");
    expect(s?.segment?.rate).toBeCloseTo(0.115152, 6);
    expect(s?.segment?.channelRate).toBeCloseTo(0.2, 12);
    expect(s?.value).toBeCloseTo(0.8 * 0.575758, 6);
    expect(own.get("T")?.get("sms")?.value).toBeCloseTo(0.8 * 1.424242, 6);
    expect(s?.segment?.origin).toBe("responses");
  });

  it("keeps campaign rows per segment apart from responses, in the result and the reason", () => {
    // Campaign rows: Alpha's 20 of 1000 impressions (S) and 60 of 1000 (T), m = 0.04,
    // κ = 105.0885 (docs §23): S = 0.0219019 / 0.04 = × 0.547548 of Alpha's value.
    const result = matchSegmentChannels(
      [
        { segmentId: "S", name: "S", profile: { gender: { f: 5, m: 5 } }, size: 10 },
        { segmentId: "T", name: "T", profile: { gender: { f: 5, m: 5 } }, size: 10 },
      ],
      channels.slice(0, 2),
      {
        segmentResults: [
          { segmentId: "S", channelId: "A", sends: 1000, conversions: 20, origin: "campaigns" },
          { segmentId: "T", channelId: "A", sends: 1000, conversions: 60, origin: "campaigns" },
          { segmentId: "S", channelId: "B", sends: 10, conversions: 5 },
        ],
      },
    );
    expect(result.segmentResultChannels).toEqual(["A", "B"]);
    expect(result.segmentCampaignChannels).toEqual(["A"]);
    const alpha = result.segments[0]?.channels.find((c) => c.channelId === "A");
    const plain = computeEffectiveness(channels.slice(0, 2)).get("A")?.value ?? 0;
    expect(alpha?.effectiveness.segment?.origin).toBe("campaigns");
    expect(alpha?.effectiveness.value).toBeCloseTo(plain * 0.547548, 5);
    expect(alpha?.reasons.map((r) => decodeMessage(r).key)).toContain(
      "channelmatch:reasons.effectivenessSegmentCampaigns",
    );
    const beta = result.segments[0]?.channels.find((c) => c.channelId === "B");
    expect(beta?.reasons.map((r) => decodeMessage(r).key)).toContain(
      "channelmatch:reasons.effectivenessSegment",
    );
  });
});
