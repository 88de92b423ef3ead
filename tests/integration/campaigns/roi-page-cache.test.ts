/** The Campaigns page's figures are worked out once per data version and choice of view. */
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { campaignRoiPage } from "~/campaigns/campaign-roi-page.server";
import { bumpDataVersion } from "~/data-version.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();

describe("campaignRoiPage", () => {
  it("reads the kept figures while the data are unchanged, and works them out after a change", () => {
    const scope = scopeTo(db, addWorkspace(db, "roi-cache"));
    const first = campaignRoiPage(scope, {});
    // The same figures object: not resampled.
    expect(campaignRoiPage(scope, {}).breakdown).toBe(first.breakdown);
    // Another breakdown is another answer.
    const byCampaign = campaignRoiPage(scope, { by: "campaign" });
    expect(byCampaign.filters.by).toBe("campaign");
    expect(byCampaign.breakdown).not.toBe(first.breakdown);
    const again = campaignRoiPage(scope, { by: "campaign" });
    expect(again.breakdown).toBe(byCampaign.breakdown);
    bumpDataVersion(scope);
    expect(campaignRoiPage(scope, { by: "campaign" }).breakdown).not.toBe(byCampaign.breakdown);
  });
});
