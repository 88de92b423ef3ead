/**
 * Deleting a dataset never takes another dataset's sales with it. A profile's deletion
 * cascades to its sales, so deleting the customers file whose records made a profile, or the
 * first of two transactions files whose ids made profiles, must leave the sales that other
 * datasets own, linked to a profile made from them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { deleteDataset } from "~/datasets/queries.server";
import { countOf, setUpIngest } from "./support";

const { db, dir, scope, workspaceId, importOk } = setUpIngest();
const user = db
  .insert(users)
  .values({ email: "ops@example.com", name: "Ops", passwordHash: "x" })
  .returning()
  .get();

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const linkedSales = () =>
  db.$client
    .prepare(
      `SELECT t.customer_external_id AS id, s.source, count(*) AS n, sum(t.amount) AS total
       FROM transactions t JOIN customer_sources s ON s.customer_id = t.customer_id
       WHERE t.workspace_id = ? GROUP BY t.customer_external_id, s.source ORDER BY 1`,
    )
    .all(workspaceId);

describe("deleting a dataset keeps the sales other datasets own", () => {
  it("a customers file deleted: its people's sales stay, under profiles made from them", async () => {
    const customers = await importOk(
      "customers",
      write("crm.csv", "customer_id,name\nK1,Ayşe Yılmaz\nK2,Ivan Petrov\n"),
    );
    await importOk(
      "transactions",
      write(
        "sales.csv",
        "order id,customer id,date,amount\nA1,K1,2025-01-02,10.50\nA1,K1,2025-01-02,4.50\nA2,K2,2025-01-03,7\n",
      ),
    );
    expect(linkedSales()).toEqual([
      { id: "K1", source: "crm.csv", n: 2, total: 15 },
      { id: "K2", source: "crm.csv", n: 1, total: 7 },
    ]);

    expect(deleteDataset(scope, customers.dataset_id, user.id)).toBe(true);
    expect(countOf(db, "transactions", workspaceId)).toBe(3);
    expect(linkedSales()).toEqual([
      { id: "K1", source: "transactions", n: 2, total: 15 },
      { id: "K2", source: "transactions", n: 1, total: 7 },
    ]);
    expect(countOf(db, "customers", workspaceId)).toBe(2);
  });
});
