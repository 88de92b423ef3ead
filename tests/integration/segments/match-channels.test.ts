/**
 * matchChannels on a hand-worked example: two segments, two channels. The expected KL and
 * JS values are written out from their definitions (docs/analytics.md §6–7), not taken from
 * the code under test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, channelAudiences } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { RunNotFoundError } from "~/segments/errors";
import { matchChannels } from "~/segments/match-channels.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let wsA = 0;
let wsB = 0;
let runId = 0;

const EPS = 1e-6;
/** KL(P‖Q) in bits with both sides smoothed by ε over m categories. */
function kl(p: number[], q: number[]): number {
  const m = p.length;
  const s = (v: number) => (v + EPS) / (1 + m * EPS);
  return p.reduce((sum, pi, i) => sum + s(pi) * Math.log2(s(pi) / s(q[i] as number)), 0);
}
// JS((1, 0), (½, ½)) with M = (¾, ¼): ½·log₂(4/3) + ½·(½·log₂(⅔) + ½·log₂ 2) = 0.3113 bits.
const JS_HALF = 0.5 * Math.log2(4 / 3) + 0.5 * (0.5 * Math.log2(2 / 3) + 0.5 * Math.log2(2));

beforeAll(() => {
  wsA = addWorkspace(db, "a");
  wsB = addWorkspace(db, "b");
  const yes = { consentDataProcessing: true };
  // S1: two young women who buy travel; S2: two men of 55+ who buy electronics.
  const s1a = addCustomer(db, wsA, { ...yes, gender: "female", birthDate: "2003-06-01" }); // 21
  const s1b = addCustomer(db, wsA, { ...yes, gender: "female", birthDate: "1995-06-01" }); // 29
  const s1c = addCustomer(db, wsA, { gender: "male", birthDate: "1950-01-01" }); // no consent
  const s2a = addCustomer(db, wsA, { ...yes, gender: "male", birthDate: "1960-01-01" });
  const s2b = addCustomer(db, wsA, { ...yes, gender: "male", birthYear: 1968 });
  for (const c of [s1a, s1b, s1c])
    addTransaction(db, wsA, { customerId: c, date: "2024-11-01", amount: 300, category: "Travel" });
  for (const c of [s2a, s2b])
    addTransaction(db, wsA, {
      customerId: c,
      date: "2024-11-02",
      amount: 900,
      category: "Electronics",
    });
  runId = addRun(db, wsA, "2025-01-01", {
    [s1a]: "S1",
    [s1b]: "S1",
    [s1c]: "S1",
    [s2a]: "S2",
    [s2b]: "S2",
  });

  const scope = scopeTo(db, wsA);
  scope.insert(channelAudiences, {
    channelName: "X",
    shares: {
      age: { age_18_24: 0.5, age_25_34: 0.5 },
      gender: { gender_female: 0.5, gender_male: 0.5 },
      interests: { interest_travel: 0.4, interest_tech: 0.4 },
    },
    rowHash: "x",
  });
  scope.insert(channelAudiences, {
    channelName: "Y",
    shares: {
      age: { age_18_24: 0, age_25_34: 0, age_55_plus: 1 },
      gender: { gender_female: 0, gender_male: 1 },
      interests: { interest_tech: 1 },
    },
    monthlyVisits: 1000,
    rowHash: "y",
  });
  // X: daily rows (60 + 40 spend, 6 + 4 conversions, 180 + 120 revenue) and a whole-campaign
  // row with other figures that must be ignored because daily rows exist.
  const campaign = (
    key: string,
    channel: string,
    date: string,
    spend: number,
    conversions: number,
    revenue: number,
  ) =>
    scope.insert(campaigns, {
      campaignKey: key,
      channel,
      date,
      spend,
      conversions,
      revenue,
      rowHash: `${key}${date}`,
    });
  campaign("cx", "x", "2024-10-01", 60, 6, 180);
  campaign("cx", "x", "2024-10-02", 40, 4, 120);
  campaign("cx", "X", "", 999, 1, 1);
  campaign("cy", "Y", "", 100, 5, 400);
});

