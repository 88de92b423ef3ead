/** Importing again: the natural key decides, and the row hash tells updated from unchanged. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countOf, fixture, rowsOf, setUpIngest } from "./support";

const { db, dir, workspaceId, importOk } = setUpIngest();

describe("re-import", () => {
  it("the same file again: nothing new, every row unchanged, no duplicates", async () => {
    const first = await importOk("transactions", fixture("ingest/transactions.csv"));
    const again = await importOk("transactions", fixture("ingest/transactions.csv"));
    expect(first).toMatchObject({ rows_new: 5, rows_updated: 0, rows_unchanged: 0 });
    expect(again).toMatchObject({
      rows_loaded: 5,
      rows_new: 0,
      rows_updated: 0,
      rows_unchanged: 5,
    });
    expect(countOf(db, "transactions", workspaceId)).toBe(5);
    // Rows belong to the newest dataset that holds them.
    const datasets = new Set(rowsOf(db, "transactions", workspaceId).map((row) => row.dataset_id));
    expect([...datasets]).toEqual([again.dataset_id]);
  });

  it("a changed file: changed rows updated, new rows added, the rest unchanged", async () => {
    await importOk("products", fixture("csv/delimiter-comma.csv"));
    const changed = path.join(dir, "products-changed.csv");
    const text = fs.readFileSync(fixture("csv/delimiter-comma.csv"), "utf8");
    fs.writeFileSync(changed, `${text.replace("350.00", "375.00")}P4,Vase,Home,80.00\n`);
    const summary = await importOk("products", changed);
    expect(summary).toMatchObject({
      rows_read: 4,
      rows_new: 1,
      rows_updated: 1,
      rows_unchanged: 2,
    });
    expect(
      rowsOf<{ code: string; price: number }>(db, "products", workspaceId).map((row) => [
        row.code,
        row.price,
      ]),
    ).toEqual([
      ["P1", 49.9],
      ["P2", 129],
      ["P3", 375],
      ["P4", 80],
    ]);
  });

  it("transactions without an id column are keyed by their content, so re-imports add nothing", async () => {
    const noIds = path.join(dir, "sales-no-ids.csv");
    fs.writeFileSync(
      noIds,
      "date,amount,channel\n2025-01-02 10:00,10.00,web\n2025-01-02 10:05,12.50,web\n2025-01-03 09:00,-10.00,web\n",
    );
    const first = await importOk("transactions", noIds);
    const again = await importOk("transactions", noIds);
    expect(first).toMatchObject({ rows_new: 3 });
    expect(again).toMatchObject({ rows_new: 0, rows_unchanged: 3 });
    const keys = rowsOf<{ transaction_key: string }>(db, "transactions", workspaceId)
      .map((row) => row.transaction_key)
      .filter((key) => key.startsWith("row:"));
    expect(keys).toHaveLength(3);
  });

  it("customers re-imported: source records unchanged, profiles not duplicated", async () => {
    const first = await importOk("customers", fixture("ingest/customers-online.csv"));
    // Some ids had profiles made from the sales file imported before: those were taken up.
    const profiles = countOf(db, "customers", workspaceId);
    const again = await importOk("customers", fixture("ingest/customers-online.csv"));
    expect(first).toMatchObject({ rows_new: 3 });
    expect(again).toMatchObject({ rows_new: 0, rows_updated: 0, rows_unchanged: 3 });
    expect(countOf(db, "customers", workspaceId)).toBe(profiles);
    const fromFile = db.$client
      .prepare("SELECT count(*) FROM customer_sources WHERE workspace_id = ? AND source != ?")
      .pluck()
      .get(workspaceId, "transactions");
    expect(fromFile).toBe(3);
  });
});
