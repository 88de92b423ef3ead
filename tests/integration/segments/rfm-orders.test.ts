/**
 * RFM, clustering features and the segment table when sales carry order ids
 * (transactions.order_id): frequency counts orders, a line without an order id counts as
 * one order by itself (as every line did before), and average order value = monetary / orders.
 * Worked by hand, reference date 2025-03-01:
 *
 *   A  orders A1 (10 + 20 + 30, 2025-02-10) and A2 (5 + 15 + 25, 2025-02-20), lines
 *      interleaved → frequency 2, monetary 105, AOV 52.5, recency 9
 *   B  three lines without order id (40 and 60 on 2025-02-01, 50 on 2025-02-15)
 *      → frequency 3, monetary 150, AOV 50, recency 14
 *   C  order C1 (100 + 50, 2025-02-05), one loose line 20 the same day, order C2 holding only
 *      a return of 30 (2025-02-25) → frequency 2, monetary 140, AOV 70, recency 24
 *   D  order D1 of four lines of 25 (2025-01-30) → frequency 1, monetary 100, AOV 100,
 *      recency 30
 *   E  orders E1 and E2 of 10 each, same day 2025-02-27 → frequency 2, monetary 20, AOV 10,
 *      recency 2
 *
 * F scores (n = 5, p = (below + equal/2) / 5): D 1 → 1; A, C, E 2 → 1 + ⌊5·(1 + 1.5)/5⌋ = 3;
 * B 3 → 1 + ⌊5·4.5/5⌋ = 5.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { loadFeatureTable } from "~/segments/features.server";
import { runRfm } from "~/segments/rfm-run.server";
import { getRun } from "~/segments/runs.server";
import { segmentTableCsv } from "~/segments/segment-csv.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
const id: Record<string, number> = {};

beforeAll(() => {
  ws = addWorkspace(db, "orders");
  const other = addWorkspace(db, "other-shop");
  for (const name of ["A", "B", "C", "D", "E"])
    id[name] = addCustomer(db, ws, { consentDataProcessing: true });
  const line = (name: string, date: string, amount: number, orderId?: string, isReturn = false) =>
    addTransaction(db, ws, { customerId: id[name] as number, date, amount, orderId, isReturn });
  line("A", "2025-02-10", 10, "A1");
  line("A", "2025-02-20", 5, "A2");
  line("A", "2025-02-10", 20, "A1");
  line("A", "2025-02-20", 15, "A2");
  line("A", "2025-02-10", 30, "A1");
  line("A", "2025-02-20", 25, "A2");
  line("B", "2025-02-01", 40);
  line("B", "2025-02-01", 60);
  line("B", "2025-02-15", 50);
  line("C", "2025-02-05", 100, "C1");
  line("C", "2025-02-05", 50, "C1");
  line("C", "2025-02-05", 20);
  line("C", "2025-02-25", -30, "C2", true);
  for (let i = 0; i < 4; i++) line("D", "2025-01-30", 25, "D1");
  line("E", "2025-02-27", 10, "E1");
  line("E", "2025-02-27", 10, "E2");
  // The same order id in another workspace is another order, and never read here.
  const stranger = addCustomer(db, other, { consentDataProcessing: true });
  addTransaction(db, other, {
    customerId: stranger,
    date: "2025-02-10",
    amount: 999,
    orderId: "A1",
  });
});

function storedValues(runId: number) {
  const rows = db.$client
    .prepare(
      `SELECT customer_id AS id, "values" AS v FROM segment_assignments
       WHERE workspace_id = ? AND run_id = ? ORDER BY customer_id`,
    )
    .all(ws, runId) as { id: number; v: string }[];
  return new Map(rows.map((row) => [row.id, JSON.parse(row.v) as Record<string, number>]));
}

describe("RFM with order ids", () => {
  it("counts orders, not lines, and stores the average order value", async () => {
    const result = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });
    expect(result.customers_scored).toBe(5);
    expect(result.transactions_used).toBe(19);
    const values = storedValues(result.run_id);
    const pick = (name: string) => {
      const v = values.get(id[name] as number);
      return [v?.recency_days, v?.frequency, v?.monetary, v?.avg_order_value, v?.f];
    };
    expect(pick("A")).toEqual([9, 2, 105, 52.5, 3]);
    expect(pick("B")).toEqual([14, 3, 150, 50, 5]);
    expect(pick("C")).toEqual([24, 2, 140, 70, 3]);
    expect(pick("D")).toEqual([30, 1, 100, 100, 1]);
    expect(pick("E")).toEqual([2, 2, 20, 10, 3]);

    // Per segment: orders = Σ frequency, avg_order_value = revenue / orders; over all
    // segments 10 orders and 515 of net spend.
    const filled = result.segments.filter((s) => s.customers > 0);
    expect(filled.reduce((sum, s) => sum + (s.orders ?? 0), 0)).toBe(10);
    expect(filled.reduce((sum, s) => sum + s.monetary_total, 0)).toBe(515);
    for (const s of filled) expect(s.avg_order_value).toBe(s.monetary_total / (s.orders ?? 0));
    for (const s of result.segments.filter((s) => s.customers === 0))
      expect([s.orders, s.avg_order_value]).toEqual([0, 0]);
  });

  it("adds orders and average order value as the last columns of the segment CSV", async () => {
    const result = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });
    const lines = segmentTableCsv(getRun(scopeTo(db, ws), result.run_id))
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]?.split(",").slice(-2)).toEqual(["orders", "avg_order_value"]);
    for (const s of result.segments) {
      const line = lines.find(
        (l) => l.startsWith(`${s.segment},`) || l.startsWith(`"${s.segment}",`),
      );
      expect(line?.split(",").slice(-2)).toEqual([String(s.orders), String(s.avg_order_value)]);
    }
  });

  it("agrees with one GROUP BY pass counting distinct orders in SQL", async () => {
    const result = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });
    const values = storedValues(result.run_id);
    const rows = db.$client
      .prepare(
        `SELECT customer_id AS id,
           count(DISTINCT CASE WHEN is_return = 0 AND amount >= 0
             THEN coalesce('o:' || order_id, 'line:' || id) END) AS frequency,
           sum(CASE WHEN is_return = 1 OR amount < 0 THEN -abs(amount) ELSE amount END) AS monetary
         FROM transactions WHERE workspace_id = ? AND customer_id IS NOT NULL
           AND occurred_at < ? GROUP BY customer_id ORDER BY customer_id`,
      )
      .all(ws, Date.parse("2025-03-01T00:00:00Z")) as {
      id: number;
      frequency: number;
      monetary: number;
    }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const v = values.get(row.id);
      expect([v?.frequency, v?.monetary, v?.avg_order_value]).toEqual([
        row.frequency,
        row.monetary,
        row.monetary / row.frequency,
      ]);
    }
  });

  it("gives clustering the order count and the average order value", () => {
    const table = loadFeatureTable(scopeTo(db, ws), {
      referenceDay: Date.parse("2025-03-01") / 86_400_000,
    });
    const feature = (name: string) => table.features.find((f) => f.name === name);
    expect(feature("frequency")?.label).toBe("Orders");
    expect(feature("avg_order_value")).toMatchObject({
      label: "Average order value",
      source: "rfm",
    });
    const at = (name: string, customer: string) =>
      feature(name)?.values[table.customers.positionOf(id[customer] as number)];
    expect(["A", "B", "C", "D", "E"].map((c) => at("frequency", c))).toEqual([2, 3, 2, 1, 2]);
    expect(["A", "B", "C", "D", "E"].map((c) => at("avg_order_value", c))).toEqual([
      52.5, 50, 70, 100, 10,
    ]);
  });
});
