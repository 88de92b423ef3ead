/**
 * A "forecast" report: it keeps both forms' fields (and the plan's locks) and nothing else,
 * links back to the Forecast page with them, rebuilds the same forecast and plan the page
 * shows, and exports the curves, the forecast and the plan as tables.
 */
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { forecastPage } from "~/campaigns/forecast-page.server";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { createReport, findReport, reportPagePath } from "~/reports/reports.server";
import { writeKnownCampaigns } from "../../helpers/campaign-curves";
import { setUpIngest } from "../ingest/support";

const { db, dir, scope, importOk } = setUpIngest("fc");
await importOk("campaigns", writeKnownCampaigns(dir));
const user = db
  .insert(schema.users)
  .values({ email: "f@f.test", name: "F", passwordHash: "x" })
  .returning()
  .get();

// The campaigns end on 2026-01-04; 2026-01-05…2026-01-11 is 7 days.
const query =
  "channel=Search&budget=35000&from=2026-01-05&to=2026-01-11" +
  "&planBudget=100000&planFrom=2026-01-05&planTo=2026-01-11&goal=conversions&max_0=30000" +
  "&lock=Video&offerPrice=1&junk=x";
const params = Object.fromEntries(new URLSearchParams(query));
params.lock = "Video";

describe("a forecast report", () => {
  const report = createReport(scope, user.id, {
    kind: "forecast",
    title: "January",
    mode: "snapshot",
    params: { ...params, lock: ["Video"] },
  });

  it("keeps the forecast and plan forms' fields only", () => {
    expect(report.params).toEqual({
      channel: "Search",
      budget: "35000",
      from: "2026-01-05",
      to: "2026-01-11",
      planBudget: "100000",
      planFrom: "2026-01-05",
      planTo: "2026-01-11",
      goal: "conversions",
      max_0: "30000",
      lock: ["Video"],
    });
    expect(reportPagePath("fc", report)).toBe(
      "/w/fc/forecast?channel=Search&budget=35000&from=2026-01-05&to=2026-01-11" +
        "&planBudget=100000&planFrom=2026-01-05&planTo=2026-01-11&goal=conversions&max_0=30000" +
        "&lock=Video",
    );
  });

  it("shows what the page shows for the same query", () => {
    const view = loadReportView(scope, findReport(scope, report.id)!)!;
    const { values, ...live } = forecastPage(scope, new URLSearchParams(query));
    const { values: saved, ...data } = view.data as typeof live & { values: typeof values };
    expect(data).toEqual(JSON.parse(JSON.stringify(live)));
    // The forms are filled in with the saved fields; the other pages' fields are gone.
    expect(saved).toMatchObject({ channel: "Search", budget: "35000", lock: ["Video"] });
    expect(values.junk).toBe("x");
    expect(saved).not.toHaveProperty("junk");
  });

  it("exports the curves, the forecast and the plan", () => {
    const view = loadReportView(scope, findReport(scope, report.id)!)!;
    const [curves, forecast, plan] = reportTables(view);
    expect(curves?.name).toBe("response-curves");
    expect(curves?.rows.map((r) => [r[0], r[1]])).toEqual([
      ["Search", "ok"],
      ["Video", "ok"],
    ]);
    expect(forecast?.name).toBe("forecast");
    expect(forecast?.rows.slice(0, 2)).toEqual([
      ["budget", 35000, null, null],
      ["days", 7, null, null],
    ]);
    expect(plan?.name).toBe("plan");
    // Search is held under its maximum of 30,000 (to one grid step); Video is locked.
    const search = plan?.rows.find((r) => r[0] === "Search");
    expect(search?.[2]).toBeLessThanOrEqual(30000);
    expect(search?.[2]).toBeGreaterThan(30000 - 100);
    expect(search?.[4]).toBe("maximum");
    expect(plan?.rows.find((r) => r[0] === "Video")?.[4]).toBe("locked");
  });

  it("has only the curves when no form was sent", () => {
    const bare = createReport(scope, user.id, {
      kind: "forecast",
      title: "Curves",
      mode: "live",
      params: {},
    });
    const view = loadReportView(scope, findReport(scope, bare.id)!)!;
    expect(reportTables(view).map((t) => t.name)).toEqual(["response-curves"]);
  });
});
