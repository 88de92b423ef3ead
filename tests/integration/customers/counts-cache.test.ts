/** The customer counts of the Customers and Data pages are counted once per data version. */
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { customerCounts } from "~/customers/queries.server";
import { bumpDataVersion } from "~/data-version.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();

describe("customerCounts", () => {
  it("is not recounted while the data version is unchanged, and is after a change", () => {
    const scope = scopeTo(db, addWorkspace(db, "counts-cache"));
    addCustomer(db, scope.workspaceId, { consentDataProcessing: true });
    addCustomer(db, scope.workspaceId, { consentDataProcessing: false });
    expect(customerCounts(scope)).toMatchObject({ total: 2, excluded: 1 });
    // A row written without a publish (an import's batch in progress) is not counted yet.
    addCustomer(db, scope.workspaceId, { consentDataProcessing: true });
    expect(customerCounts(scope)).toMatchObject({ total: 2, excluded: 1 });
    bumpDataVersion(scope);
    expect(customerCounts(scope)).toMatchObject({ total: 3, excluded: 1 });
  });
});
