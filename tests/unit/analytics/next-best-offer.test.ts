import { describe, expect, it } from "vitest";
import { nextBestOffers } from "~/analytics/next-best-offer";

describe("nextBestOffers", () => {
  const result = nextBestOffers({
    history: [
      { category: "Shampoo", days: [0, 30, 60, 90], spend: 200 },
      { category: "Loan", days: [10], spend: 5_000 },
      { category: "Soap", days: [50], spend: 12 },
    ],
    facts: [
      { category: "Shampoo", segmentBuyerShare: 0.5, meanSpendPerPurchase: 40, repeatable: true },
      { category: "Loan", segmentBuyerShare: 0.3, meanSpendPerPurchase: 4_000, repeatable: false },
      { category: "Card", segmentBuyerShare: 0.2, meanSpendPerPurchase: 100, repeatable: false },
      { category: "Coffee", segmentBuyerShare: 0.9, meanSpendPerPurchase: 80, repeatable: true },
      { category: "Soap", segmentBuyerShare: 0.1, meanSpendPerPurchase: 30, repeatable: true },
    ],
    declined: new Set(["Coffee"]),
    today: 131,
    horizonDays: 30,
    limit: 5,
  });

  it("ranks by propensity × value, as worked by hand", () => {
    // Shampoo: every (90 − 0)/3 = 30 days → 1 − e^(−30/30) = 0.632121 × 200/4 = 31.606.
    // Card: never bought, 20 % of the segment × 100 = 20. Soap: bought once, 10 % × 30 = 3.
    expect(result.map((s) => s.category)).toEqual(["Shampoo", "Card", "Soap"]);
    expect(result[0]?.propensity).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(result[0]?.expectedValue).toBeCloseTo(50 * (1 - Math.exp(-1)), 12);
    expect(result[0]?.reason).toEqual({ kind: "repeat", everyDays: 30, lastDaysAgo: 41 });
    expect(result[1]).toMatchObject({ expectedValue: 20, reason: { kind: "segment", share: 0.2 } });
    expect(result[2]?.expectedValue).toBeCloseTo(3, 12);
  });

  it("leaves out what the customer holds and what they declined recently", () => {
    const offered = result.map((s) => s.category);
    expect(offered).not.toContain("Loan");
    expect(offered).not.toContain("Coffee");
  });
});
