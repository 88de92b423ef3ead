/**
 * "channel-match" and "product-match" reports: each keeps the run id (and the rule
 * thresholds), links back to its tab, rebuilds what the tab shows, exports aggregates only
 * (no next-best customers), and shows a missing run for another workspace's run id.
 */
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { reportKinds } from "~/reports/kinds.server";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { createReport, findReport, reportPagePath } from "~/reports/reports.server";
import { runRfm } from "~/segments/rfm-run.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();
const ws = addWorkspace(db, "shop");
const other = addWorkspace(db, "other");
const scope = scopeTo(db, ws);
const user = db
  .insert(schema.users)
  .values({ email: "t@t.test", name: "T", passwordHash: "x" })
  .returning()
  .get();
const yes = { consentDataProcessing: true };
const [a, b, c] = [addCustomer(db, ws, yes), addCustomer(db, ws, yes), addCustomer(db, ws, yes)];
// Three baskets (one customer's purchases on one day): {P1, P2}, {P1, P2}, {P3}.
// P1 → P2: support 2/3, confidence 2/2 = 1, lift 1 / (2/3) = 1.5.
const buy = (customerId: number, date: string, productCode: string) =>
  addTransaction(db, ws, { customerId, date, amount: 10, productCode, category: "c" });
buy(a, "2025-02-01", "P1");
buy(a, "2025-02-01", "P2");
buy(b, "2025-02-10", "P1");
buy(b, "2025-02-10", "P2");
buy(c, "2025-02-20", "P3");
const run = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });
const runId = String(run.run_id);

const save = (kind: "channel-match" | "product-match", params: Record<string, string>) =>
  createReport(scope, user.id, { kind, title: kind, mode: "snapshot", params });
const viewOf = (id: number) => {
  const report = findReport(scope, id);
  const view = report ? loadReportView(scope, report) : null;
  if (!view) throw new Error("no report view");
  return view;
};

describe("a product-match report", () => {
  const report = save("product-match", { run: runId, support: "10", lift: "1", junk: "x" });

  it("keeps the run and the thresholds and links back to the Products tab", () => {
    expect(report.params).toEqual({ run: runId, support: "10", lift: "1" });
    expect(reportPagePath("shop", report)).toBe(
      `/w/shop/segments/${runId}/products?support=10&lift=1`,
    );
  });

  it("exports the association rules with hand-checked figures", () => {
    const rules = reportTables(viewOf(report.id)).find((t) => t.name === "association-rules");
    const p1p2 = rules?.rows.find((r) => r[0] === "P1" && r[1] === "P2");
    expect(p1p2?.[2]).toBeCloseTo(2 / 3, 10);
    expect(p1p2?.[3]).toBeCloseTo(1, 10);
    expect(p1p2?.[4]).toBeCloseTo(1.5, 10);
    expect(p1p2?.[5]).toBe(2);
  });

  it("lists no single customers, only how many get a suggestion", () => {
    const data = viewOf(report.id).data as {
      report: { next_best: unknown[]; customers_with_suggestions: number };
    };
    expect(data.report.next_best).toEqual([]);
    // c (P3 only) gets P1 or P2 from no rule; a and b own both: nobody is suggested anything.
    expect(data.report.customers_with_suggestions).toBe(0);
    expect(reportKinds["product-match"].personal).toBe(false);
  });

  it("shows a missing run for another workspace's run id", () => {
    expect(reportKinds["product-match"].build(scopeTo(db, other), { run: runId })).toEqual({
      state: "missing",
      runId: run.run_id,
    });
  });
});

describe("a channel-match report", () => {
  const report = save("channel-match", { run: runId, support: "10" });

  it("keeps the run only and links back to the Channels tab", () => {
    expect(report.params).toEqual({ run: runId });
    expect(reportPagePath("shop", report)).toBe(`/w/shop/segments/${runId}/channels`);
  });

  it("has an empty table when the workspace has no channels yet", () => {
    const view = viewOf(report.id);
    expect((view.data as { match: { channels: number } }).match.channels).toBe(0);
    expect(reportTables(view)).toEqual([
      expect.objectContaining({ name: "channel-match", rows: [] }),
    ]);
  });

  it("refuses a report without a run id", () => {
    expect(reportKinds["channel-match"].params.safeParse({}).success).toBe(false);
  });
});
