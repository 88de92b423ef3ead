/**
 * matchProducts on a small example worked by hand: eight customers in two segments,
 * baskets of one customer and day. Lift follows docs/analytics.md §8 (α = 10, Wilson 95 %).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { matchProducts } from "~/segments/match-products.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
let runId = 0;
const c: number[] = [];

/** lift and its Wilson interval with α = 10 prior customers at base rate p0. */
function expectedLift(x: number, n: number, p0: number) {
  const xs = x + 10 * p0;
  const ns = n + 10;
  const p = xs / ns;
  const z2 = 1.96 ** 2;
  const centre = (p + z2 / (2 * ns)) / (1 + z2 / ns);
  const half = (1.96 / (1 + z2 / ns)) * Math.sqrt((p * (1 - p)) / ns + z2 / (4 * ns * ns));
  return { lift: p / p0, liftLow: (centre - half) / p0, liftHigh: (centre + half) / p0 };
}

beforeAll(() => {
  ws = addWorkspace(db, "shop");
  for (let i = 1; i <= 8; i++) c[i] = addCustomer(db, ws, { consentDataProcessing: true });
  const outsider = addCustomer(db, ws, { consentDataProcessing: false });
  const buy = (
    i: number,
    product: string,
    category: string,
    date = "2025-01-10",
    amount = 50,
    isReturn = false,
  ) =>
    addTransaction(db, ws, {
      customerId: c[i] as number,
      date,
      amount,
      category,
      productCode: product,
      isReturn,
    });
  for (const i of [1, 2, 3]) {
    buy(i, "T1", "Travel");
    buy(i, "T2", "Travel");
  }
  buy(4, "B1", "Books");
  buy(4, "X1", "Tech", "2025-01-12", 50, true); // a return is not a purchase
  buy(5, "T1", "Travel");
  buy(6, "X1", "Tech");
  buy(7, "X1", "Tech");
  buy(8, "B1", "Books");
  buy(8, "B1", "Books", "2025-02-01"); // after the reference date: ignored
  addTransaction(db, ws, {
    customerId: outsider,
    date: "2025-01-10",
    amount: 50,
    category: "Tech",
    productCode: "X1",
  });
  const members: Record<number, string> = { [outsider]: "A" };
  for (let i = 1; i <= 8; i++) members[c[i] as number] = i <= 4 ? "A" : "B";
  runId = addRun(db, ws, "2025-01-20", members);
  scopeTo(db, ws).insert(products, { code: "T1", name: "Flight", rowHash: "p" });
});

describe("matchProducts", () => {
  it("computes category and product lift, rules and next-best products", () => {
    const result = matchProducts(scopeTo(db, ws), runId);
    expect(result.excluded_without_consent).toBe(1);
    expect(result.purchases_used).toBe(11);
    const [a, b] = result.segments;
    expect([a?.segment, a?.customers, b?.segment, b?.customers]).toEqual(["A", 4, "B", 4]);

    // Travel: buyers 1, 2, 3 (A) and 5 (B) of 8 → p0 = ½; A x = 3, B x = 1.
    const travelA = a?.categories.find((r) => r.item === "Travel");
    const hand = expectedLift(3, 4, 0.5);
    expect(travelA?.baseRate).toBe(0.5);
    expect(travelA?.lift).toBeCloseTo(hand.lift, 12); // (3 + 5) / 14 / ½ = 1.142857
    expect(travelA?.lift).toBeCloseTo(8 / 7, 12);
    expect(travelA?.liftLow).toBeCloseTo(hand.liftLow, 12);
    expect(travelA?.liftHigh).toBeCloseTo(hand.liftHigh, 12);
    // Tech: buyers 6, 7 (B) → p0 = ¼; A x = 0 (customer 4 only returned it).
    expect(a?.categories.find((r) => r.item === "Tech")?.lift).toBeCloseTo(2.5 / 14 / 0.25, 12);
    expect(b?.categories.find((r) => r.item === "Tech")?.lift).toBeCloseTo(4.5 / 14 / 0.25, 12);
    expect(a?.products.find((r) => r.item === "T1")).toMatchObject({ buyers: 3, name: "Flight" });

    // Baskets: {T1,T2} ×3, {B1} ×2, {T1}, {X1} ×2 → N = 8; T1 → T2: conf ¾, lift ¾ / ⅜ = 2.
    expect(result.association_rules.baskets).toBe(8);
    const rule = result.association_rules.rules.find(
      (r) => r.antecedent.join() === "T1" && r.consequent.join() === "T2",
    );
    expect(rule).toMatchObject({ support: 3 / 8, confidence: 0.75, lift: 2, count: 3 });
    expect(result.next_best).toEqual([
      {
        customer_id: c[5],
        segment: "B",
        interests: ["Travel"],
        suggestions: [{ item: "T2", confidence: 0.75, lift: 2, because: ["T1"] }],
      },
    ]);
    expect(a?.top_interests[0]).toEqual({ category: "Travel", share: 0.75 });
  });
});
