/**
 * RFM through the database against an independent computation in SQL: the GROUP BY gives
 * recency, frequency and monetary per customer, and window functions give the documented
 * tie rule (p = (below + equal/2) / n, score = min(5, 1 + ⌊5p⌋)) with RANK and COUNT.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { toUtcDay } from "~/analytics/columns";
import { runRfm } from "~/segments/rfm-run.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
let otherWs = 0;
const id: Record<string, number> = {};

beforeAll(() => {
  ws = addWorkspace(db, "shop");
  const other = addWorkspace(db, "other");
  otherWs = other;
  const yes = { consentDataProcessing: true };
  for (const name of ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c13"])
    id[name] = addCustomer(db, ws, yes);
  id.c11 = addCustomer(db, ws, { consentDataProcessing: false });
  id.c12 = addCustomer(db, ws, {}); // consent never recorded: excluded too
  const buy = (name: string, date: string, amount: number, isReturn = false) =>
    addTransaction(db, ws, { customerId: id[name] as number, date, amount, isReturn });
  buy("c1", "2025-02-28", 100);
  buy("c1", "2025-02-20", 50);
  buy("c1", "2025-01-10", 30);
  buy("c2", "2025-02-28", 20);
  buy("c3", "2025-02-01", 500);
  buy("c3", "2025-01-01", 500);
  buy("c3", "2025-02-05", 100, true);
  buy("c4", "2024-12-01", 10);
  for (const month of ["06", "07", "08", "09"]) buy("c5", `2024-${month}-01`, 1000);
  buy("c6", "2025-02-15", 60);
  buy("c6", "2025-02-16", 60);
  buy("c7", "2025-01-31", 45);
  buy("c8", "2025-02-28", 100);
  buy("c8", "2025-02-10", -30); // negative amount without the flag: a return
  buy("c9", "2025-01-05", 40, true); // only a return: no score
  buy("c10", "2025-01-20", 80);
  buy("c10", "2025-03-05", 999); // after the as-of date
  buy("c11", "2025-02-01", 9999);
  buy("c12", "2025-02-02", 8888);
  addTransaction(db, ws, { customerId: null, date: "2025-02-03", amount: 7777 });
  // Another workspace's customer must not appear anywhere.
  const stranger = addCustomer(db, other, yes);
  addTransaction(db, other, { customerId: stranger, date: "2025-02-27", amount: 5 });
});

/** Independent RFM in SQL for reference day `day`. */
function rfmInSql(day: number) {
  return db.$client
    .prepare(
      `WITH base AS (
         SELECT t.customer_id AS id,
           ? - max(CASE WHEN t.is_return = 0 AND t.amount >= 0 THEN t.occurred_at / 86400000 END) AS recency,
           sum(CASE WHEN t.is_return = 0 AND t.amount >= 0 THEN 1 ELSE 0 END) AS frequency,
           sum(CASE WHEN t.is_return = 1 OR t.amount < 0 THEN -abs(t.amount) ELSE t.amount END) AS monetary
         FROM transactions t JOIN customers c ON c.id = t.customer_id AND c.workspace_id = t.workspace_id
         WHERE t.workspace_id = ? AND c.consent_data_processing = 1 AND t.occurred_at < ? * 86400000
         GROUP BY t.customer_id HAVING frequency > 0),
       ranked AS (
         SELECT *, (SELECT count(*) FROM base) AS n,
           rank() OVER (ORDER BY recency DESC) - 1 AS r_worse, count(*) OVER (PARTITION BY recency) AS r_eq,
           rank() OVER (ORDER BY frequency) - 1 AS f_below, count(*) OVER (PARTITION BY frequency) AS f_eq,
           rank() OVER (ORDER BY monetary) - 1 AS m_below, count(*) OVER (PARTITION BY monetary) AS m_eq
         FROM base)
       SELECT id, recency, frequency, monetary,
         min(5, 1 + (5 * (2 * r_worse + r_eq)) / (2 * n)) AS r,
         min(5, 1 + (5 * (2 * f_below + f_eq)) / (2 * n)) AS f,
         min(5, 1 + (5 * (2 * m_below + m_eq)) / (2 * n)) AS m
       FROM ranked ORDER BY id`,
    )
    .all(day, ws, day) as {
    id: number;
    recency: number;
    frequency: number;
    monetary: number;
    r: number;
    f: number;
    m: number;
  }[];
}

