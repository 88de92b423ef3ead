/**
 * `campaigns roi` on imported files: totals equal the file's sums exactly (and SQL's),
 * zero spend gives null with a reason, the date range places totals rows by their period,
 * and a campaign with both totals and daily rows counts once.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/run";
import { fixture, setUpIngest } from "../ingest/support";

const { db, dir, workspaceId, importOk } = setUpIngest("roi");

async function roi(...extra: string[]) {
  const result = await runCli(["campaigns", "roi", "--workspace", "roi", ...extra]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout ?? "");
}

describe("campaigns roi", () => {
  it("totals the Turkish daily file exactly, by channel", async () => {
    await importOk("campaigns", fixture("csv/campaigns-daily-tr.csv"));
    const out = await roi();
    // By hand: 1,250.00 + 1,100.50 + 300.00; 45,000 + 41,200 + 12,000; …
    expect(out.totals).toMatchObject({
      spend: 2650.5,
      impressions: 98200,
      clicks: 2160,
      conversions: 71,
      revenue: 9870,
      rows: 3,
    });
    expect(out.totals.roi).toBe((9870 - 2650.5) / 2650.5);
    expect(out.totals.cvr).toBe(71 / 2160);
    const sql = db.$client
      .prepare(
        "SELECT sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(conversions) AS conversions, sum(revenue) AS revenue FROM campaigns WHERE workspace_id = ?",
      )
      .get(workspaceId) as Record<string, number>;
    for (const key of ["spend", "impressions", "clicks", "conversions", "revenue"])
      expect(out.totals[key]).toBe(sql[key]);
    expect(out.rows.map((r: { channel: string }) => r.channel)).toEqual(["Instagram", "E-posta"]);
    expect(out.rows[0]).toMatchObject({ spend: 2350.5, revenue: 8920, cpc: 2350.5 / 1750 });
    // Two days: too few for an interval, and the JSON says why.
    expect(out.rows[0].interval).toBeUndefined();
    expect(out.rows[0].interval_reason).toBe("2 days of daily rows; an interval needs at least 14");
  });

  it("gives null and a reason for zero spend, and places totals rows by their period", async () => {
    const file = path.join(dir, "campaign-totals.csv");
    fs.writeFileSync(
      file,
      [
        "campaign_id,name,channel,start_date,end_date,spend,impressions,clicks,conversions,revenue,product",
        "T-1,Free SMS,SMS,2024-03-05,2024-03-20,0,5000,0,0,700,Card",
        "T-2,April TV,TV,2024-04-01,2024-04-30,10000,200000,1000,50,30000,Card",
        "K-01,Bahar İndirimi,Instagram,2024-03-01,2024-03-02,999,1,1,1,1,Card",
      ].join("\n"),
    );
    await importOk("campaigns", file);
    const byChannel = await roi("--by", "channel");
    const sms = byChannel.rows.find((r: { channel: string }) => r.channel === "SMS");
    expect(sms).toMatchObject({ spend: 0, roi: null, roas: null, cvr: null, cpc: null });
    expect(sms.reasons).toMatchObject({ roi: "zero spend", cvr: "zero clicks" });
    expect(sms.interval_reason).toMatch(/campaign totals without days/);
    // K-01 has daily rows too: its totals row does not count twice.
    expect(byChannel.totals_rows_superseded).toBe(1);
    expect(byChannel.totals.spend).toBe(2650.5 + 0 + 10000);

    const march = await roi("--from", "2024-03-01", "--to", "2024-03-31");
    expect(march.totals.spend).toBe(2650.5); // T-1 (zero spend) inside, T-2 (April) left out
    expect(march.totals_rows_outside_range).toBe(1);
    expect(march.totals.rows).toBe(4);

    const byMonth = await roi("--by", "month");
    expect(byMonth.rows.map((r: { month: string | null }) => r.month)).toEqual(["2024-03", null]);
    const byProduct = await roi("--by", "product", "--from", "2024-04-01");
    expect(byProduct.rows).toHaveLength(1);
    expect(byProduct.rows[0]).toMatchObject({ product: "Card", spend: 10000, roi: 2 });
  });

  it("says which filter is wrong", async () => {
    const result = await runCli([
      "campaigns",
      "roi",
      "--workspace",
      "roi",
      "--from",
      "2024-05-01",
      "--to",
      "2024-04-01",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--to: The end date is before the start date");
  });
});
