/**
 * The channel match tells segments apart (docs/analytics.md §23): two segments that differ
 * on age get different top channels, with the affinity index in the reason; two segments
 * that are alike get the diagnosis instead; where the members' responses split a channel's
 * results by segment, each segment's effectiveness there is its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, channelAudiences, customerSources, responses } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { channelMatchText } from "~/components/segments/channel-reasons";
import { englishT } from "~/i18n/english";
import { decodeMessage } from "~/i18n/message-code";
import { matchChannels } from "~/segments/match-channels.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let workspaceId = 0;
let byAge = 0;
let alike = 0;

beforeAll(() => {
  workspaceId = addWorkspace(db, "affinity");
  const scope = scopeTo(db, workspaceId);
  const young: number[] = [];
  const older: number[] = [];
  for (let i = 0; i < 40; i++) {
    const isYoung = i < 20;
    const id = addCustomer(db, workspaceId, {
      consentDataProcessing: true,
      gender: i % 2 === 0 ? "female" : "male",
      // Aged 21 or 61 on the reference day 2025-01-01.
      birthDate: isYoung ? "2003-06-01" : "1963-06-01",
    });
    (isYoung ? young : older).push(id);
    addTransaction(db, workspaceId, { customerId: id, date: "2024-11-01", amount: 100 });
    scope.insert(customerSources, {
      customerId: id,
      source: "crm",
      externalId: `K${i}`,
      matchedBy: "new",
      record: {},
      rowHash: `h${i}`,
    });
  }
  byAge = addRun(db, workspaceId, "2025-01-01", {
    ...Object.fromEntries(young.map((id) => [id, "Young"])),
    ...Object.fromEntries(older.map((id) => [id, "Older"])),
  });
  // The same customers split so that each segment holds ten of each age and gender mix.
  alike = addRun(
    db,
    workspaceId,
    "2025-01-01",
    Object.fromEntries(
      [...young, ...older].map((id, i) => [id, Math.floor(i / 2) % 2 === 0 ? "Even" : "Odd"]),
    ),
  );

  const audience = (channelName: string, youngShare: number, visits: number | null) =>
    scope.insert(channelAudiences, {
      channelName,
      shares: {
        age: { age_18_24: youngShare, age_55_plus: 1 - youngShare },
        // Every channel is 50/50 on gender: gender can never be a reason.
        gender: { gender_female: 0.5, gender_male: 0.5 },
      },
      monthlyVisits: visits,
      rowHash: channelName,
    });
  audience("Campus Radio", 0.8, null);
  audience("Daytime TV", 0.2, null);
  audience("SMS", 0.5, null);
  const campaign = (key: string, channel: string, spend: number, conversions: number) =>
    scope.insert(campaigns, { campaignKey: key, channel, spend, conversions, rowHash: key });
  // Daytime TV converts best overall, Campus Radio nearly as well, SMS worse.
  campaign("c1", "Campus Radio", 1000, 45);
  campaign("c2", "Daytime TV", 1000, 50);
  campaign("c3", "SMS", 1000, 30);
  // SMS responses of the members: the young convert on 10 of 20 sends, the older on 1 of 20.
  for (let i = 0; i < 40; i++) {
    scope.insert(responses, {
      responseKey: `r${i}`,
      customerExternalId: `K${i}`,
      channel: "sms",
      sentAt: new Date(Date.UTC(2024, 9, 1 + (i % 20))),
      converted: i < 20 ? i % 2 === 0 : i === 20,
      rowHash: `rh${i}`,
    });
  }
});

describe("segments that differ on age", () => {
  it("get different top channels, with the index in the reason", () => {
    const result = matchChannels(scopeTo(db, workspaceId), byAge);
    const top = Object.fromEntries(result.segments.map((s) => [s.segment, s.channels[0]]));
    expect(top.Young?.channel).toBe("Campus Radio");
    expect(top.Older?.channel).toBe("Daytime TV");
    expect(result.diagnosis.separating).toEqual(["age"]);
    expect(result.diagnosis.messages).toEqual([]);

    // Base 40, P = ½; rate_Young(18–24) = (20 + 5) / 30 = 5/6, rate(55+) = 5/30 = 1/6, R₀ = ½:
    // Campus Radio's age index = (0.8 · 5/6 + 0.2 · 1/6) / ½ = 1.4 → 140.
    expect(top.Young?.index).toBeCloseTo(140, 9);
    const reason = top.Young?.reasons[0] ?? "";
    expect(decodeMessage(reason)).toMatchObject({
      key: "channelmatch:reasons.overIndex",
      values: { dimension: "age", bucket: "age_18_24", bucketIndex: 1.67, index: 1.4 },
    });
    expect(channelMatchText(englishT, reason, null).replace(/\u00a0/g, " ")).toBe(
      "Over-indexes on Age 18–24: 1.67× (80 % of its audience; Age index 140)",
    );
    // Gender is 50/50 on every channel: never a reason.
    const dimensions = result.segments.flatMap((s) =>
      s.channels.flatMap((c) => c.reasons.map((r) => decodeMessage(r).values.dimension)),
    );
    expect(dimensions).not.toContain("gender");
  });

  it("uses each segment's own SMS effectiveness from its members' responses", () => {
    const result = matchChannels(scopeTo(db, workspaceId), byAge);
    expect(result.effectiveness_source).toBe("segment");
    expect(result.segment_result_channels).toEqual(["SMS"]);
    const sms = (segment: string) =>
      result.segments.find((s) => s.segment === segment)?.channels.find((c) => c.channel === "SMS")
        ?.effectiveness;
    // SMS campaigns: 0.03 / 0.05 = 0.6. Rates 10/20 and 1/20 around the pooled 11/40.
    expect(sms("Young")).toMatchObject({ source: "segment", segment_sends: 20 });
    expect(sms("Young")?.channel_rate).toBeCloseTo(11 / 40, 12);
    expect(sms("Young")?.value ?? 0).toBeGreaterThan(0.6);
    expect(sms("Older")?.value ?? 1).toBeLessThan(0.6);
    // Campus Radio has no responses: the channel's effectiveness, 0.045 / 0.05.
    const campus = result.segments[0]?.channels.find((c) => c.channel === "Campus Radio");
    expect(campus?.effectiveness).toMatchObject({ source: "channel" });
    expect(campus?.effectiveness.value).toBeCloseTo(0.9, 12);
  });
});

describe("segments that are alike", () => {
  it("get the diagnosis instead of near-equal scores", () => {
    const result = matchChannels(scopeTo(db, workspaceId), alike);
    expect(result.diagnosis.separating).toEqual([]);
    const messages = result.diagnosis.messages.map((m) => decodeMessage(m));
    expect(messages[0]?.key).toBe("channelmatch:diagnosis.noneSeparates");
    expect(messages.slice(1).map((m) => [m.key, m.values.dimension])).toEqual([
      ["channelmatch:diagnosis.segmentsEqual", "age"],
      ["channelmatch:diagnosis.segmentsEqual", "gender"],
    ]);
    const words = channelMatchText(englishT, result.diagnosis.messages[1] ?? "", null);
    expect(words.replace(/\u00a0/g, " ")).toMatch(
      /^Age: the segments are alike \(each within 0\.0 % of the whole customer base's mix\)\.$/,
    );
  });
});
