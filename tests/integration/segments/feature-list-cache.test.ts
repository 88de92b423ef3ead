/** The Segments page's feature list is computed once per workspace and data version. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { bumpDataVersion } from "~/data-version.server";
import { cachedAvailableFeatures } from "~/segments/feature-list-cache.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();

const featureNamed = (list: ReturnType<typeof cachedAvailableFeatures>, name: string) =>
  list.features.find((feature) => feature.name === name);

describe("cachedAvailableFeatures", () => {
  it("is computed again only when the data version or the datasets change", () => {
    const workspaceId = addWorkspace(db, "feature-cache");
    const other = addWorkspace(db, "feature-cache-other");
    const ids = [1, 2, 3].map((n) =>
      addCustomer(db, workspaceId, {
        name: `C${n}`,
        income: 1000 * n,
        consentDataProcessing: true,
      }),
    );
    for (const id of ids)
      addTransaction(db, workspaceId, { customerId: id, date: "2026-01-05", amount: 10 });

    const first = cachedAvailableFeatures(scopeTo(db, workspaceId));
    expect(featureNamed(first, "income")?.mean).toBe(2000);
    // Unchanged data: the very same list, not a new computation.
    expect(cachedAvailableFeatures(scopeTo(db, workspaceId))).toBe(first);
    // Another workspace's changes do not concern this one.
    addCustomer(db, other, { name: "Elsewhere", consentDataProcessing: true });
    expect(cachedAvailableFeatures(scopeTo(db, workspaceId))).toBe(first);

    addTransaction(db, workspaceId, { customerId: ids[0] ?? 0, date: "2026-01-06", amount: 30 });
    // No recount on each view: the sale counts once the data version moves (a publish).
    expect(cachedAvailableFeatures(scopeTo(db, workspaceId))).toBe(first);
    bumpDataVersion(scopeTo(db, workspaceId));
    const afterSale = cachedAvailableFeatures(scopeTo(db, workspaceId));
    expect(afterSale).not.toBe(first);

    const scope = scopeTo(db, workspaceId);
    scope.update(
      customers,
      { income: 9000, updatedAt: new Date(Date.now() + 60_000) },
      eq(customers.id, ids[2] ?? 0),
    );
    bumpDataVersion(scopeTo(db, workspaceId));
    const afterEdit = cachedAvailableFeatures(scopeTo(db, workspaceId));
    expect(afterEdit).not.toBe(afterSale);
    expect(featureNamed(afterEdit, "income")?.mean).toBe(4000);
  });
});
