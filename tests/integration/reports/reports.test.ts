/**
 * Saved reports: a snapshot keeps the data it was saved with after new rows arrive; a live
 * report shows the new rows within its saved dates; a share link's dates are clamped inside
 * the saved range; tables export the page's figures; another workspace sees nothing.
 */
import { describe, expect, it } from "vitest";
import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { bumpDataVersion } from "~/data-version.server";
import { schema } from "~/db.server";
import { clampedParams, loadReportView, reportTables } from "~/reports/report-view.server";
import {
  createReport,
  deleteReport,
  duplicateReport,
  findReport,
  listReports,
  updateReport,
} from "~/reports/reports.server";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const shop = db.insert(schema.workspaces).values({ slug: "shop", name: "Shop" }).returning().get();
const other = db.insert(schema.workspaces).values({ slug: "other", name: "O" }).returning().get();
const user = db
  .insert(schema.users)
  .values({ email: "r@r.test", name: "R", passwordHash: "x" })
  .returning()
  .get();
const scope = scopeTo(db, shop.id);

function addDay(date: string, channel: string, spend: number, revenue: number) {
  scope.insert(campaigns, {
    campaignKey: `${channel}-1`,
    name: `${channel} spring`,
    channel,
    date,
    spend,
    revenue,
    rowHash: `${channel}${date}`,
  });
  // As an import's publish does: pages keep their figures per data version.
  bumpDataVersion(scope);
}

// Search: spend 100 + 100 = 200, revenue 500 + 300 = 800 → ROI (800 − 200) / 200 = 3.
addDay("2025-03-01", "Search", 100, 500);
addDay("2025-03-02", "Search", 100, 300);

type RoiData = { breakdown: { report: { totals: { totals: { sums: { spend: number } } } } } };
const spendOf = (data: unknown) => (data as RoiData).breakdown.report.totals.totals.sums.spend;

describe("reports", () => {
  const params = { from: "2025-03-01", to: "2025-03-31", by: "channel", junk: "dropped" };
  const snapshot = createReport(scope, user.id, {
    kind: "campaign-roi",
    title: "March ROI",
    mode: "snapshot",
    params,
  });
  const live = createReport(scope, user.id, {
    kind: "campaign-roi",
    title: "March ROI, live",
    mode: "live",
    params,
  });

  it("keeps only the page's parameters", () => {
    expect(snapshot.params).toEqual({ from: "2025-03-01", to: "2025-03-31", by: "channel" });
  });

  it("freezes a snapshot and rebuilds a live report", () => {
    addDay("2025-03-03", "Search", 50, 0);
    addDay("2025-04-01", "Search", 1000, 0); // outside the saved dates
    const frozen = loadReportView(scope, findReport(scope, snapshot.id)!);
    const now = loadReportView(scope, findReport(scope, live.id)!);
    expect(spendOf(frozen?.data)).toBe(200);
    expect(spendOf(now?.data)).toBe(250);
    expect(frozen?.takenAt).toBe(snapshot.snapshotAt?.toISOString());
  });

  it("clamps a requested date range inside the saved one", () => {
    const report = findReport(scope, live.id)!;
    expect(clampedParams(report, { from: "2024-01-01", to: "2030-01-01" })).toMatchObject({
      from: "2025-03-01",
      to: "2025-03-31",
    });
    expect(clampedParams(report, { from: "2025-03-02", to: "bad" })).toMatchObject({
      from: "2025-03-02",
      to: "2025-03-31",
    });
    const narrowed = loadReportView(scope, report, { dateRange: { from: "2025-03-03" } });
    expect(spendOf(narrowed?.data)).toBe(50);
  });

  it("exports the figures as tables", () => {
    const view = loadReportView(scope, findReport(scope, snapshot.id)!)!;
    const byChannel = reportTables(view)[0]!;
    expect(byChannel.name).toBe("figures-by-channel");
    const roi = byChannel.columns.indexOf("roi");
    expect(byChannel.rows[0]?.[0]).toBe("Search");
    expect(byChannel.rows[0]?.[roi]).toBe(3);
  });

  it("renames, duplicates and deletes within the workspace only", () => {
    const otherScope = scopeTo(db, other.id);
    expect(findReport(otherScope, snapshot.id)).toBeUndefined();
    expect(updateReport(otherScope, user.id, snapshot.id, { title: "Stolen" })).toBe(false);
    expect(deleteReport(otherScope, user.id, snapshot.id)).toBe(false);
    expect(updateReport(scope, user.id, snapshot.id, { title: "Q1 ROI", note: "for Ayşe" })).toBe(
      true,
    );
    const copy = duplicateReport(scope, user.id, snapshot.id)!;
    expect(copy.title).toBe("Q1 ROI (copy)");
    expect(spendOf(copy.snapshot)).toBe(200);
    expect(listReports(scope).map((r) => r.title)).toContain("Q1 ROI (copy)");
    expect(listReports(otherScope)).toEqual([]);
    expect(deleteReport(scope, user.id, copy.id)).toBe(true);
    expect(findReport(scope, copy.id)).toBeUndefined();
  });

  it("refuses an unknown kind and an empty title", () => {
    expect(() =>
      createReport(scope, user.id, {
        kind: "customers" as "campaign-roi",
        title: "x",
        mode: "live",
      }),
    ).toThrow(/cannot be saved/);
    expect(() =>
      createReport(scope, user.id, { kind: "campaign-roi", title: " ", mode: "live" }),
    ).toThrow(/title/);
  });
});
