/**
 * The confirmation before deleting a dataset says what will go: its counts must be what the
 * deletion then removes, and asking for the summary removes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { datasets, users } from "#db/schema";
import { datasetDeletionSummary } from "~/datasets/deletion-summary.server";
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

describe("dataset deletion summary", () => {
  it("counts exactly the rows the deletion removes, and removes nothing itself", async () => {
    const sales = await importOk(
      "transactions",
      write(
        "sales.csv",
        "order id,customer id,date,amount\nA1,K1,2025-01-02,10.50\nA2,K2,2025-01-03,7\nA3,K2,2025-01-04,3\n",
      ),
    );
    const dataset = scope.first(datasets, undefined);
    expect(dataset?.id).toBe(sales.dataset_id);
    const summary = datasetDeletionSummary(scope, dataset as typeof datasets.$inferSelect);
    const counted = Object.fromEntries(summary.rows.map((r) => [r.table, r.count]));
    expect(counted.transactions).toBe(3);
    // Nothing was removed by asking.
    expect(countOf(db, "transactions", workspaceId)).toBe(3);
    const customersBefore = countOf(db, "customers", workspaceId);

    expect(deleteDataset(scope, sales.dataset_id, user.id)).toBe(true);
    expect(countOf(db, "transactions", workspaceId)).toBe(0);
    expect(customersBefore - countOf(db, "customers", workspaceId)).toBe(counted.customers ?? 0);
  });
});
