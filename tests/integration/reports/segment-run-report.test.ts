/**
 * A "segment-run" report: it keeps the run id only, links back to the run's page, shows the
 * run's RFM segments as the page does (aggregates: shareable), exports them as a table, and
 * finds nothing for a run of another workspace.
 */
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { reportKinds } from "~/reports/kinds.server";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { createReport, findReport, reportPagePath } from "~/reports/reports.server";
import { runRfm } from "~/segments/rfm-run.server";
import { findRun, segmentRunPage } from "~/segments/run-page.server";
import { createShareLink } from "~/sharing/share-links.server";
import { loadSharedReport } from "~/sharing/shared-report.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();
const ws = addWorkspace(db, "shop");
const other = addWorkspace(db, "other");
const scope = scopeTo(db, ws);
const user = db
  .insert(schema.users)
  .values({ email: "s@s.test", name: "S", passwordHash: "x" })
  .returning()
  .get();
const yes = { consentDataProcessing: true };
const a = addCustomer(db, ws, yes);
const b = addCustomer(db, ws, yes);
const c = addCustomer(db, ws, yes);
// Revenue 100 + (50 + 50) + 300 = 500 from 4 purchases of 3 customers.
addTransaction(db, ws, { customerId: a, date: "2025-02-28", amount: 100 });
addTransaction(db, ws, { customerId: b, date: "2025-02-20", amount: 50 });
addTransaction(db, ws, { customerId: b, date: "2025-01-10", amount: 50 });
addTransaction(db, ws, { customerId: c, date: "2024-10-01", amount: 300 });
const run = await runRfm(scopeTo(db, ws), { asOf: "2025-03-01" });

describe("a segment-run report", () => {
  const report = createReport(scope, user.id, {
    kind: "segment-run",
    title: "March segments",
    mode: "snapshot",
    params: { run: String(run.run_id), support: "5" },
  });

  it("keeps the run and links back to its page", () => {
    expect(report.params).toEqual({ run: String(run.run_id) });
    expect(reportPagePath("shop", report)).toBe(`/w/shop/segments/${run.run_id}`);
    expect(reportKinds["segment-run"].personal).toBe(false);
  });

  it("refuses a report without a run id", () => {
    expect(reportKinds["segment-run"].params.safeParse({ run: "x" }).success).toBe(false);
  });

  it("shows the run as its page does, without the customers' scatter", () => {
    const view = loadReportView(scope, findReport(scope, report.id) as typeof report);
    const found = findRun(scope, run.run_id);
    if (!found) throw new Error("run not found");
    const live = segmentRunPage(scope, found, { canEdit: false, customerPoints: false });
    expect(view?.data).toEqual(JSON.parse(JSON.stringify(live)));
    expect(live.state).toBe("rfm");
  });

  it("exports the segments with their customers and revenue", () => {
    const view = loadReportView(scope, findReport(scope, report.id) as typeof report);
    const [segments] = view ? reportTables(view) : [];
    expect(segments?.name).toBe("segments");
    const filled = (segments?.rows ?? []).filter((r) => Number(r[1]) > 0);
    const sum = (i: number) => filled.reduce((s, r) => s + Number(r[i]), 0);
    expect(sum(1)).toBe(3); // customers
    expect(sum(3)).toBe(500); // revenue
    expect(sum(5)).toBe(4); // orders
    expect(sum(2)).toBeCloseTo(1, 10); // shares of customers
  });

  it("finds nothing for another workspace's run", () => {
    const theirs = reportKinds["segment-run"].build(scopeTo(db, other), {
      run: String(run.run_id),
    });
    expect(theirs).toEqual({
      state: "failed",
      runId: run.run_id,
      error: "This segment run no longer exists in the workspace.",
    });
  });

  it("opens through a share link with the segments but without the run's id", async () => {
    const { token } = await createShareLink(scope, user.id, report.id);
    const request = new Request(`http://127.0.0.1/s/${token}`);
    const shown = await loadSharedReport(request, token, "10.9.9.9");
    if (shown.state !== "report") throw new Error("the link did not open");
    const json = JSON.stringify(shown.data);
    expect(json).toContain('"segments"');
    expect(json).not.toMatch(/"(runId|datasetId|customerId|customer_id|workspaceId)"/);
  });
});
