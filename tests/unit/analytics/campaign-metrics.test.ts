/**
 * Campaign ratios on a hand-worked example (the rows of tests/fixtures/csv/campaigns-daily-tr.csv):
 *   K-01 Instagram 2024-03-01: spend 1250.00, impressions 45000, clicks 900, conversions 31, revenue 4820
 *   K-01 Instagram 2024-03-02: spend 1100.50, impressions 41200, clicks 850, conversions 28, revenue 4100
 *   K-02 E-posta   2024-03-02: spend  300.00, impressions 12000, clicks 410, conversions 12, revenue  950
 * Instagram: spend 2350.50, impressions 86200, clicks 1750, conversions 59, revenue 8920.
 * All rows:  spend 2650.50, impressions 98200, clicks 2160, conversions 71, revenue 9870.
 */
import { describe, expect, it } from "vitest";
import { campaignRatios, totalMeasures } from "~/analytics/campaign-metrics";
import { type CampaignRowInput, campaignReport } from "~/analytics/campaign-report";
import { exactSum } from "~/analytics/exact-sum";

const row = (
  campaignKey: string,
  channel: string,
  date: string,
  spend: number | null,
  impressions: number | null,
  clicks: number | null,
  conversions: number | null,
  revenue: number | null,
): CampaignRowInput => ({
  campaignKey,
  name: null,
  channel,
  product: null,
  date,
  spend,
  impressions,
  clicks,
  conversions,
  revenue,
});

const rows = [
  row("K-01", "Instagram", "2024-03-01", 1250, 45000, 900, 31, 4820),
  row("K-01", "Instagram", "2024-03-02", 1100.5, 41200, 850, 28, 4100),
  row("K-02", "E-posta", "2024-03-02", 300, 12000, 410, 12, 950),
];

describe("campaign ratios", () => {
  it("are quotients of sums, worked by hand", () => {
    const instagram = totalMeasures(rows.slice(0, 2));
    expect(instagram.sums).toEqual({
      spend: 2350.5,
      impressions: 86200,
      clicks: 1750,
      conversions: 59,
      revenue: 8920,
    });
    const r = campaignRatios(instagram);
    expect(r.roi.value).toBeCloseTo(6569.5 / 2350.5, 12); // 2.794937…
    expect(r.roi.value).toBeCloseTo(2.794937, 6);
    expect(r.roas.value).toBeCloseTo(3.794937, 6); // 8920 / 2350.5
    expect(r.cpa.value).toBeCloseTo(39.838983, 6); // 2350.5 / 59
    expect(r.cpc.value).toBeCloseTo(1.343143, 6); // 2350.5 / 1750
    expect(r.cpm.value).toBeCloseTo(27.267981, 6); // 1000 · 2350.5 / 86200
    expect(r.ctr.value).toBeCloseTo(0.020302, 6); // 1750 / 86200
    expect(r.cvr.value).toBeCloseTo(0.033714, 6); // 59 / 1750
  });

  it("give a reason, never NaN, Infinity or 0, for zero spend, zero clicks and missing columns", () => {
    const zero = campaignRatios(totalMeasures([row("Z", "SMS", "2024-03-01", 0, 0, 0, 0, 120)]));
    expect(zero.roi).toEqual({ value: null, reason: "zero spend" });
    expect(zero.roas).toEqual({ value: null, reason: "zero spend" });
    expect(zero.cvr).toEqual({ value: null, reason: "zero clicks" });
    expect(zero.cpc).toEqual({ value: null, reason: "zero clicks" });
    expect(zero.ctr).toEqual({ value: null, reason: "zero impressions" });
    expect(zero.cpa).toEqual({ value: null, reason: "zero conversions" });
    const noRevenue = campaignRatios(
      totalMeasures([row("N", "TV", "2024-03-01", 500, 1000, 10, 1, null)]),
    );
    expect(noRevenue.roi).toEqual({
      value: null,
      reason: "no revenue column (or every revenue cell is empty)",
    });
    expect(noRevenue.cpa.value).toBe(500);
    const partly = campaignRatios(
      totalMeasures([
        row("N", "TV", "2024-03-01", 500, 1000, 10, 1, null),
        row("N", "TV", "2024-03-02", 500, 1000, 10, 1, 900),
      ]),
    );
    expect(partly.roas).toEqual({ value: null, reason: "revenue is missing on 1 of 2 rows" });
  });

  it("group by channel with totals equal to the sums of the rows", () => {
    const report = campaignReport(rows, "channel", { intervals: false });
    expect(report.groups.map((g) => g.label)).toEqual(["Instagram", "E-posta"]);
    expect(report.totals.totals.sums).toEqual({
      spend: 2650.5,
      impressions: 98200,
      clicks: 2160,
      conversions: 71,
      revenue: 9870,
    });
    expect(report.totals.ratios.roi.value).toBeCloseTo((9870 - 2650.5) / 2650.5, 12);
    const byMonth = campaignReport(rows, "month", { intervals: false });
    expect(byMonth.groups.map((g) => g.key)).toEqual(["2024-03"]);
    const byWeek = campaignReport(rows, "week", { intervals: false });
    expect(byWeek.groups.map((g) => g.key)).toEqual(["2024-W09"]); // Fri 1 and Sat 2 March 2024
  });

  it("sum exactly, whatever the order of the rows", () => {
    const values = [0.1, 0.2, 0.3, 1e16, -1e16, 0.7];
    const forward = exactSum(values);
    expect(exactSum([...values].reverse())).toBe(forward);
    expect(forward).toBe(1.3); // the true sum 1.3 rounded once; a running += gives 0.7 or 2
    expect(exactSum([1250, 1100.5, 300])).toBe(2650.5);
  });
});
