// Which kind of number a scraped site metric is: from a custom source's config (each metric's
// value type), else from the fixed metrics of the site-statistics adapter.
import { describe, expect, it } from "vitest";
import { customMetricKinds, metricKindOf, siteStatsMetricKind } from "~/scraping/metric-kinds";

const customConfig = {
  url: "https://example.com/report.html",
  metrics: [
    { name: "followers", selector: "#followers", type: "integer" },
    { name: "bounce", selector: "#bounce", type: "percent" },
    { name: "session", selector: "#session", type: "duration" },
  ],
};

describe("customMetricKinds", () => {
  it("maps each custom source's metrics to their value types", () => {
    const kinds = customMetricKinds([
      { id: 7, adapter: "custom", config: customConfig },
      { id: 8, adapter: "custom", config: { metrics: [{ name: "bounce", type: "decimal" }] } },
    ]);
    expect([...(kinds.get(7) ?? [])]).toEqual([
      ["followers", "integer"],
      ["bounce", "percent"],
      ["session", "duration"],
    ]);
    // The same metric name can be a different kind in another source.
    expect(kinds.get(8)?.get("bounce")).toBe("decimal");
  });

  it("skips other adapters and configs that are not a custom config", () => {
    const kinds = customMetricKinds([
      { id: 1, adapter: "site-stats", config: { metrics: customConfig.metrics } },
      { id: 2, adapter: "custom", config: { metrics: [{ name: "x", type: "fraction" }] } },
      { id: 3, adapter: "custom", config: null },
    ]);
    expect(kinds.size).toBe(0);
  });
});

describe("siteStatsMetricKind", () => {
  it("knows the metrics the site-statistics adapter writes", () => {
    expect(siteStatsMetricKind("bounce_rate")).toBe("percent");
    expect(siteStatsMetricKind("traffic_share.search")).toBe("percent");
    expect(siteStatsMetricKind("country_share.TR")).toBe("percent");
    expect(siteStatsMetricKind("avg_visit_duration")).toBe("duration");
    expect(siteStatsMetricKind("pages_per_visit")).toBe("decimal");
    expect(siteStatsMetricKind("visits")).toBe("integer");
    expect(siteStatsMetricKind("followers")).toBeNull();
  });
});

describe("metricKindOf", () => {
  const kinds = customMetricKinds([{ id: 7, adapter: "custom", config: customConfig }]);

  it("takes the custom source's type for its own metrics", () => {
    expect(metricKindOf({ metric: "bounce", sourceId: 7, sourceAdapter: "custom" }, kinds)).toBe(
      "percent",
    );
    // A custom metric named like a built-in one keeps the type its source gives it.
    const decimalBounce = customMetricKinds([
      { id: 9, adapter: "custom", config: { metrics: [{ name: "bounce_rate", type: "decimal" }] } },
    ]);
    expect(
      metricKindOf({ metric: "bounce_rate", sourceId: 9, sourceAdapter: "custom" }, decimalBounce),
    ).toBe("decimal");
  });

  it("falls back to the built-in kinds only for site-statistics rows", () => {
    expect(
      metricKindOf({ metric: "bounce_rate", sourceId: 3, sourceAdapter: "site-stats" }, kinds),
    ).toBe("percent");
    expect(
      metricKindOf({ metric: "bounce_rate", sourceId: null, sourceAdapter: null }, kinds),
    ).toBe(null);
    expect(metricKindOf({ metric: "unknown", sourceId: 7, sourceAdapter: "custom" }, kinds)).toBe(
      null,
    );
  });
});
