import { describe, expect, it } from "vitest";
import { planNotifications } from "~/analytics/notification-plan";
import { empiricalPolicy, evaluatePolicy, type LoggedSend } from "~/analytics/off-policy";
import { createRandom } from "~/analytics/random";
import {
  type ArmKey,
  type ArmTally,
  armKeyOf,
  armPosteriors,
  channelPriors,
} from "~/analytics/response-rates";

describe("channelPriors", () => {
  it("fits κ by the method of moments, as worked by hand", () => {
    // sms arms: 10/100 and 30/100 → m = 0.2; Σ n (p̂ − m)² = 100·0.01 + 100·0.01 = 2;
    // m(1 − m) = 0.16 → 2 / 0.16 = 12.5; ρ = (12.5 − 2) / 198 = 0.0530303; κ = 1/ρ − 1 = 17.857.
    const tallies: ArmTally[] = [
      { segment: "A", channel: "sms", offer: "x", hour: 10, sends: 100, responses: 10 },
      { segment: "B", channel: "sms", offer: "x", hour: 10, sends: 100, responses: 30 },
    ];
    const prior = channelPriors(tallies).get("sms");
    expect(prior?.mean).toBeCloseTo(0.2, 12);
    expect(prior?.strength).toBeCloseTo(1 / (10.5 / 198) - 1, 9);
    expect(prior?.fitted).toBe(true);
  });

  it("keeps the default strength when one arm cannot show a spread", () => {
    const prior = channelPriors([
      { segment: "A", channel: "push", offer: "x", hour: 9, sends: 50, responses: 5 },
    ]).get("push");
    expect(prior).toMatchObject({ mean: 0.1, strength: 20, fitted: false });
  });
});

describe("armPosteriors", () => {
  it("shrinks a sparse arm toward its channel and leaves a large one near its own rate", () => {
    const tallies: ArmTally[] = [
      { segment: "A", channel: "email", offer: "big", hour: 9, sends: 10_000, responses: 500 },
      { segment: "B", channel: "email", offer: "big", hour: 9, sends: 10_000, responses: 1_500 },
      { segment: "C", channel: "email", offer: "big", hour: 9, sends: 4, responses: 4 },
    ];
    const arms: ArmKey[] = tallies.map(({ sends: _s, responses: _r, ...key }) => key);
    arms.push({ segment: "D", channel: "email", offer: "big", hour: 9 });
    const posteriors = armPosteriors(tallies, arms);
    const channelRate = 2_004 / 20_004;
    expect(posteriors.get(armKeyOf(arms[0] as ArmKey))?.mean).toBeCloseTo(0.05, 2);
    const sparse = posteriors.get(armKeyOf(arms[2] as ArmKey))?.mean ?? 0;
    expect(sparse).toBeLessThan(0.6);
    expect(sparse).toBeGreaterThan(channelRate);
    // An arm never sent is the channel's prior itself.
    expect(posteriors.get(armKeyOf(arms[3] as ArmKey))?.mean).toBeCloseTo(channelRate, 6);
  });
});

/** True rates: each segment has its own best arm. */
const truth: Record<string, Record<string, number>> = {
  young: { "push|deal|20": 0.3, "email|deal|9": 0.08, "sms|card|12": 0.05 },
  old: { "push|deal|20": 0.04, "email|deal|9": 0.09, "sms|card|12": 0.22 },
};
const armList = [
  { channel: "push", offer: "deal", hour: 20 },
  { channel: "email", offer: "deal", hour: 9 },
  { channel: "sms", offer: "card", hour: 12 },
];
const rateOf = (segment: string, a: { channel: string; offer: string; hour: number }) =>
  truth[segment]?.[`${a.channel}|${a.offer}|${a.hour}`] ?? 0;

