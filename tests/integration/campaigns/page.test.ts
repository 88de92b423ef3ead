/**
 * The Campaigns page's loader: figures of the imported file, sorting, drill-down to a
 * campaign's days, intervals on daily rows, and a clear message for a bad range.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "#db/schema";
import { scopeTo } from "#db/scoped";
import * as page from "~/routes/w.$workspace.campaigns";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const params = { workspace: "roi-page" };
let cookie = "";

beforeAll(async () => {
  const owner = await createUser({
    email: "o@r.test",
    name: "O",
    password: "correct horse battery",
  });
  const workspace = createWorkspace({ slug: params.workspace, name: "ROI" }, owner);
  const scope = scopeTo(db, workspace.id);
  // 28 days of a campaign on each of two channels: spend 100 a day; revenue 300 and 50.
  for (let d = 0; d < 28; d++) {
    const date = new Date(Date.UTC(2024, 2, 4) + d * 86_400_000).toISOString().slice(0, 10);
    for (const [key, channel, revenue] of [
      ["A", "Search", 300 + (d % 7) * 10],
      ["B", "Display", 50],
    ] as const) {
      scope.insert(campaigns, {
        campaignKey: key,
        name: `Campaign ${key}`,
        channel,
        date,
        spend: 100,
        impressions: 1000,
        clicks: key === "B" ? 0 : 20,
        conversions: 2,
        revenue,
        rowHash: `${key}${date}`,
      });
    }
  }
  cookie = await cookieFor(owner.id);
});

async function load(query = "") {
  const request = requestAs(cookie, `/w/${params.workspace}/campaigns${query}`);
  const { body } = await settle(() =>
    page.loader({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
  return body as Awaited<ReturnType<typeof page.loader>>;
}

describe("Campaigns page", () => {
  it("shows ROI by channel with intervals and totals equal to the rows' sums", async () => {
    const data = await load();
    const { groups, totals } = data.breakdown.report;
    expect(groups.map((g) => g.label)).toEqual(["Display", "Search"]); // equal spend: by name
    expect(totals.totals.sums.spend).toBe(5600);
    // Search revenue: 4 weeks × (300+310+…+360) = 4 × 2310 = 9240.
    const search = groups.find((g) => g.label === "Search");
    expect(search?.totals.sums.revenue).toBe(9240);
    expect(search?.ratios.roi.value).toBeCloseTo((9240 - 2800) / 2800, 12);
    const interval = search && "ratios" in search.intervals ? search.intervals.ratios.roi : null;
    expect(interval?.low).toBeLessThanOrEqual(search?.ratios.roi.value as number);
    expect(interval?.high).toBeGreaterThanOrEqual(search?.ratios.roi.value as number);
    const display = groups.find((g) => g.label === "Display");
    expect(display?.ratios.cvr).toEqual({ value: null, reason: "zero clicks" });
    expect(data.series.map((p) => p.start)).toEqual([
      "2024-03-04",
      "2024-03-11",
      "2024-03-18",
      "2024-03-25",
    ]);
  });

  it("sorts the campaign table and drills down to one campaign's days", async () => {
    const data = await load("?sort=roi&dir=asc&campaign=A&from=2024-03-04&to=2024-03-10");
    expect(data.campaigns.map((c) => c.key)).toEqual(["B", "A"]);
    expect(data.drill?.days?.map((d) => d.key)).toHaveLength(7);
    expect(data.drill?.campaign?.totals.sums.revenue).toBe(2310);
    const other = await load("?sort=label&dir=desc");
    expect(other.campaigns.map((c) => c.label)).toEqual(["Campaign B", "Campaign A"]);
  });

  it("says what is wrong with a range", async () => {
    const data = await load("?from=2024-04-01&to=2024-03-01");
    expect(data.error).toBe("to: The end date is before the start date");
    expect(data.breakdown.rowsRead).toBe(56);
  });
});