function assignments(runId: number) {
  return (
    db.$client
      .prepare(
        `SELECT customer_id AS id, segment, "values" AS v FROM segment_assignments
         WHERE workspace_id = ? AND run_id = ? ORDER BY customer_id`,
      )
      .all(ws, runId) as { id: number; segment: string; v: string }[]
  ).map((row) => ({ id: row.id, segment: row.segment, ...JSON.parse(row.v) }));
}

describe("runRfm", () => {
  it("matches the SQL computation at a given date and hand-checked scores", async () => {
    const result = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });
    expect(result.reference_date).toBe("2025-03-01");
    expect(result.excluded_without_consent).toBe(2);
    // c9 (only a return) and c13 (no rows) are consented but unscored.
    expect(result.customers_without_purchase).toBe(2);
    expect(result.transactions_after_reference).toBe(1);

    const expected = rfmInSql(toUtcDay("2025-03-01"));
    const stored = assignments(result.run_id);
    expect(stored.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    stored.forEach((s, i) => {
      const e = expected[i] as (typeof expected)[number];
      expect([s.recency_days, s.frequency, s.r, s.f, s.m]).toEqual([
        e.recency,
        e.frequency,
        e.r,
        e.f,
        e.m,
      ]);
      expect(s.monetary).toBeCloseTo(e.monetary, 9);
    });

    // Hand-checked (docs/analytics.md): c1 R5 F5 M4 → Champions; c5 R1 F5 M5 → Can't lose
    // them; c2 R5 F2 M1 → FM 2 → Potential loyalist; c8 monetary 100 − 30.
    const byId = new Map(stored.map((s) => [s.id, s]));
    expect(byId.get(id.c1 as number)).toMatchObject({ r: 5, f: 5, m: 4, segment: "Champions" });
    expect(byId.get(id.c5 as number)).toMatchObject({
      r: 1,
      f: 5,
      m: 5,
      segment: "Can't lose them",
    });
    expect(byId.get(id.c2 as number)).toMatchObject({
      r: 5,
      f: 2,
      m: 1,
      segment: "Potential loyalist",
    });
    expect(byId.get(id.c8 as number)).toMatchObject({ monetary: 70, frequency: 1 });
    expect(byId.has(id.c11 as number)).toBe(false);

    const champions = result.segments.find((s) => s.segment === "Champions");
    const total = expected.reduce((sum, e) => sum + e.monetary, 0);
    const championTotal = stored
      .filter((s) => s.segment === "Champions")
      .reduce((sum, s) => sum + s.monetary, 0);
    expect(champions?.customers).toBe(stored.filter((s) => s.segment === "Champions").length);
    expect(champions?.revenue_share).toBeCloseTo(championTotal / total, 12);
  });

  it("defaults the reference date to the day after the last transaction", async () => {
    const result = await runRfm(scopeTo(db, ws));
    // c10's purchase on 2025-03-05 is the last consented row (c11 / c12 rows do not count).
    expect(result.reference_date).toBe("2025-03-06");
    const expected = rfmInSql(toUtcDay("2025-03-06"));
    const stored = assignments(result.run_id);
    expect(stored.map((s) => [s.id, s.recency_days, s.frequency, s.r, s.f, s.m])).toEqual(
      expected.map((e) => [e.id, e.recency, e.frequency, e.r, e.f, e.m]),
    );
    const run = db.$client
      .prepare("SELECT status, kind FROM analysis_runs WHERE id = ? AND workspace_id = ?")
      .get(result.run_id, ws);
    expect(run).toEqual({ status: "succeeded", kind: "rfm" });
  });

  it("keeps workspaces apart (a small workspace is read through the index)", async () => {
    const result = await runRfm(scopeTo(db, otherWs), { asOf: "2025-03-01" });
    expect(result).toMatchObject({
      customers_scored: 1,
      excluded_without_consent: 0,
      transactions_used: 1,
    });
    expect(result.segments.reduce((sum, s) => sum + s.monetary_total, 0)).toBe(5);
  });

  it("rejects an impossible date before creating a run", async () => {
    await expect(runRfm(scopeTo(db, ws), { asOf: "2025-02-30" })).rejects.toThrow(
      "not a valid date",
    );
  });
});
