/**
 * "Customers analysed": counted with the legal-basis rule (customers/analysable.server.ts).
 * Five customers: two consented, one said no, two unknown.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, workspaces } from "#db/schema";
import { customersAnalysed } from "~/dashboard/customers-analysed.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();

describe("customersAnalysed", () => {
  const { workspace, scope } = addWorkspace(db, "ca-shop");
  const other = addWorkspace(db, "ca-other");
  for (const consent of [true, true, false, null, null])
    scope.insert(customers, { consentDataProcessing: consent });
  other.scope.insert(customers, { consentDataProcessing: true });

  it("by consent: the two who consented, three excluded", () => {
    expect(customersAnalysed(scope)).toEqual({
      basis: "consent",
      total: 5,
      analysed: 2,
      excluded: 3,
    });
  });

  it("by legitimate interest: all but the one who objected", () => {
    db.update(workspaces)
      .set({ processingBasis: "legitimate-interest" })
      .where(eq(workspaces.id, workspace.id))
      .run();
    expect(customersAnalysed(scope)).toEqual({
      basis: "legitimate-interest",
      total: 5,
      analysed: 4,
      excluded: 1,
    });
  });

  it("counts only the workspace's own customers; none is zero, not NaN", () => {
    expect(customersAnalysed(other.scope)).toMatchObject({ total: 1, analysed: 1, excluded: 0 });
    const empty = addWorkspace(db, "ca-empty");
    expect(customersAnalysed(empty.scope)).toMatchObject({ total: 0, analysed: 0, excluded: 0 });
  });
});