describe("matchChannels", () => {
  it("reproduces the hand-worked KL, JS, effectiveness and ranking", () => {
    const result = matchChannels(scopeTo(db, wsA), runId);
    expect(result.excluded_without_consent).toBe(1);
    expect(result.age_bands).toEqual(["age_18_24", "age_25_34", "age_55_plus"]);
    expect(result.interest_mapping).toEqual({ Travel: "travel", Electronics: "tech" });
    const [s1, s2] = result.segments;
    expect(s1?.segment).toBe("S1");
    expect(s1?.customers).toBe(2);
    expect(s1?.profile).toEqual({
      age: { age_18_24: 1, age_25_34: 1 },
      gender: { female: 2 },
      interests: { travel: 2 },
    });

    // S1 vs X: age identical; gender (1, 0) vs (½, ½); interests travel (1, 0) vs (½, ½).
    const x1 = s1?.channels.find((c) => c.channel === "X");
    const dims = Object.fromEntries((x1?.dimensions ?? []).map((d) => [d.dimension, d]));
    expect(dims.age?.js).toBeCloseTo(0, 12);
    expect(dims.age?.kl).toBeCloseTo(0, 12);
    expect(dims.gender?.js).toBeCloseTo(JS_HALF, 12);
    expect(dims.gender?.kl).toBeCloseTo(kl([1, 0], [0.5, 0.5]), 12);
    expect(dims.interests?.js).toBeCloseTo(JS_HALF, 12);
    expect(x1?.kl_total).toBeCloseTo(2 * kl([1, 0], [0.5, 0.5]), 12);
    const similarityX1 = (1 + 2 * (1 - JS_HALF)) / 3;
    expect(x1?.similarity).toBeCloseTo(similarityX1, 12);
    // Effectiveness: X CPA 10, ROAS 3; Y CPA 20, ROAS 4 → X (1 + ¾)/2, Y (½ + 1)/2.
    expect(x1?.effectiveness).toMatchObject({
      basis: "campaigns",
      cost_per_conversion: 10,
      roi: 2,
    });
    expect(x1?.effectiveness.value).toBeCloseTo(0.875, 12);
    // Affinity index (§23, k = 10, P = ½ for both segments of two): S1 has one of each of
    // 18–24 and 25–34, so rate = 6/11 there and 5/12 at 55+, R₀ = (12/11 + 5/6) / 4; X's
    // audience is all 18–34 → age index (6/11) / R₀; gender and interests are 50/50 → 1.
    const indexX1 = 6 / 11 / ((12 / 11 + 5 / 6) / 4);
    expect(x1?.index).toBeCloseTo(100 * indexX1, 9);
    expect(x1?.score).toBeCloseTo(similarityX1 * 0.875 * indexX1, 12);
    // S1 vs Y: no category in common on any dimension → JS = 1 everywhere, score 0.
    expect(s1?.channels.map((c) => c.channel)).toEqual(["X", "Y"]);
    expect(s1?.channels[1]?.similarity).toBeCloseTo(0, 12);
    expect(s1?.channels[1]?.dimensions.find((d) => d.dimension === "age")?.kl).toBeCloseTo(
      kl([0.5, 0.5, 0], [0, 0, 1]),
      9,
    );

    // S2 vs Y: identical on every dimension → similarity 1; score = 0.75 × index, where Y's
    // audience is all 55+ (rate 7/12, R₀ = (10/11 + 7/6) / 4), male and tech (7/12 / ½ each).
    expect(s2?.channels.map((c) => c.channel)).toEqual(["Y", "X"]);
    expect(s2?.channels[0]?.similarity).toBeCloseTo(1, 12);
    const indexY2 = (7 / 12 / ((10 / 11 + 7 / 6) / 4)) * (7 / 6) ** 2;
    expect(s2?.channels[0]?.index).toBeCloseTo(100 * indexY2, 9);
    expect(s2?.channels[0]?.score).toBeCloseTo(0.75 * indexY2, 12);
    // S2 vs X: age disjoint (JS 1), gender and interests JS_HALF.
    expect(s2?.channels[1]?.similarity).toBeCloseTo((2 * (1 - JS_HALF)) / 3, 12);
    expect(s2?.channels[0]?.reasons.join(" | ")).toContain('"cpa":20');
  });

  it("does not show a run of workspace A to workspace B", () => {
    expect(() => matchChannels(scopeTo(db, wsB), runId)).toThrow(RunNotFoundError);
  });
});