describe("planNotifications", () => {
  it("learns each segment's best arm from simulated responses", () => {
    const random = createRandom(7);
    const customers = Array.from({ length: 400 }, (_, i) => ({
      customerId: `c${i}`,
      segment: i % 2 === 0 ? "young" : "old",
      consentedChannels: ["push", "email", "sms"],
      excludedOffers: new Set<string>(),
      contactsLastWeek: 0,
    }));
    const arms: ArmKey[] = ["young", "old"].flatMap((segment) =>
      armList.map((a) => ({ segment, ...a })),
    );
    const tallies = new Map<string, ArmTally>();
    let lastRound: ReturnType<typeof planNotifications> | undefined;
    for (let round = 0; round < 15; round++) {
      const plan = planNotifications(customers, armPosteriors([...tallies.values()], arms), {
        channels: ["push", "email", "sms"],
        offers: ["deal", "card"],
        hours: [9, 12, 20],
        weeklyCap: 3,
        explore: 0.1,
        seed: 100 + round,
      });
      for (const send of plan.sends) {
        const key = armKeyOf(send);
        const tally = tallies.get(key) ?? { ...send, sends: 0, responses: 0 };
        tally.sends++;
        if (random.next() < rateOf(send.segment, send)) tally.responses++;
        tallies.set(key, tally);
      }
      lastRound = plan;
    }
    // Share of a segment's sends on one whole arm (channel, offer and hour).
    const share = (segment: string, arm: string) => {
      const sends = lastRound?.sends.filter((s) => s.segment === segment) ?? [];
      return sends.filter((s) => `${s.channel}|${s.offer}|${s.hour}` === arm).length / sends.length;
    };
    expect(share("young", "push|deal|20")).toBeGreaterThan(0.85);
    expect(share("old", "sms|card|12")).toBeGreaterThan(0.85);
  });

  it("respects consent, exclusions and the weekly cap", () => {
    const arms: ArmKey[] = armList.map((a) => ({ segment: "old", ...a }));
    const posteriors = armPosteriors([], arms);
    const plan = planNotifications(
      [
        {
          customerId: "only-email",
          segment: "old",
          consentedChannels: ["email"],
          excludedOffers: new Set(),
          contactsLastWeek: 0,
        },
        {
          customerId: "capped",
          segment: "old",
          consentedChannels: ["sms", "email"],
          excludedOffers: new Set(),
          contactsLastWeek: 2,
        },
        {
          customerId: "no-consent",
          segment: "old",
          consentedChannels: [],
          excludedOffers: new Set(),
          contactsLastWeek: 0,
        },
        {
          customerId: "holds-everything",
          segment: "old",
          consentedChannels: ["sms"],
          excludedOffers: new Set(["card", "deal"]),
          contactsLastWeek: 0,
        },
      ],
      posteriors,
      {
        channels: ["push", "email", "sms"],
        offers: ["deal", "card"],
        hours: [9, 12, 20],
        weeklyCap: 2,
        explore: 0,
        seed: 1,
      },
    );
    expect(plan.sends.map((s) => [s.customerId, s.channel, s.offer])).toEqual([
      ["only-email", "email", "deal"],
    ]);
    expect(plan.skipped).toEqual({ atCap: 1, noConsentedChannel: 1, noOfferLeft: 1 });
  });
});

describe("evaluatePolicy", () => {
  const contexts = ["young", "old"];
  const armNames = armList.map((a) => `${a.channel}|${a.offer}|${a.hour}`);
  // A skewed historical policy and a different target policy, both known.
  const logging: Record<string, number[]> = { young: [0.2, 0.5, 0.3], old: [0.6, 0.2, 0.2] };
  const target: Record<string, number[]> = { young: [0.8, 0.1, 0.1], old: [0.1, 0.1, 0.8] };
  const valueIn = (context: string) =>
    (target[context] ?? []).reduce(
      (sum, p, a) => sum + p * (truth[context]?.[armNames[a] ?? ""] ?? 0),
      0,
    );
  const trueValue = 0.5 * valueIn("young") + 0.5 * valueIn("old");

  function simulate(seed: number, n: number): LoggedSend[] {
    const random = createRandom(seed);
    const logged: LoggedSend[] = [];
    for (let i = 0; i < n; i++) {
      const context = contexts[random.nextInt(2)] as string;
      const u = random.next();
      const probabilities = logging[context] as number[];
      let arm = 0;
      for (let c = probabilities[0] as number; u >= c && arm < 2; ) {
        arm++;
        c += probabilities[arm] as number;
      }
      const armName = armNames[arm] as string;
      const reward = random.next() < (truth[context]?.[armName] ?? 0) ? 1 : 0;
      logged.push({ context, arm: armName, reward });
    }
    return logged;
  }
  const targetProbability = (context: string, arm: string) =>
    target[context]?.[armNames.indexOf(arm)] ?? 0;

  it("covers the true value of a known policy in at least 80 % of 50 simulations", () => {
    let ipsCovered = 0;
    let snipsCovered = 0;
    for (let s = 0; s < 50; s++) {
      const logged = simulate(1_000 + s, 3_000);
      const result = evaluatePolicy(logged, targetProbability, empiricalPolicy(logged), 0.95);
      if (result.ips.lower <= trueValue && trueValue <= result.ips.upper) ipsCovered++;
      if (result.selfNormalised.lower <= trueValue && trueValue <= result.selfNormalised.upper)
        snipsCovered++;
    }
    expect(ipsCovered).toBeGreaterThanOrEqual(40);
    expect(snipsCovered).toBeGreaterThanOrEqual(40);
  });

  it("tells a better target policy from the historical one", () => {
    const logged = simulate(5, 20_000);
    const result = evaluatePolicy(logged, targetProbability, empiricalPolicy(logged), 0.95);
    expect(result.selfNormalised.value).toBeCloseTo(trueValue, 1);
    expect(result.selfNormalised.lower).toBeGreaterThan(result.historical.upper);
    expect(result.supported).toBe(logged.length);
  });

  it("computes IPS by hand on three sends", () => {
    // μ(a|x) = 1/2, 1/2, 1 (empirical); π = 1, 0, 1 → w = 2, 0, 1; IPS = (2·1 + 0 + 1·0)/3.
    const logged: LoggedSend[] = [
      { context: "x", arm: "a", reward: 1 },
      { context: "x", arm: "b", reward: 1 },
      { context: "y", arm: "a", reward: 0 },
    ];
    const result = evaluatePolicy(
      logged,
      (_c, arm) => (arm === "a" ? 1 : 0),
      empiricalPolicy(logged),
    );
    expect(result.ips.value).toBeCloseTo(2 / 3, 12);
    expect(result.selfNormalised.value).toBeCloseTo(2 / 3, 12);
    expect(result.historical.value).toBeCloseTo(2 / 3, 12);
    expect(result.effectiveSampleSize).toBeCloseTo(9 / 5, 12);
  });
});
