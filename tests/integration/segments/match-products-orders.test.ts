/**
 * "Bought together" when sales carry order ids: one basket = one order's lines; lines
 * without an order id keep the customer-and-day basket. Worked by hand (reference 2025-02-01):
 *
 *   P  order O1 on 2025-01-10: X (line 1), Y (line 2)          → {X, Y}
 *   P  order O2 the same day: Z                                → {Z}
 *   Q  order O3: X at 2025-01-11 23:50, Y at 2025-01-12 00:10   → {X, Y} (one order, two days)
 *   Q  two lines without order id on 2025-01-12: Z, W           → {Z, W}
 *   Q  order O4 on 2025-01-12: X                                → {X}
 *
 * 5 baskets (by customer and day alone there would be 3: {X,Y,Z}, {X}, {X,Y,Z,W}).
 * Item counts X 3, Y 2, Z 2, W 1; pairs XY 2, ZW 1; nothing else together. Rules:
 *   W → Z  conf 1,   lift 1 / (2/5) = 2.5    Z → W  conf ½, lift ½ / (1/5) = 2.5
 *   Y → X  conf 1,   lift 1 / (3/5) = 5/3    X → Y  conf ⅔, lift ⅔ / (2/5) = 5/3
 */

import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { matchProducts } from "~/segments/match-products.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
let runId = 0;

beforeAll(() => {
  ws = addWorkspace(db, "order-baskets");
  const p = addCustomer(db, ws, { consentDataProcessing: true });
  const q = addCustomer(db, ws, { consentDataProcessing: true });
  const line = (customerId: number, at: string, product: string, orderId?: string) => {
    const [date, time] = at.split(" ") as [string, string | undefined];
    addTransaction(db, ws, {
      customerId,
      date,
      time,
      amount: 10,
      productCode: product,
      category: "Shop",
      orderId,
    });
  };
  line(p, "2025-01-10", "X", "O1");
  line(p, "2025-01-10", "Y", "O1");
  line(p, "2025-01-10", "Z", "O2");
  line(q, "2025-01-11 23:50", "X", "O3");
  line(q, "2025-01-12 00:10", "Y", "O3");
  line(q, "2025-01-12", "Z");
  line(q, "2025-01-12", "W");
  line(q, "2025-01-12", "X", "O4");
  // Another workspace's order O1 is another order and never read here.
  const other = addWorkspace(db, "other-baskets");
  const stranger = addCustomer(db, other, { consentDataProcessing: true });
  addTransaction(db, other, {
    customerId: stranger,
    date: "2025-01-10",
    amount: 10,
    productCode: "W",
    orderId: "O1",
  });
  runId = addRun(db, ws, "2025-02-01", { [p]: "S", [q]: "S" });
});

describe("matchProducts with order ids", () => {
  it("builds one basket per order and per customer-day for lines without an order", () => {
    const result = matchProducts(scopeTo(db, ws), runId, {
      minSupport: 0.2,
      minConfidence: 0.01,
      minLift: 0,
    });
    expect(result.purchases_used).toBe(8);
    expect(result.association_rules.baskets).toBe(5);
    const rules = result.association_rules.rules.map((r) => ({
      rule: `${r.antecedent.join("+")} → ${r.consequent.join("+")}`,
      count: r.count,
      confidence: r.confidence,
      lift: r.lift,
    }));
    expect(rules.map((r) => [r.rule, r.count, r.confidence])).toEqual([
      ["W → Z", 1, 1],
      ["Z → W", 1, 0.5],
      ["Y → X", 2, 1],
      ["X → Y", 2, 2 / 3],
    ]);
    expect(rules.map((r) => r.lift)).toEqual([
      expect.closeTo(2.5, 12),
      expect.closeTo(2.5, 12),
      expect.closeTo(5 / 3, 12),
      expect.closeTo(5 / 3, 12),
    ]);
    expect(result.association_rules.rules_found).toBe(4);
  });
});
