import { describe, expect, it } from "vitest";
import { type ChannelInput, computeEffectiveness, rankChannels } from "~/analytics/channel-match";

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

  it("ranks by similarity × effectiveness with reasons", () => {
    const [ranking] = rankChannels([segment], channels);
    // Similarity: 1 for identical audiences; B: (1 − 0.3112781 + 1) / 2 = 0.8443609.
    // Scores: C 1, A 0.75, D 0.728278, B 0.8443609 × 0.8333 = 0.703634, E 0.5.
    expect(ranking?.channels.map((c) => c.channelId)).toEqual(["C", "A", "D", "B", "E"]);
    const beta = ranking?.channels.find((c) => c.channelId === "B");
    expect(beta?.score).toBeCloseTo(0.8443609 * (5 / 6), 6);
    expect(beta?.reasons[0]).toBe("Best match on age (similarity 1.00)");
    expect(beta?.reasons[1]).toBe("Weakest match on gender (similarity 0.69)");
    expect(beta?.reasons[2]).toContain("past campaigns: cost per conversion 10.00, ROI 100 %");
    const epsilon = ranking?.channels.find((c) => c.channelId === "E");
    expect(epsilon?.reasons.at(-1)).toContain("No campaign or traffic data");
  });

  it("names no weakest dimension when every dimension matches equally well", () => {
    const [ranking] = rankChannels([segment], channels);
    const alpha = ranking?.channels.find((c) => c.channelId === "A");
    expect(alpha?.reasons.filter((r) => r.startsWith("Weakest"))).toEqual([]);
    expect(alpha?.reasons[0]).toMatch(/^Best match on \w+ \(similarity 1\.00\)$/);
  });

  it("ranks by audience fit alone when the effectiveness exponent is 0", () => {
    const [ranking] = rankChannels([segment], channels, { effectivenessWeight: 0 });
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
