import { describe, expect, it } from "vitest";
import { topCategoriesPerCustomer } from "~/analytics/category-interest";

describe("topCategoriesPerCustomer", () => {
  it("weights spend by a recency half-life and keeps the top 3", () => {
    // Reference day 100, half-life 90 days. Customer 0:
    //   shoes  100 on day 10 (age 90 → × 0.5) = 50
    //   books   60 on day 99 (age 1 → × 0.5^(1/90) = 0.992327) = 59.5396
    //   toys    40 on day 100 − 180 = −80 (age 180 → × 0.25) = 10
    //   garden  30 on day 99 = 29.7698, minus a 30 return the same day = 0 → left out
    //   games    5 on day 99 = 4.9616 → 4th, cut by top = 3
    // Customer 1 bought nothing.
    const rows: [number, number, number, number][] = [
      [0, 0, 100, 10],
      [0, 1, 60, 99],
      [0, 2, 40, -80],
      [0, 3, 30, 99],
      [0, 3, -30, 99],
      [0, 4, 5, 99],
      [0, 1, 999, 100], // on the reference day: ignored
    ];
    const result = topCategoriesPerCustomer(
      {
        customerIndex: rows.map((r) => r[0]),
        categoryIndex: rows.map((r) => r[1]),
        amount: rows.map((r) => r[2]),
        day: rows.map((r) => r[3]),
        categoryNames: ["shoes", "books", "toys", "garden", "games"],
        customerCount: 2,
      },
      { referenceDay: 100, halfLifeDays: 90 },
    );
    const books = 60 * 0.5 ** (1 / 90);
    const games = 5 * 0.5 ** (1 / 90);
    const total = books + 50 + 10 + games;
    expect(result[0]?.map((c) => c.category)).toEqual(["books", "shoes", "toys"]);
    expect(result[0]?.[0]?.score).toBeCloseTo(59.5396, 3);
    expect(result[0]?.[1]?.score).toBeCloseTo(50, 10);
    expect(result[0]?.[2]?.score).toBeCloseTo(10, 10);
    expect(result[0]?.[1]?.share).toBeCloseTo(50 / total, 10);
    expect(result[1]).toEqual([]);
  });
});
