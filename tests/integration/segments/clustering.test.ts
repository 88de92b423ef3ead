/**
 * Clustering through the database on a small fixed data set whose answer is plain to see:
 * two tight groups of customers by income and age. Also the feature list (sources, missing
 * counts, skewness flag) and the missing-value policies.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attributeDefinitions } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { runClustering } from "~/segments/cluster-run.server";
import { listAvailableFeatures } from "~/segments/feature-list.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;

// Ages on 2025-01-01: born 2003-01-01 → 22, 2001-01-01 → 24, … (birthday on the day counts).
const young = [
  { income: 10, birthDate: "2003-01-01" },
  { income: 12, birthDate: "2001-01-01" },
  { income: 14, birthDate: "2003-06-01" }, // 21: birthday not yet reached
];
const older = [
  { income: 100, birthDate: "1965-01-01" }, // 60
  { income: 102, birthDate: "1963-01-01" }, // 62
  { income: 104, birthYear: 1961 }, // year only: 2025 − 1961 = 64
];

beforeAll(() => {
  ws = addWorkspace(db, "bank");
  scopeTo(db, ws).insert(attributeDefinitions, {
    kind: "customers",
    name: "children",
    type: "number",
  });
  scopeTo(db, ws).insert(attributeDefinitions, {
    kind: "customers",
    name: "segment_code",
    type: "category",
  });
  [...young, ...older].forEach((fields, i) => {
    const id = addCustomer(db, ws, {
      ...fields,
      gender: i < 3 ? "female" : "male",
      consentDataProcessing: true,
      attributes: { children: i % 2, segment_code: "B" },
    });
    addTransaction(db, ws, {
      customerId: id,
      date: "2024-12-01",
      amount: 10 + i,
      category: "Home & Garden",
    });
  });
  // One big spender makes monetary skewed (and one customer has no income).
  const big = addCustomer(db, ws, { consentDataProcessing: true, birthDate: "1990-01-01" });
  addTransaction(db, ws, {
    customerId: big,
    date: "2024-12-10",
    amount: 50_000,
    category: "Electronics",
  });
  // Without consent: never read, only counted.
  addCustomer(db, ws, { income: 5_000_000, birthDate: "1950-01-01", consentDataProcessing: false });
});

describe("listAvailableFeatures", () => {
  it("lists RFM, profile, numeric attribute and category spend features with skewness", () => {
    const list = listAvailableFeatures(scopeTo(db, ws), { asOf: "2025-01-01" });
    expect(list.customers).toBe(7);
    expect(list.excluded_without_consent).toBe(1);
    const byName = new Map(list.features.map((f) => [f.name, f]));
    expect([...byName.keys()]).toEqual([
      "recency_days",
      "frequency",
      "monetary",
      "avg_order_value",
      "income",
      "age",
      "children",
      "spend_home_garden",
      "spend_electronics",
    ]);
    // One sale (no order id) each: one order, so the average order value is the net spend.
    expect(byName.get("avg_order_value")).toMatchObject({ source: "rfm", present: 7 });
    expect(byName.get("income")).toMatchObject({ source: "profile", present: 6, missing: 1 });
    expect(byName.get("children")).toMatchObject({ source: "attribute", present: 6 });
    expect(byName.get("spend_electronics")).toMatchObject({ source: "category", present: 7 });
    // monetary: six values 10..15 and one 50 000 → g₁ far above 1.
    expect(byName.get("monetary")?.suggest_log).toBe(true);
    expect(byName.get("age")?.skewness).not.toBeNull();
    expect(Math.abs(byName.get("income")?.skewness ?? 9)).toBeLessThan(1);
    expect(byName.get("income")?.suggest_log).toBe(false);
  });
});

describe("runClustering", () => {
  it("finds the two groups by silhouette, with hand-checked centroids and sizes", async () => {
    const result = await runClustering(scopeTo(db, ws), {
      features: ["income", "age"],
      asOf: "2025-01-01",
    });
    expect(result.k).toBe(2);
    expect(result.chosen_by).toBe("silhouette");
    expect(result.dropped_missing).toBe(1); // the customer without income
    expect(result.customers_used).toBe(6);
    expect(result.excluded_without_consent).toBe(1);
    expect(result.silhouette_by_k.map((s) => s.k)).toEqual([2, 3, 4, 5]);
    const best = Math.max(...result.silhouette_by_k.map((s) => s.silhouette));
    expect(result.silhouette).toBe(best);

    const centroids = result.profiles
      .map((p) => ({
        size: p.size,
        income: p.features.find((f) => f.name === "income")?.mean,
        age: p.features.find((f) => f.name === "age")?.mean,
      }))
      .sort((a, b) => (a.income ?? 0) - (b.income ?? 0));
    // (10 + 12 + 14) / 3 = 12, (22 + 24 + 21) / 3 = 22.33; (100 + 102 + 104) / 3 = 102, (60 + 62 + 64) / 3 = 62.
    expect(centroids[0]).toMatchObject({ size: 3, income: 12 });
    expect(centroids[0]?.age).toBeCloseTo(67 / 3, 12);
    expect(centroids[1]).toMatchObject({ size: 3, income: 102, age: 62 });
    expect(result.sizes.map((s) => s.customers)).toEqual([3, 3]);
    const names = result.sizes.map((s) => s.name).sort();
    expect(names).toEqual(["High income, older", "Low income, younger"]);
    expect(result.profiles[0]?.categories[0]?.name).toBe("gender");

    const rows = db.$client
      .prepare(
        `SELECT segment, "values" AS v, x, y FROM segment_assignments
         WHERE workspace_id = ? AND run_id = ?`,
      )
      .all(ws, result.run_id) as { segment: string; v: string; x: number; y: number }[];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const values = JSON.parse(row.v);
      const expectedName = values.income > 50 ? "High income, older" : "Low income, younger";
      expect(row.segment).toBe(expectedName);
      expect(Number.isFinite(row.x) && Number.isFinite(row.y)).toBe(true);
    }
  });

  it("fixes k, imputes the median and log-transforms on request", async () => {
    const result = await runClustering(scopeTo(db, ws), {
      features: ["income", "monetary"],
      log: ["monetary"],
      k: 3,
      missing: "median",
      asOf: "2025-01-01",
    });
    expect(result.k).toBe(3);
    expect(result.chosen_by).toBe("fixed");
    expect(result.customers_used).toBe(7);
    expect(result.imputed).toEqual({ income: 1, monetary: 0 });
    expect(result.sizes.reduce((sum, s) => sum + s.customers, 0)).toBe(7);
  });

  it("refuses unknown features with the list of known ones", async () => {
    await expect(
      runClustering(scopeTo(db, ws), { features: ["income", "shoe_size"] }),
    ).rejects.toThrow(/Unknown feature\(s\): shoe_size\. Known: recency_days/);
  });
});
