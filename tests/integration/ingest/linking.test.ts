/** Transactions find their customer profile, whichever of the two files comes first. */
import { describe, expect, it } from "vitest";
import { fixture, rowsOf, setUpIngest } from "./support";

const { db, workspaceId, importOk } = setUpIngest();

function customerIdsByKey() {
  return Object.fromEntries(
    rowsOf<{ transaction_key: string; customer_id: number | null }>(
      db,
      "transactions",
      workspaceId,
    ).map((row) => [row.transaction_key, row.customer_id]),
  );
}

function profileOf(source: string, externalId: string): number {
  return db.$client
    .prepare(
      "SELECT customer_id FROM customer_sources WHERE workspace_id = ? AND source = ? AND external_id = ?",
    )
    .pluck()
    .get(workspaceId, source, externalId) as number;
}

describe("linking transactions to customers", () => {
  it("links sales of unknown customers to profiles made from the sales", async () => {
    await importOk("transactions", fixture("ingest/transactions.csv"));
    // One profile per customer id of the file (source "transactions"); anonymous sales stay.
    const linked = Object.values(customerIdsByKey());
    expect(linked.filter((id) => id === null)).toHaveLength(1);
    const made = db.$client
      .prepare("SELECT count(*) FROM customer_sources WHERE workspace_id = ? AND source = ?")
      .pluck()
      .get(workspaceId, "transactions");
    expect(made).toBe(new Set(linked.filter((id) => id !== null)).size);
  });

  it("links earlier sales when the customers arrive, across sources merged by e-mail", async () => {
    await importOk("customers", fixture("ingest/customers-branch-1254.csv"), "--source", "branch");
    await importOk("customers", fixture("ingest/customers-online.csv"), "--source", "web");
    const ayse = profileOf("web", "WEB-1");
    // The branch record 10000001 has Ayşe's e-mail in other case and spacing: one profile.
    expect(profileOf("branch", "10000001")).toBe(ayse);
    expect(customerIdsByKey()).toEqual({
      TX1: ayse,
      TX2: null,
      TX3: ayse,
      TX4: profileOf("branch", "10000002"),
      TX6: profileOf("web", "WEB-2"),
    });
  });

  it("links at once the sales of customers already known", async () => {
    db.$client.prepare("DELETE FROM transactions WHERE workspace_id = ?").run(workspaceId);
    await importOk("transactions", fixture("ingest/transactions.csv"));
    expect(customerIdsByKey().TX1).toBe(profileOf("web", "WEB-1"));
    expect(customerIdsByKey().TX4).toBe(profileOf("branch", "10000002"));
  });
});
