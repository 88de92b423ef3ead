/**
 * The reporting currency: the currency of at least 90 % of a workspace's sales that name one,
 * else none (with the shares, for the note beside totals). Kept between page views until the
 * workspace's data version or datasets change; the customer page's loader hands it to the page.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { bumpDataVersion } from "~/data-version.server";
import * as customerPage from "~/routes/w.$workspace.customers.$customer";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { createWorkspace as addWorkspace } from "./support";

const { db } = setUpTestDb();

let key = 0;
/** `n` sales of 10 in `currency` (null = the file named none), optionally for a customer. */
function addSales(workspaceId: number, n: number, currency: string | null, customerId?: number) {
  const scope = scopeTo(db, workspaceId);
  for (let i = 0; i < n; i++) {
    key++;
    scope.insert(schema.transactions, {
      transactionKey: `t${key}`,
      customerId: customerId ?? null,
      occurredAt: new Date("2026-01-05T12:00:00Z"),
      amount: 10,
      currency,
    });
  }
}

describe("reportingCurrency", () => {
  it("is the currency of 90 % or more of the sales, sales without one left out", () => {
    const { workspaceId, scope } = addWorkspace(db, "rc-majority");
    addSales(workspaceId, 19, "TRY");
    addSales(workspaceId, 1, "EUR");
    addSales(workspaceId, 30, null);
    expect(reportingCurrency(scope)).toEqual({ currency: "TRY", mixed: [] });

    // Exactly 90 %: still the majority.
    const other = addWorkspace(db, "rc-ninety");
    addSales(other.workspaceId, 9, "USD");
    addSales(other.workspaceId, 1, "TRY");
    expect(reportingCurrency(other.scope)).toEqual({ currency: "USD", mixed: [] });
  });

  it("is none below 90 %, with every currency's share, largest first", () => {
    const { workspaceId, scope } = addWorkspace(db, "rc-mixed");
    addSales(workspaceId, 2, "EUR");
    addSales(workspaceId, 8, "TRY");
    addSales(workspaceId, 5, null);
    expect(reportingCurrency(scope)).toEqual({
      currency: null,
      mixed: [
        { currency: "TRY", share: 0.8 },
        { currency: "EUR", share: 0.2 },
      ],
    });
  });

  it("is none without sales, or when no sale names a currency", () => {
    const empty = addWorkspace(db, "rc-empty");
    expect(reportingCurrency(empty.scope)).toEqual({ currency: null, mixed: [] });
    addSales(empty.workspaceId, 3, null);
    expect(reportingCurrency(empty.scope)).toEqual({ currency: null, mixed: [] });
  });

  it("is counted again only when the workspace's data version or datasets change", () => {
    const { workspaceId, scope } = addWorkspace(db, "rc-cache");
    const other = addWorkspace(db, "rc-cache-other");
    addSales(workspaceId, 10, "TRY");
    const first = reportingCurrency(scope);
    expect(first.currency).toBe("TRY");
    // Unchanged data: the very same answer, not a new count.
    expect(reportingCurrency(scope)).toBe(first);
    addSales(other.workspaceId, 50, "EUR");
    expect(reportingCurrency(scope)).toBe(first);

    // More sales in another currency: not recounted on every view (no count of the sales
    // is taken), counted again once the data version moves, as an import's publish does.
    addSales(workspaceId, 5, "EUR");
    expect(reportingCurrency(scope)).toBe(first);
    bumpDataVersion(scopeTo(db, workspaceId));
    expect(reportingCurrency(scope).currency).toBeNull();

    // A re-import rewrites the currency of the same sales: their number stays, the
    // workspace's datasets change.
    db.update(schema.transactions)
      .set({ currency: "TRY" })
      .where(eq(schema.transactions.workspaceId, workspaceId))
      .run();
    scope.insert(schema.datasets, { kind: "transactions", fileName: "sales-again.csv" });
    expect(reportingCurrency(scope)).toEqual({ currency: "TRY", mixed: [] });
  });
});

describe("the customer page", () => {
  it("gets the reporting currency from its loader", async () => {
    const owner = await createUser({ email: "rc@c.test", name: "O", password: "correct horse" });
    const workspace = createWorkspace({ slug: "rc-page", name: "Currency" }, owner);
    const scope = scopeTo(db, workspace.id);
    const customer = scope.insert(schema.customers, { name: "Ayşe", consentDataProcessing: true });
    addSales(workspace.id, 3, "TRY", customer.id);
    const request = requestAs(await cookieFor(owner.id), `/w/rc-page/customers/${customer.id}`);
    const { status, body } = await settle(() =>
      customerPage.loader({
        request,
        params: { workspace: "rc-page", customer: String(customer.id) },
        context: { clientAddress: "127.0.0.1" },
      }),
    );
    expect(status).toBe(200);
    const page = body as Awaited<ReturnType<typeof customerPage.loader>>;
    expect(page.money).toEqual({ currency: "TRY", mixed: [] });
    expect(page.profile.purchases.revenue).toBe(30);
  });
});
