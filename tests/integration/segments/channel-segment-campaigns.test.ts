/**
 * Campaign rows per segment (docs/analytics.md §23): a campaigns file with a segment column
 * loads one row per campaign and segment, and where its values name the run's segments each
 * segment's effectiveness on that channel is its own, from those rows' conversions per
 * impression shrunk toward the channel's rate. Figures worked by hand below.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { channelAudiences, customerSources, responses } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { channelMatchText } from "~/components/segments/channel-reasons";
import { englishT } from "~/i18n/english";
import { decodeMessage } from "~/i18n/message-code";
import { matchChannels } from "~/segments/match-channels.server";
import { english } from "../../helpers/english";
import { rowsOf, setUpIngest } from "../ingest/support";
import { addCustomer, addRun } from "./fixtures";

const { db, dir, workspaceId, importOk } = setUpIngest("segment-campaigns");
let runId = 0;

// The segment column names the RFM segments in English and in Turkish ("Kaybedilenler" =
// Lost); "Students" names no segment of the run and is left out of the split.
const CSV = [
  "Campaign ID,Channel,Segment,Spend,Impressions,Conversions",
  "spring,E-mail,Champions,500,1000,20",
  "spring,E-mail,Kaybedilenler,500,1000,60",
  "spring,E-mail,Students,500,500,0",
  "radio-1,Radio,,1000,,20",
].join("\n");

beforeAll(async () => {
  const scope = scopeTo(db, workspaceId);
  const members: Record<number, string> = {};
  for (let i = 0; i < 20; i++) {
    const id = addCustomer(db, workspaceId, { consentDataProcessing: true });
    members[id] = i < 10 ? "Champions" : "Lost";
    scope.insert(customerSources, {
      customerId: id,
      source: "crm",
      externalId: `K${i}`,
      matchedBy: "new",
      record: {},
      rowHash: `h${i}`,
    });
  }
  runId = addRun(db, workspaceId, "2025-01-01", members);
  for (const channelName of ["E-mail", "Radio"])
    scope.insert(channelAudiences, {
      channelName,
      shares: { gender: { gender_female: 0.5, gender_male: 0.5 } },
      rowHash: channelName,
    });
  const file = path.join(dir, "campaigns-by-segment.csv");
  fs.writeFileSync(file, CSV);
  await importOk("campaigns", file);
});

describe("campaign rows per segment", () => {
  it("load one row per campaign and segment, keyed by both", () => {
    const rows = rowsOf<Record<string, unknown>>(db, "campaigns", workspaceId);
    expect(
      english(rows.map((r) => [r.campaign_key, r.segment, r.impressions, r.conversions])),
    ).toEqual([
      ["spring", "Champions", 1000, 20],
      ["spring", "Kaybedilenler", 1000, 60],
      ["spring", "Students", 500, 0],
      ["radio-1", "", null, 20],
    ]);
  });

  it("give each segment its own effectiveness on the channel, from those rows", () => {
    const result = matchChannels(scopeTo(db, workspaceId), runId);
    expect(result.effectiveness_source).toBe("segment");
    expect(result.segment_result_channels).toEqual(["E-mail"]);
    expect(result.segment_campaign_channels).toEqual(["E-mail"]);
    const email = (segment: string) =>
      result.segments
        .find((s) => s.segment === segment)
        ?.channels.find((c) => c.channel === "E-mail")?.effectiveness;
    // Channel effectiveness: E-mail 80 / 1500 conversions per spend is the best, so 1;
    // Radio 20 / 1000 = 0.02 → 0.02 / 0.05333 = 0.375.
    // Segments: 20 of 1000 and 60 of 1000 around m = 80 / 2000 = 0.04.
    // Σ n (p̂ − m)² = 1000 · 0.02² · 2 = 0.8; / m(1 − m) = 0.8 / 0.0384 = 20.8333
    // = 2 + ρ · 1998 → ρ = 0.0094261, κ = 1/ρ − 1 = 105.0885.
    // Champions: (105.0885 · 0.04 + 20) / 1105.0885 = 0.0219019 → × 1 / 0.04 = 0.547548;
    // Lost: (4.20354 + 60) / 1105.0885 = 0.0580981 → 1.452452.
    expect(email("Champions")).toMatchObject({
      source: "segment",
      segment_origin: "campaigns",
      segment_sends: 1000,
      segment_conversions: 20,
    });
    expect(email("Champions")?.channel_rate).toBeCloseTo(0.04, 12);
    expect(email("Champions")?.segment_rate).toBeCloseTo(0.0219019, 6);
    expect(email("Champions")?.value).toBeCloseTo(0.547548, 5);
    expect(email("Lost")?.segment_rate).toBeCloseTo(0.0580981, 6);
    expect(email("Lost")?.value).toBeCloseTo(1.452452, 5);
    // Radio has no rows per segment: the channel's effectiveness for both.
    for (const segment of ["Champions", "Lost"]) {
      const radio = result.segments
        .find((s) => s.segment === segment)
        ?.channels.find((c) => c.channel === "Radio");
      expect(radio?.effectiveness).toMatchObject({ source: "channel" });
      expect(radio?.effectiveness.value).toBeCloseTo(0.375, 12);
    }
    const reason = result.segments
      .find((s) => s.segment === "Lost")
      ?.channels.find((c) => c.channel === "E-mail")
      ?.reasons.find((r) => decodeMessage(r).key.includes("effectiveness"));
    expect(decodeMessage(reason ?? "").key).toBe(
      "channelmatch:reasons.effectivenessSegmentCampaigns",
    );
    expect(channelMatchText(englishT, reason ?? "", null).replace(/\u00a0/g, " ")).toBe(
      "Effectiveness 1.45 from this segment's campaign rows: 5.8 % converted (impressions: 1,000; the channel: 4.0 %)",
    );
  });

  it("leave a channel with the members' own responses to those", () => {
    const scope = scopeTo(db, workspaceId);
    // One e-mail response per member: Champions convert on all, Lost on none.
    for (let i = 0; i < 20; i++)
      scope.insert(responses, {
        responseKey: `r${i}`,
        customerExternalId: `K${i}`,
        channel: "email",
        sentAt: new Date(Date.UTC(2024, 9, 1 + i)),
        converted: i < 10,
        rowHash: `rh${i}`,
      });
    const result = matchChannels(scopeTo(db, workspaceId), runId);
    expect(result.segment_result_channels).toEqual(["E-mail"]);
    expect(result.segment_campaign_channels).toEqual([]);
    const email = result.segments
      .find((s) => s.segment === "Champions")
      ?.channels.find((c) => c.channel === "E-mail")?.effectiveness;
    expect(email).toMatchObject({ segment_origin: "responses", segment_sends: 10 });
    scope.delete(responses);
  });
});
