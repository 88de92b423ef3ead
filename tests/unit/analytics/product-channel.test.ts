import { describe, expect, it } from "vitest";
import { type ProductChannelInput, rankChannelsForItems } from "~/analytics/product-channel";

// Worked example of docs/analytics.md §20: 10 customers, 5 aged 18–24 (4 bought A) and
// 5 aged 55–64 (1 bought A); base rate 0.5, prior k = 10.
const input: ProductChannelInput = {
  customerBuckets: {
    age: [...Array(5).fill("age_18_24"), ...Array(5).fill("age_55_64")] as string[],
  },
  items: [{ item: "A", label: "Kredi kartı", buyers: [0, 1, 2, 3, 5] }],
  channels: [
    {
      channelId: "z",
      name: "Zeta",
      audience: { gender: { female: 1 } },
      audienceSize: null,
      effectiveness: 1,
    },
    {
      channelId: "y",
      name: "Yellow",
      audience: { age: { age_55_64: 1 } },
      audienceSize: 2000,
      effectiveness: 0.25,
    },
    {
      channelId: "x",
      name: "Xenon",
      audience: { age: { age_18_24: 0.8, age_55_64: 0.2 } },
      audienceSize: 1000,
      effectiveness: 0.5,
    },
  ],
};

describe("rankChannelsForItems", () => {
  const [a] = rankChannelsForItems(input);
  it("ranks channels by propensity × audience size × effectiveness", () => {
    expect(a?.baseRate).toBe(0.5);
    expect(a?.channels.map((c) => c.name)).toEqual(["Xenon", "Yellow", "Zeta"]);
    const [x, y, z] = a?.channels ?? [];
    // rate(18–24) = (4 + 10·0.5)/(5 + 10) = 0.6, rate(55–64) = (1 + 5)/15 = 0.4
    // Xenon: index = (0.8·0.6 + 0.2·0.4)/0.5 = 1.12, p = 0.56, expected = 0.56·1000·0.5 = 280
    expect(x?.dimensions[0]?.index).toBeCloseTo(1.12, 12);
    expect(x?.propensity).toBeCloseTo(0.56, 12);
    expect(x?.expectedBuyers).toBeCloseTo(280, 9);
    expect(x?.dimensions[0]).toMatchObject({ drivingBucket: "age_18_24", drivingShare: 0.8 });
    // Yellow: index = 0.4/0.5 = 0.8, p = 0.4, expected = 0.4·2000·0.25 = 200
    expect(y?.propensity).toBeCloseTo(0.4, 12);
    expect(y?.expectedBuyers).toBeCloseTo(200, 9);
    // Zeta shares no dimension with the customers: base rate, no size → no expected buyers.
    expect(z?.propensity).toBe(0.5);
    expect(z?.expectedBuyers).toBeNull();
    expect(z?.notCompared).toEqual(["age", "gender"]);
  });
});
