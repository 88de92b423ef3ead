// The Sites page's table of custom-source figures carries each metric's kind from the source
// that wrote it, so a percent metric is shown as a percent.
import { describe, expect, it } from "vitest";
import { upsertObservations } from "~/scraping/observations.server";
import { customFigures } from "~/scraping/site-queries.server";
import { addSource, scrapingTestDb } from "./support";

const { workspace } = scrapingTestDb();
const FETCHED = new Date("2026-11-21T09:00:00Z");
const site = { entityType: "site", period: "2026-11-21", url: "https://example.com/kpi" };

function customSource(scope: ReturnType<typeof workspace>, name: string, bounceType: string) {
  return addSource(scope, {
    name,
    adapter: "custom",
    config: {
      url: "https://example.com/kpi",
      entity: name,
      metrics: [
        { name: "bounce", selector: "#bounce", type: bounceType },
        { name: "session", selector: "#session", type: "duration" },
        { name: "followers", selector: "#followers", type: "integer" },
      ],
    },
    schedule: "0 * * * *",
  });
}

describe("customFigures", () => {
  it("gives each figure the type its own source defines", () => {
    const scope = workspace();
    const market = customSource(scope, "Acme Market", "percent");
    const other = customSource(scope, "Other Shop", "decimal");
    upsertObservations(
      scope,
      market.id,
      [
        { ...site, entity: "Acme Market", metric: "bounce", value: 0.034 },
        { ...site, entity: "Acme Market", metric: "session", value: 245 },
        { ...site, entity: "Acme Market", metric: "followers", value: 48_200 },
      ],
      FETCHED,
    );
    upsertObservations(
      scope,
      other.id,
      [{ ...site, entity: "Other Shop", metric: "bounce", value: 1.5 }],
      FETCHED,
    );
    const figures = customFigures(scope).map((r) => [r.entity, r.metric, r.value, r.kind]);
    expect(figures).toEqual([
      ["Acme Market", "bounce", 0.034, "percent"],
      ["Acme Market", "followers", 48_200, "integer"],
      ["Acme Market", "session", 245, "duration"],
      ["Other Shop", "bounce", 1.5, "decimal"],
    ]);
    expect(customFigures(scope)[0]).toMatchObject({
      sourceId: market.id,
      sourceName: "Acme Market",
      fetchedAt: FETCHED,
    });
  });
});
