/**
 * "Revenue, last 30 days": net sales of the 30 UTC days up to the latest counted sale,
 * against the 30 before, only of sales analyses may use.
 *
 * Latest counted sale 2026-03-31, so the current window is 2026-03-02 … 2026-03-31 and the
 * previous one 2026-01-31 … 2026-03-01 (February 2026 has 28 days).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, datasets, transactions, workspaces } from "#db/schema";
import { scopeTo, type WorkspaceScope } from "#db/scoped";
import { revenueTrend } from "~/dashboard/revenue-trend.server";
import { bumpDataVersion } from "~/data-version.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();
const now = new Date("2026-04-10T08:00:00Z");

let key = 0;
function sale(
  scope: WorkspaceScope,
  at: string,
  amount: number,
  who: { customerId?: number; externalId?: string } = {},
  isReturn = false,
) {
  key++;
  scope.insert(transactions, {
    transactionKey: `t${key}`,
    customerId: who.customerId ?? null,
    customerExternalId: who.externalId ?? null,
    occurredAt: new Date(at),
    amount,
    currency: "TRY",
    isReturn,
  });
}

describe("revenueTrend", () => {
  const { workspace, scope } = addWorkspace(db, "rev-shop");
  const consented = scope.insert(customers, { consentDataProcessing: true }).id;
  const refused = scope.insert(customers, { consentDataProcessing: false }).id;
  const unknown = scope.insert(customers, { consentDataProcessing: null }).id;
  const a = { customerId: consented };
  sale(scope, "2026-03-31T14:00:00Z", 100, a); // current, the latest counted sale
  sale(scope, "2026-03-02T00:00:00Z", 50, a); // current, its first moment
  sale(scope, "2026-03-15T10:00:00Z", -30, a, true); // a return: −30
  sale(scope, "2026-03-20T10:00:00Z", 20, a, true); // a return written positive: −20
  sale(scope, "2026-03-01T23:59:00Z", 80, a); // previous, its last minute
  sale(scope, "2026-02-10T12:00:00Z", 40); // previous, nobody's (a walk-in sale)
  sale(scope, "2026-01-30T12:00:00Z", 999, a); // before both windows
  sale(scope, "2026-03-10T12:00:00Z", 1000, { customerId: refused }); // objected
  sale(scope, "2026-02-15T12:00:00Z", 500, { customerId: unknown }); // consent unknown
  sale(scope, "2026-03-05T12:00:00Z", 70, { externalId: "X9" }); // waits for its profile
  sale(scope, "2026-04-05T12:00:00Z", 5, { customerId: refused }); // later, but not counted

  it("counts today in the workspace's zone: 2026-04-10 22:30 UTC is the 11th in Istanbul", () => {
    const lateEvening = new Date("2026-04-10T22:30:00Z");
    expect(revenueTrend(scope, lateEvening)).toMatchObject({ daysSinceLatestSale: 10 });
    expect(revenueTrend(scope, lateEvening, undefined, "Europe/Istanbul")).toMatchObject({
      latestSale: "2026-03-31",
      daysSinceLatestSale: 11,
      current: { from: "2026-03-02", to: "2026-03-31" },
    });
  });

  it("by consent: 100 + 50 − 30 − 20 = 100 against 80 + 40 = 120, a fall of 1/6", () => {
    const trend = revenueTrend(scope, now);
    expect(trend).toMatchObject({
      status: "ok",
      latestSale: "2026-03-31",
      daysSinceLatestSale: 10,
      current: { from: "2026-03-02", to: "2026-03-31", revenue: 100, sales: 4 },
      previous: { from: "2026-01-31", to: "2026-03-01", revenue: 120, sales: 2 },
      changeReason: null,
      // In the windows: the objector's 1000, the unknown's 500, the waiting sale's 70.
      excludedSales: 3,
      money: { currency: "TRY", mixed: [] },
    });
    expect(trend.status === "ok" && trend.change).toBeCloseTo(-1 / 6, 12);
  });

  it("by legitimate interest: unknown consent and the waiting sale count, the objector not", () => {
    db.update(workspaces)
      .set({ processingBasis: "legitimate-interest" })
      .where(eq(workspaces.id, workspace.id))
      .run();
    // Current 100 + 70 = 170 (5 sales); previous 120 + 500 = 620 (3 sales).
    const trend = revenueTrend(scope, now);
    expect(trend).toMatchObject({
      status: "ok",
      latestSale: "2026-03-31",
      current: { revenue: 170, sales: 5 },
      previous: { revenue: 620, sales: 3 },
      excludedSales: 1,
    });
    expect(trend.status === "ok" && trend.change).toBeCloseTo((170 - 620) / 620, 12);
  });

  it("is read again when a file arrives (kept between visits otherwise)", () => {
    const before = revenueTrend(scope, now);
    sale(scope, "2026-03-31T20:00:00Z", 30, a);
    // A sale written outside an import is not seen by recounting (nothing is counted):
    // the data version moves with the change, as an import's publish or an erasure does.
    expect(revenueTrend(scope, now)).toEqual(before);
    bumpDataVersion(scopeTo(db, scope.workspaceId));
    const after = revenueTrend(scope, now);
    expect(after.status === "ok" && after.current.revenue).toBe(200);
    expect(before.status === "ok" && before.current.revenue).toBe(170);
    scope.insert(datasets, { kind: "transactions", fileName: "more.csv" });
    expect(revenueTrend(scope, now)).toMatchObject({ current: { revenue: 200 } });
  });

  it("gives no percentage without sales in the 30 days before, or when returns outweigh them", () => {
    const one = addWorkspace(db, "rev-one");
    sale(one.scope, "2026-03-31T14:00:00Z", 10);
    expect(revenueTrend(one.scope, now)).toMatchObject({
      current: { revenue: 10, sales: 1 },
      previous: { revenue: 0, sales: 0 },
      change: null,
      changeReason: "no-previous-sales",
    });
    const returns = addWorkspace(db, "rev-returns");
    sale(returns.scope, "2026-03-31T14:00:00Z", 10);
    sale(returns.scope, "2026-02-20T14:00:00Z", -15, {}, true);
    expect(revenueTrend(returns.scope, now)).toMatchObject({
      previous: { revenue: -15, sales: 1 },
      change: null,
      changeReason: "previous-not-positive",
    });
  });

  it("finds the latest counted sale far behind sales that are left out", () => {
    const { scope: far } = addWorkspace(db, "rev-far");
    const yes = far.insert(customers, { consentDataProcessing: true }).id;
    const no = far.insert(customers, { consentDataProcessing: false }).id;
    sale(far, "2026-01-01T09:00:00Z", 40, { customerId: yes });
    sale(far, "2026-06-01T09:00:00Z", 900, { customerId: no }); // five months later, left out
    expect(revenueTrend(far, now)).toMatchObject({
      latestSale: "2026-01-01",
      current: { from: "2025-12-03", to: "2026-01-01", revenue: 40, sales: 1 },
      excludedSales: 0,
    });
  });

  it("says there is nothing to count without sales, and how many the basis left out", () => {
    const empty = addWorkspace(db, "rev-empty");
    expect(revenueTrend(empty.scope, now)).toMatchObject({ status: "no-sales", excludedSales: 0 });
    const unconsented = addWorkspace(db, "rev-unconsented");
    const nobody = unconsented.scope.insert(customers, { consentDataProcessing: null }).id;
    sale(unconsented.scope, "2026-03-01T10:00:00Z", 10, { customerId: nobody });
    sale(unconsented.scope, "2026-03-02T10:00:00Z", 10, { customerId: nobody });
    expect(revenueTrend(unconsented.scope, now)).toMatchObject({
      status: "no-sales",
      excludedSales: 2,
    });
  });
});
