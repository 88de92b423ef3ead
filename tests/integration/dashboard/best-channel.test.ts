/**
 * "Best channel by ROI": the Campaigns page's channel figures, highest ROI first, with the
 * 80 % interval. 28 days (four whole weeks) of daily rows, spend 100 a day on each channel:
 * - Search: revenue 300, 310, … 360 over each week → 4 × 2310 = 9240; ROI (9240 − 2800) /
 *   2800 = 2.3. Every 7-day block of the circular bootstrap holds one of each weekday, so
 *   every resample sums to 9240 too: the interval is 2.3 to 2.3.
 * - Social: revenue 250 a day → ROI (7000 − 2800) / 2800 = 1.5, interval 1.5 to 1.5.
 * - Display: revenue 50 a day → ROI −0.5.
 * - Radio: no spend at all → no ROI ("zero spend"), not ranked.
 * - Rows without a channel (ROI 9) are not a channel and are not ranked either.
 */
import { describe, expect, it } from "vitest";
import { campaigns, datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { bestChannelByRoi } from "~/dashboard/best-channel.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();

function addDays(
  scope: WorkspaceScope,
  channel: string | null,
  spend: number,
  revenue: (d: number) => number,
  days = 28,
) {
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2024, 2, 4) + d * 86_400_000).toISOString().slice(0, 10);
    scope.insert(campaigns, {
      campaignKey: `${channel ?? "none"}-1`,
      name: `${channel ?? "No channel"} spring`,
      channel,
      date,
      spend,
      impressions: 1000,
      clicks: 10,
      conversions: 1,
      revenue: revenue(d),
      rowHash: `${channel}${date}`,
    });
  }
}

describe("bestChannelByRoi", () => {
  const { scope } = addWorkspace(db, "roi-shop");
  addDays(scope, "Search", 100, (d) => 300 + (d % 7) * 10);
  addDays(scope, "Social", 100, () => 250);
  addDays(scope, "Display", 100, () => 50);
  addDays(scope, "Radio", 0, () => 0);
  addDays(scope, null, 10, () => 100);

  it("ranks Search first at 2.3 with its interval, Social next, and no overlap", () => {
    const best = bestChannelByRoi(scope);
    expect(best).toMatchObject({
      status: "ok",
      ranked: 3,
      span: { first: "2024-03-04", last: "2024-03-31" },
      best: { channel: "Search", spend: 2800, revenue: 9240, intervalReason: null },
      runnerUp: { channel: "Social", spend: 2800, revenue: 7000, intervalReason: null },
    });
    if (best.status !== "ok") throw new Error("no best channel");
    expect(best.best.roi).toBeCloseTo(2.3, 12);
    expect(best.best.interval?.low).toBeCloseTo(2.3, 12);
    expect(best.best.interval?.high).toBeCloseTo(2.3, 12);
    expect(best.runnerUp?.roi).toBeCloseTo(1.5, 12);
    expect(best.runnerUp?.interval?.high).toBeCloseTo(1.5, 12);
  });

  it("says why there is no interval with fewer than 14 days", () => {
    const short = addWorkspace(db, "roi-short");
    addDays(short.scope, "Search", 100, () => 200, 10);
    const best = bestChannelByRoi(short.scope);
    expect(best).toMatchObject({
      status: "ok",
      ranked: 1,
      runnerUp: null,
      best: { interval: null },
    });
    if (best.status !== "ok") throw new Error("no best channel");
    expect(best.best.roi).toBeCloseTo(1, 12);
    expect(best.best.intervalReason).toMatch(/14/);
  });

  it("is empty without campaigns, and says why when no channel has an ROI", () => {
    expect(bestChannelByRoi(addWorkspace(db, "roi-empty").scope)).toEqual({
      status: "no-campaigns",
    });
    const unnamed = addWorkspace(db, "roi-unnamed");
    addDays(unnamed.scope, null, 100, () => 200, 3);
    expect(bestChannelByRoi(unnamed.scope)).toEqual({ status: "no-channel" });
    const unspent = addWorkspace(db, "roi-unspent");
    addDays(unspent.scope, "Radio", 0, () => 0, 3);
    expect(bestChannelByRoi(unspent.scope)).toEqual({ status: "no-roi", reason: "zero spend" });
  });

  it("is kept until the workspace's files change", () => {
    const { scope: kept } = addWorkspace(db, "roi-kept");
    addDays(kept, "Search", 100, () => 200, 3);
    expect(bestChannelByRoi(kept)).toMatchObject({ best: { channel: "Search" } });
    addDays(kept, "Email", 10, () => 200, 3);
    // Rows written outside an import do not move the mark: the kept answer stands.
    expect(bestChannelByRoi(kept)).toMatchObject({ best: { channel: "Search" } });
    kept.insert(datasets, { kind: "campaigns", fileName: "email.csv" });
    expect(bestChannelByRoi(kept)).toMatchObject({ best: { channel: "Email" }, ranked: 2 });
  });
});
