import { describe, expect, it } from "vitest";
import { associationRules, createRecommender, nextBestProducts } from "~/analytics/basket";
import { fpGrowth } from "~/analytics/fp-growth";

// Tan, Steinbach & Kumar, "Introduction to Data Mining", Table 6.1 (market baskets).
const baskets = [
  ["Bread", "Milk"],
  ["Bread", "Diapers", "Beer", "Eggs"],
  ["Milk", "Diapers", "Beer", "Cola"],
  ["Bread", "Milk", "Diapers", "Beer"],
  ["Bread", "Milk", "Diapers", "Cola"],
];

describe("FP-Growth on the textbook baskets", () => {
  it("finds the frequent itemsets at minimum support 60 % (3 of 5 baskets)", () => {
    // Items: Bread 4, Milk 4, Diapers 4, Beer 3 (Cola 2, Eggs 1 fall out).
    // Pairs with count ≥ 3: {Bread, Milk} 3, {Bread, Diapers} 3, {Milk, Diapers} 3,
    // {Beer, Diapers} 3. No triple reaches 3 ({Bread, Milk, Diapers} = 2).
    const { itemsets } = associationRules(baskets, {
      minSupport: 0.6,
      minConfidence: 0,
      minLift: 0,
    });
    const asText = itemsets.map((s) => `${s.items.join("+")}:${s.count}`).sort();
    expect(asText).toEqual(
      [
        "Beer:3",
        "Beer+Diapers:3",
        "Bread:4",
        "Bread+Diapers:3",
        "Bread+Milk:3",
        "Diapers:4",
        "Diapers+Milk:3",
        "Milk:4",
      ].sort(),
    );
  });

  it("counts every triple at a lower threshold", () => {
    // At count ≥ 2: {Milk, Diapers, Beer} (baskets 3, 4), {Bread, Milk, Diapers} (4, 5),
    // {Bread, Diapers, Beer} (2, 4), {Milk, Diapers, Cola} (3, 5).
    const codes = new Map<string, number>();
    const coded = baskets.map((b) =>
      b.map((item) => codes.get(item) ?? codes.set(item, codes.size).size - 1),
    );
    const name = [...codes.keys()];
    const triples = fpGrowth(coded, 2)
      .filter((s) => s.items.length === 3)
      .map(
        (s) =>
          `${s.items
            .map((i) => name[i])
            .sort()
            .join("+")}:${s.count}`,
      )
      .sort();
    expect(triples).toEqual([
      "Beer+Bread+Diapers:2",
      "Beer+Diapers+Milk:2",
      "Bread+Diapers+Milk:2",
      "Cola+Diapers+Milk:2",
    ]);
  });
});

describe("association rules", () => {
  const { rules } = associationRules(baskets, { minSupport: 0.4, minConfidence: 0.5, minLift: 0 });
  const rule = (a: string[], c: string[]) =>
    rules.find(
      (r) =>
        r.antecedent.join() === [...a].sort().join() &&
        r.consequent.join() === [...c].sort().join(),
    );

  it("gives the textbook support, confidence and lift", () => {
    // {Milk, Diapers} → {Beer}: σ = 2 → s = 2/5 = 0.4, c = 2/3 = 0.67, lift = 0.667 / (3/5) = 1.11.
    expect(rule(["Milk", "Diapers"], ["Beer"])).toMatchObject({ support: 0.4, count: 2 });
    expect(rule(["Milk", "Diapers"], ["Beer"])?.confidence).toBeCloseTo(2 / 3, 12);
    expect(rule(["Milk", "Diapers"], ["Beer"])?.lift).toBeCloseTo(10 / 9, 12);
    // {Beer} → {Diapers}: c = 3/3 = 1, lift = 1 / (4/5) = 1.25; {Diapers} → {Beer}: c = 3/4, lift 1.25.
    expect(rule(["Beer"], ["Diapers"])?.confidence).toBe(1);
    expect(rule(["Beer"], ["Diapers"])?.lift).toBeCloseTo(1.25, 12);
    expect(rule(["Diapers"], ["Beer"])?.confidence).toBeCloseTo(0.75, 12);
    // {Bread} → {Milk}: c = 3/4, lift = 0.75 / 0.8 = 0.9375 (a negative association).
    expect(rule(["Bread"], ["Milk"])?.lift).toBeCloseTo(0.9375, 12);
    // {Milk} → {Beer}: {Milk, Beer} is in 2 of the 4 Milk baskets, c = 0.5.
    expect(rule(["Milk"], ["Beer"])?.confidence).toBeCloseTo(0.5, 12);
  });

  it("applies the confidence and lift thresholds", () => {
    const strict = associationRules(baskets, {
      minSupport: 0.4,
      minConfidence: 0.7,
      minLift: 1.2,
    }).rules;
    expect(strict.every((r) => r.confidence >= 0.7 && r.lift >= 1.2)).toBe(true);
    // {Bread} → {Milk} (lift 0.9375) is gone; {Beer} → {Diapers} (c 1, lift 1.25) stays.
    expect(
      strict.some((r) => r.antecedent.join() === "Bread" && r.consequent.join() === "Milk"),
    ).toBe(false);
    expect(
      strict.some((r) => r.antecedent.join() === "Beer" && r.consequent.join() === "Diapers"),
    ).toBe(true);
    expect(strict.map((r) => r.lift)).toEqual([...strict.map((r) => r.lift)].sort((a, b) => b - a));
  });
});

describe("next-best products", () => {
  const { rules } = associationRules(baskets, { minSupport: 0.4, minConfidence: 0.5, minLift: 1 });

  it("suggests unbought consequents of rules whose antecedent was bought", () => {
    // A Beer buyer: {Beer} → {Diapers} (c 1, lift 1.25) qualifies; {Beer} → {Milk} and
    // {Beer} → {Bread} (c 2/3, lift (2/3)/(4/5) = 0.83) fall below lift 1. Only Diapers.
    expect(nextBestProducts(["Beer"], rules)).toEqual([
      { item: "Diapers", confidence: 1, lift: 1.25, because: ["Beer"] },
    ]);
    const recommend = createRecommender(rules);
    // Milk + Diapers buyer: {Diapers, Milk} → {Cola}: c = 2/3, lift = (2/3)/(2/5) = 1.67 beats
    // {Diapers} → {Cola} and {Milk} → {Cola} (c 2/4); {Diapers} → {Beer} c 3/4, lift 1.25;
    // {Diapers, Milk} → {Beer}: c 2/3 < 3/4. Ranked by confidence: Beer 0.75, Cola 0.67.
    const suggestions = recommend(["Milk", "Diapers"]);
    expect(suggestions.map((s) => [s.item, s.because])).toEqual([
      ["Beer", ["Diapers"]],
      ["Cola", ["Diapers", "Milk"]],
    ]);
    expect(suggestions[1]?.confidence).toBeCloseTo(2 / 3, 12);
    // Nothing already owned is suggested.
    expect(recommend(["Beer", "Diapers", "Milk", "Cola"]).map((s) => s.item)).toEqual([]);
  });
});
