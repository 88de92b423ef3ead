import { describe, expect, it } from "vitest";
import { segmentItemLift, wilsonInterval } from "~/analytics/lift";

describe("wilsonInterval", () => {
  it("matches the textbook formula", () => {
    // x = 22.5, n = 60: p̂ = 0.375, z²/n = 0.0640267, centre = (0.375 + 0.0320133) / 1.0640267
    // = 0.382522; half = 1.96/1.0640267 · √(0.375·0.625/60 + 3.8416/14400) = 0.118995.
    const [low, high] = wilsonInterval(22.5, 60);
    expect(low).toBeCloseTo(0.263527, 5);
    expect(high).toBeCloseTo(0.501517, 5);
  });
});

describe("segmentItemLift", () => {
  // 100 customers: 50 in Big (0–49), 1 in Tiny (50), 49 in Rest (51–99).
  // tea: 20 Big buyers, the Tiny customer, 4 Rest buyers → 25 buyers, p₀ = 0.25.
  // caviar: one Big customer → p₀ = 0.01.
  const customerSegment = Int32Array.from({ length: 100 }, (_, c) =>
    c < 50 ? 0 : c === 50 ? 1 : 2,
  );
  const purchases: [number, number][] = [];
  for (let c = 0; c < 20; c++) purchases.push([c, 0]);
  purchases.push([0, 0]); // a repeat purchase counts once
  purchases.push([50, 0]);
  for (let c = 51; c < 55; c++) purchases.push([c, 0]);
  purchases.push([7, 1]);
  const result = segmentItemLift({
    customerSegment,
    segmentNames: ["Big", "Tiny", "Rest"],
    purchaseCustomer: purchases.map((p) => p[0]),
    purchaseItem: purchases.map((p) => p[1]),
    itemNames: ["tea", "caviar"],
  });
  const big = result[0];
  const tiny = result[1];

  it("smooths towards the base rate", () => {
    const tea = big?.items.find((i) => i.item === "tea");
    // x′ = 20 + 10 · 0.25 = 22.5, n′ = 60 → 0.375 → lift 1.5; interval (0.263527, 0.501517) / 0.25.
    expect(tea).toMatchObject({ buyers: 20, segmentRate: 0.4, baseRate: 0.25 });
    expect(tea?.lift).toBeCloseTo(1.5, 12);
    expect(tea?.liftLow).toBeCloseTo(1.054106, 5);
    expect(tea?.liftHigh).toBeCloseTo(2.006067, 5);
    // Tiny: raw rate 1/1 = lift 4, smoothed x′ = 3.5, n′ = 11 → 0.318182 → lift 1.272727.
    const tinyTea = tiny?.items.find((i) => i.item === "tea");
    expect(tinyTea?.segmentRate).toBe(1);
    expect(tinyTea?.lift).toBeCloseTo(1.272727, 5);
    expect(tinyTea?.liftLow).toBeCloseTo(0.494595, 5);
  });

  it("ranks by the lower bound so a single buyer does not top the list", () => {
    // caviar in Big: raw lift 0.02 / 0.01 = 2 > tea's 1.6, but x′ = 1.1, n′ = 60 gives
    // liftLow 0.346482 < tea's 1.054106.
    expect(big?.items.map((i) => i.item)).toEqual(["tea", "caviar"]);
    expect(big?.items[1]?.liftLow).toBeCloseTo(0.346482, 5);
    expect(big?.customers).toBe(50);
  });
});
