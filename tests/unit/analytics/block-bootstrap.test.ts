/**
 * The block bootstrap's 80 % interval covers the true ratio in at least 70 % of 50
 * simulated daily data sets. Each set: 140 days (20 weeks) of spend with a weekday pattern;
 * revenue = spend · ROAS · (1 + noise) where the noise has a weekly component shared by the
 * days of a week plus a daily one, both of mean 0, so the true ROAS is known exactly.
 */
import { describe, expect, it } from "vitest";
import { circularBlockResample } from "~/analytics/block-bootstrap";
import { type CampaignRowInput, figuresOf } from "~/analytics/campaign-report";
import { createRandom } from "~/analytics/random";

const TRUE_ROAS = 2.5;
const DAYS = 140;

function normal(random: ReturnType<typeof createRandom>): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function simulated(seed: number): CampaignRowInput[] {
  const random = createRandom(seed);
  const weekdayShape = [1.2, 1.1, 1, 1, 0.9, 0.6, 0.5];
  const rows: CampaignRowInput[] = [];
  let weekNoise = 0;
  for (let d = 0; d < DAYS; d++) {
    if (d % 7 === 0) weekNoise = 0.25 * normal(random);
    const spend = 1000 * (weekdayShape[d % 7] as number) * (0.8 + 0.4 * random.next());
    const revenue = spend * TRUE_ROAS * (1 + weekNoise + 0.3 * normal(random));
    const date = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      campaignKey: "SIM",
      name: null,
      channel: "Sim",
      product: null,
      date,
      spend,
      impressions: Math.round(spend * 40),
      clicks: Math.round(spend),
      conversions: Math.round(spend / 50),
      revenue,
    });
  }
  return rows;
}

describe("block bootstrap", () => {
  it("resamples whole 7-day blocks, wrapping around the end", () => {
    const indices = circularBlockResample(10, 7, { next: () => 0.85, nextInt: () => 8 });
    expect([...indices]).toEqual([8, 9, 0, 1, 2, 3, 4, 8, 9, 0]);
  });

  it("gives 80 % intervals that cover the true ROAS and ROI in ≥ 70 % of 50 data sets", () => {
    let coveredRoas = 0;
    let coveredRoi = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const figures = figuresOf("Sim", "Sim", simulated(seed), { seed });
      if (!("ratios" in figures.intervals)) throw new Error(figures.intervals.reason);
      const roas = figures.intervals.ratios.roas;
      const roi = figures.intervals.ratios.roi;
      if (roas.low === null || roi.low === null) throw new Error("no interval");
      expect(roas.low).toBeLessThan(roas.high);
      if (roas.low <= TRUE_ROAS && TRUE_ROAS <= roas.high) coveredRoas++;
      if (roi.low <= TRUE_ROAS - 1 && TRUE_ROAS - 1 <= roi.high) coveredRoi++;
    }
    expect(coveredRoas).toBeGreaterThanOrEqual(35);
    expect(coveredRoi).toBeGreaterThanOrEqual(35);
    // Not trivially wide either: an 80 % interval should miss sometimes.
    expect(coveredRoas).toBeLessThan(50);
  });

  it("is deterministic for a seed and gives no interval on fewer than 14 days", () => {
    const a = figuresOf("Sim", "Sim", simulated(7), { seed: 3 });
    const b = figuresOf("Sim", "Sim", simulated(7), { seed: 3 });
    expect(a.intervals).toEqual(b.intervals);
    const short = figuresOf("Sim", "Sim", simulated(7).slice(0, 13));
    expect(short.intervals).toMatchObject({
      ratios: {
        roi: { low: null, reason: "13 days of daily rows; an interval needs at least 14" },
      },
    });
  });

  it("gives no interval to a group with campaign totals rows", () => {
    const rows = simulated(2);
    rows.push({ ...(rows[0] as CampaignRowInput), campaignKey: "TOTAL", date: "" });
    expect(figuresOf("Sim", "Sim", rows).intervals).toEqual({
      reason: "1 of 141 rows are campaign totals without days; intervals need daily rows",
    });
  });
});
