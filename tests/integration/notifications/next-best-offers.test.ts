import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "#db/client";
import { customerSources, responses } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { nextBestOffersForRun } from "~/notifications/next-best-offers.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "../segments/fixtures";

describe("next-best-offers", () => {
  let db: Db;
  let dir: string;
  let workspaceId: number;
  let runId: number;

  beforeEach(() => {
    ({ db, dir } = setUpTestDb());
    workspaceId = addWorkspace(db, "shop");
    const scope = scopeTo(db, workspaceId);
    const members: Record<number, string> = {};
    for (let i = 0; i < 10; i++) {
      const id = addCustomer(db, workspaceId, { name: `C${i}`, consentDataProcessing: true });
      members[id] = "Loyal";
      scope.insert(customerSources, {
        customerId: id,
        source: "crm",
        externalId: `K${i}`,
        matchedBy: "new",
        record: {},
        rowHash: `h${i}`,
      });
      // Everyone buys shampoo every 30 days (Jan 1, 31, Mar 2), 50 each time.
      for (const date of ["2026-01-01", "2026-01-31", "2026-03-02"])
        addTransaction(db, workspaceId, { customerId: id, date, amount: 50, category: "Shampoo" });
      // Half of them took a loan once; K0 also bought a hair dryer.
      if (i % 2 === 0)
        addTransaction(db, workspaceId, {
          customerId: id,
          date: "2026-02-01",
          amount: 1_000,
          category: "Loan",
        });
    }
    const k0 = Number(Object.keys(members)[0]);
    addTransaction(db, workspaceId, {
      customerId: k0,
      date: "2026-02-10",
      amount: 80,
      category: "Dryer",
    });
    // K1 was offered a loan on 2026-03-20 and did not take it.
    scope.insert(responses, {
      responseKey: "r1",
      customerExternalId: "K1",
      channel: "sms",
      sentAt: new Date("2026-03-20T10:00:00Z"),
      category: "Loan",
      converted: false,
      rowHash: "rh1",
    });
    // K3 was offered one on 2026-02-20, 51 days before the run: too long ago to count.
    scope.insert(responses, {
      responseKey: "r3",
      customerExternalId: "K3",
      channel: "email",
      sentAt: new Date("2026-02-20T10:00:00Z"),
      category: "Loan",
      converted: false,
      rowHash: "rh3",
    });
    runId = addRun(db, workspaceId, "2026-04-12", members);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("offers the due repeat purchase with its reason and never what is held or declined", () => {
    const result = nextBestOffersForRun(scopeTo(db, workspaceId), {
      runId,
      horizonDays: 30,
      limit: 3,
      customers: 20,
    });
    expect(result.as_of).toBe("2026-04-12");
    const byCustomer = new Map(result.customers.map((c) => [c.customer, c.offers]));
    // K0 holds a loan: shampoo first (1 − e^−1) × 50 = 31.61, never the loan again.
    const k0 = byCustomer.get("K0") ?? [];
    expect(k0[0]).toMatchObject({
      category: "Shampoo",
      expected_value: 31.61,
      reason: "bought Shampoo every 30 days, last 41 days ago",
    });
    expect(k0.map((o) => o.category)).not.toContain("Loan");
    // K3 has no loan: half the segment has one, 50 % × 1,000 = 500, offered first (the
    // decline of 51 days ago is outside the 30 days that count).
    expect(byCustomer.get("K3")?.[0]).toMatchObject({
      category: "Loan",
      expected_value: 500,
      reason: "50 % of segment Loyal bought Loan",
    });
    // K1 declined the loan on 2026-03-20: not offered within 30 days.
    expect(byCustomer.get("K1")?.map((o) => o.category)).not.toContain("Loan");
  });

  it("lists one customer by their own id", () => {
    const result = nextBestOffersForRun(scopeTo(db, workspaceId), {
      runId,
      horizonDays: 30,
      limit: 3,
      customers: 20,
      customer: "K3",
    });
    expect(result.customers.map((c) => c.customer)).toEqual(["K3"]);
  });
});
