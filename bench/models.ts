/**
 * `npm run bench:models`: issue 13's two models at scale.
 * 1. The customer value model trained on simulated customers (target: 20,000 customers in
 *    under 30 s on 2 cores): features at three cut-offs, the boosted trees, the BG/NBD +
 *    Gamma-Gamma fits, the metrics of all three on the evaluation split.
 * 2. The notification plan on simulated responses with a known best arm per segment
 *    (target: plan 10,000 customers in under 5 s on 2 cores).
 *
 * 3. The plan on the demo's generated responses, scored against their truth
 *    (responses-truth.json; bench/demo-plan.ts): the offline estimate must hold the plan's
 *    true rate in its interval and lie above the historical policy.
 *
 *   npm run bench:models -- [--value-customers 20000] [--customers 10000] [--sends 200000] [--seed 1] [--demo-scale 1]
 *
 * Prints, for the same in-process data: the reference (one pass that tallies the sends per
 * arm, the floor any learner pays), the posteriors, the Thompson plan, the off-policy
 * estimate against the plan's true rate, peak RSS after each part, and how often the plan
 * chose each segment's true best arm. `--demo-scale 0` leaves part 3 out.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { trainValueModel } from "~/analytics/customer-value/train";
import { type PlanCustomer, planNotifications } from "~/analytics/notification-plan";
import { empiricalPolicy, evaluatePolicy, type LoggedSend } from "~/analytics/off-policy";
import { createRandom } from "~/analytics/random";
import { type ArmKey, type ArmTally, armKeyOf, armPosteriors } from "~/analytics/response-rates";
import { simulateValueHistory } from "../tests/helpers/value-history";
import { benchDemoPlan } from "./demo-plan";

const { values: flags } = parseArgs({
  options: {
    customers: { type: "string", default: "10000" },
    "demo-scale": { type: "string", default: "1" },
    sends: { type: "string", default: "200000" },
    seed: { type: "string", default: "1" },
    "value-customers": { type: "string", default: "20000" },
  },
});

const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
// The machine may be shared: the load says how much of its cores the timings had.
console.log(
  `${os.availableParallelism()} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} (1, 5, 15 min)`,
);
{
  const valueCustomers = Number(flags["value-customers"]);
  const history = simulateValueHistory({ customers: valueCustomers, days: 730, seed: 3 });
  console.log(
    `value model: ${valueCustomers} customers, ${history.sales.rows} sale lines, ${history.responses.rows} messages over 730 days`,
  );
  const started = performance.now();
  const trained = trainValueModel(history, { horizonDays: 90 });
  const seconds = (performance.now() - started) / 1000;
  if (!trained.ok) throw new Error(`value model did not train: ${trained.reason}`);
  console.log(
    `value model trained (3 cut-offs, ${trained.trees} trees, BG/NBD × 2) ${seconds.toFixed(1).padStart(6)} s`,
  );
  for (const method of ["model", "last_period", "bg_nbd"] as const) {
    const m = trained.metrics[method];
    console.log(
      `  ${method.padEnd(12)} MAE ${m.mae.toFixed(2).padStart(8)}  RMSE ${m.rmse.toFixed(2).padStart(8)}  R² ${(m.r2 ?? Number.NaN).toFixed(3)}`,
    );
  }
  console.log(`  used: ${trained.used} (${trained.reason}); peak RSS so far ${peakRss()}`);
}
const customerCount = Number(flags.customers);
const sendCount = Number(flags.sends);
const random = createRandom(Number(flags.seed));

const segments = Array.from({ length: 11 }, (_, s) => `S${s + 1}`);
const channels = ["sms", "email"];
const offers = Array.from({ length: 8 }, (_, o) => `offer${o + 1}`);
const hours = [9, 12, 18, 21];
const arms: ArmKey[] = segments.flatMap((segment) =>
  channels.flatMap((channel) =>
    offers.flatMap((offer) => hours.map((hour) => ({ segment, channel, offer, hour }))),
  ),
);
// True rates: 1–6 % everywhere, one best arm per segment at 12 %.
const truth = new Map<string, number>();
const best = new Map<string, string>();
for (const arm of arms) truth.set(armKeyOf(arm), 0.01 + 0.05 * random.next());
for (const segment of segments) {
  const arm = arms.filter((a) => a.segment === segment)[random.nextInt(64)] as ArmKey;
  truth.set(armKeyOf(arm), 0.12);
  best.set(segment, armKeyOf(arm));
}
const logged: (ArmKey & { reward: number })[] = [];
for (let i = 0; i < sendCount; i++) {
  const arm = arms[random.nextInt(arms.length)] as ArmKey;
  logged.push({ ...arm, reward: random.next() < (truth.get(armKeyOf(arm)) ?? 0) ? 1 : 0 });
}
const customers: PlanCustomer[] = Array.from({ length: customerCount }, (_, i) => ({
  customerId: `C${i}`,
  segment: segments[i % segments.length] as string,
  consentedChannels: i % 7 === 0 ? ["email"] : ["sms", "email"],
  excludedOffers: new Set(i % 5 === 0 ? ["offer1"] : []),
  contactsLastWeek: i % 13 === 0 ? 2 : 0,
}));

function timed<T>(label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
}

console.log(`${customerCount} customers, ${sendCount} logged sends, ${arms.length} arms`);
const tallies = timed("reference: tally sends per arm", () => {
  const map = new Map<string, ArmTally>();
  for (const send of logged) {
    const key = armKeyOf(send);
    const tally = map.get(key) ?? { ...send, sends: 0, responses: 0 };
    tally.sends++;
    tally.responses += send.reward;
    map.set(key, tally);
  }
  return [...map.values()];
});
const posteriors = timed("posteriors (shrunk per channel)", () => armPosteriors(tallies, arms));
const plan = timed("Thompson plan", () =>
  planNotifications(customers, posteriors, {
    channels,
    offers,
    hours,
    weeklyCap: 2,
    explore: 0.1,
    seed: 7,
  }),
);
const estimate = timed("off-policy estimate", () => {
  const asLogged: LoggedSend[] = logged.map((s) => ({
    context: s.segment,
    arm: `${s.channel}|${s.offer}|${s.hour}`,
    reward: s.reward,
  }));
  const counts = new Map<string, number>();
  const perSegment = new Map<string, number>();
  for (const s of plan.sends) {
    const key = `${s.segment}\u0000${s.channel}|${s.offer}|${s.hour}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    perSegment.set(s.segment, (perSegment.get(s.segment) ?? 0) + 1);
  }
  return evaluatePolicy(
    asLogged,
    (context, arm) => (counts.get(`${context}\u0000${arm}`) ?? 0) / (perSegment.get(context) || 1),
    empiricalPolicy(asLogged),
  );
});
const onBest = plan.sends.filter((s) => armKeyOf(s) === best.get(s.segment)).length;
const trueValue =
  plan.sends.reduce((sum, s) => sum + (truth.get(armKeyOf(s)) ?? 0), 0) / plan.sends.length;
console.log(
  `planned ${plan.sends.length}, skipped ${JSON.stringify(plan.skipped)}; on the true best arm: ${(
    (100 * onBest) / plan.sends.length
  ).toFixed(1)} %`,
);
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const sn = estimate.selfNormalised;
console.log(
  `historical ${pct(estimate.historical.value)}; plan (self-normalised) ${pct(sn.value)} [${pct(sn.lower)}, ${pct(sn.upper)}]; plan's true rate ${pct(trueValue)}`,
);
console.log(
  `  true rate within the interval: ${trueValue >= sn.lower && trueValue <= sn.upper ? "yes" : "no"}; estimate above the historical policy: ${sn.value > estimate.historical.value ? "yes" : "no"}`,
);
console.log(`peak RSS so far ${peakRss()}`);

const demoScale = Number(flags["demo-scale"]);
if (demoScale > 0) {
  await benchDemoPlan(demoScale);
  console.log(`peak RSS ${peakRss()} (the demo's import included)`);
}
