import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { forecastPage } from "~/campaigns/forecast-page.server";
import { englishInside } from "~/i18n/english";
import { writeKnownCampaigns } from "../../helpers/campaign-curves";
import { countOf, setUpIngest } from "../ingest/support";

const { db, dir, workspaceId, importOk } = setUpIngest("page");
await importOk("campaigns", writeKnownCampaigns(dir));
const emptyWorkspace = db
  .insert(schema.workspaces)
  .values({ slug: "empty", name: "Empty" })
  .returning()
  .get();

const page = (query: string) => forecastPage(scopeTo(db, workspaceId), new URLSearchParams(query));

describe("Forecast page data", () => {
  it("shows each channel's fit, curve and the default dates", () => {
    const data = page("");
    expect(data.defaults).toEqual({ from: "2026-01-05", to: "2026-02-03" });
    expect(data.channels.map((c) => [c.channel, c.conversions.status])).toEqual([
      ["Search", "ok"],
      ["Video", "ok"],
    ]);
    expect(data.channels[0]?.curve).toHaveLength(41);
    expect(data.forecast).toBeNull();
    expect(data.plan).toBeNull();
  });

  it("forecasts from the form", () => {
    const data = page("channel=Search&budget=35000&from=2026-01-05&to=2026-01-11");
    expect(data.forecast?.errors).toEqual({});
    expect(data.forecast?.result?.days).toBe(7);
  });

  it.each([
    [
      "channel=Search&budget=-1&from=2026-01-05&to=2026-01-11",
      { budget: "The budget must be 0 or more" },
    ],
    [
      "channel=Search&budget=10&from=2026-01-11&to=2026-01-05",
      { to: "The end date is before the start date" },
    ],
    [
      "channel=Radio&budget=10&from=2026-01-05&to=2026-01-11",
      { form: 'Unknown channel "Radio"; the campaigns name: Search, Video.' },
    ],
    [
      "channel=Search&budget=10&from=2025-06-01&to=2025-06-11",
      {
        form: "The plan starts on 2025-06-01, inside the campaign history (which ends on 2026-01-04); start after 2026-01-04.",
      },
    ],
  ])("explains a bad forecast form %#", (query, errors) => {
    const forecast = page(query).forecast;
    expect(forecast?.result).toBeNull();
    expect(englishInside(forecast?.errors)).toEqual(errors);
  });

  it("plans from the form with a bound and a lock", () => {
    const data = page(
      "planBudget=100000&planFrom=2026-01-05&planTo=2026-01-11&goal=conversions&min_0=&max_0=30000&lock=Video",
    );
    expect(data.plan?.errors).toEqual({});
    const [search, video] = data.plan?.result?.channels ?? [];
    // On the grid (1,000 steps of the unlocked budget) the bound is met to one step.
    expect(search?.planned).toBeLessThanOrEqual(30000);
    expect(search?.planned).toBeGreaterThan(30000 - 100);
    expect(search?.binding).toBe("maximum");
    expect(video?.binding).toBe("locked");
  });

  it("explains a bad plan form", () => {
    expect(
      englishInside(
        page("planBudget=100&planFrom=2026-01-05&planTo=2026-01-11&goal=cpa&max_1=lots").plan,
      ),
    ).toEqual({
      errors: {
        target: "A CPA or ROAS goal needs a target",
        max_1: "A sum (5000) or a multiple of current spend (1.5x)",
      },
      result: null,
    });
  });

  it("says there is nothing to fit in a workspace without campaigns, storing nothing", () => {
    const data = forecastPage(scopeTo(db, emptyWorkspace.id), new URLSearchParams(""));
    expect(data.channels).toEqual([]);
    expect(data.defaults).toBeNull();
    expect(countOf(db, "analysis_runs", emptyWorkspace.id)).toBe(0);
  });
});
