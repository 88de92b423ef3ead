import { describe, expect, it } from "vitest";
import { CustomConfigSchema, customAdapter, parseCustom } from "#scrapers/sources/custom";
import { adapterNeedsBrowser, LayoutChangedError } from "#scrapers/sources/types";
import { expandPattern, pageNumberOf } from "#scrapers/sources/url-pattern";
import { FETCHED_AT } from "../../../fixture-site/expected";
import { readPage } from "../../../fixture-site/pages";

const URL = "https://stats.acme-market.example/custom/report-2026-11-21.html";
const config = CustomConfigSchema.parse({
  url: "https://stats.acme-market.example/custom/report-{date}.html",
  entity: "acme-market",
  metrics: [
    { name: "followers", selector: "#followers", type: "integer" },
    { name: "avg_basket", selector: ".avg-basket", type: "decimal" },
    { name: "conversion", selector: '[data-kpi="conversion"]', type: "percent" },
    { name: "avg_session", selector: '[data-kpi="session"]', type: "duration" },
    { name: "longest_stream", selector: '[data-kpi="stream"]', type: "duration" },
    { name: "updated", selector: "#updated", type: "date", attribute: "datetime" },
    { name: "updated_text", selector: "#updated", type: "date" },
    { name: "marmara_stores", selector: ".stores__count", type: "integer" },
  ],
});

describe("custom adapter", () => {
  it("fills {date} with the run's day and chooses the browser from its config", () => {
    expect(customAdapter.urls(config, FETCHED_AT)).toEqual([URL]);
    expect(adapterNeedsBrowser(customAdapter, config)).toBe(false);
    expect(adapterNeedsBrowser(customAdapter, { ...config, mode: "browser" })).toBe(true);
  });

  it("reads each metric with its type", () => {
    const result = parseCustom(readPage("custom.html"), URL, config, FETCHED_AT);
    const base = { entityType: "site", entity: "acme-market", period: "2026-11-21", url: URL };
    expect(result).toEqual([
      { ...base, metric: "followers", value: 48_200 }, // "48.2K followers"
      { ...base, metric: "avg_basket", value: 1234.56 }, // "₺1.234,56"
      { ...base, metric: "conversion", value: 0.034 }, // "%3,4"
      { ...base, metric: "avg_session", value: 245 }, // "04:05"
      { ...base, metric: "longest_stream", value: 3720 }, // "1h 2m"
      { ...base, metric: "updated", value: null, textValue: "2026-11-20" }, // datetime attribute
      { ...base, metric: "updated_text", value: null, textValue: "2026-11-20" }, // "20.11.2026"
      { ...base, metric: "marmara_stores", value: 1204 }, // "1 204", first match
    ]);
  });

  it("names the metric and selector that matched nothing", () => {
    const parse = () => parseCustom(readPage("custom-changed.html"), URL, config, FETCHED_AT);
    expect(parse).toThrow(LayoutChangedError);
    expect(parse).toThrow(
      'layout changed: metric "followers": selector "#followers" matched nothing',
    );
  });

  it("names the metric whose text is not of its type", () => {
    const html = readPage("custom.html").replace("%3,4", "n/a");
    expect(() => parseCustom(html, URL, config, FETCHED_AT)).toThrow(
      'metric "conversion": "n/a" at selector "[data-kpi="conversion"]" is not a percent',
    );
  });

  it("keeps pages apart with {page}, and uses the host when no entity is given", () => {
    const paged = CustomConfigSchema.parse({
      url: "https://x.example/list?p={page}&d={date}",
      pages: 3,
      metrics: [{ name: "followers", selector: "#followers", type: "integer" }],
    });
    const urls = customAdapter.urls(paged, FETCHED_AT);
    expect(urls).toEqual([
      "https://x.example/list?p=1&d=2026-11-21",
      "https://x.example/list?p=2&d=2026-11-21",
      "https://x.example/list?p=3&d=2026-11-21",
    ]);
    const [observation] = parseCustom(readPage("custom.html"), urls[1] ?? "", paged, FETCHED_AT);
    expect(observation?.entity).toBe("x.example (page 2)");
  });

  it("validates the config: URL, selectors, unique metric names", () => {
    const metric = { name: "a", selector: "#a", type: "integer" };
    expect(CustomConfigSchema.safeParse({ url: "ftp://x/{date}", metrics: [metric] }).success).toBe(
      false,
    );
    expect(
      CustomConfigSchema.safeParse({ url: "https://x", metrics: [{ ...metric, selector: "##" }] })
        .success,
    ).toBe(false);
    expect(
      CustomConfigSchema.safeParse({ url: "https://x", metrics: [metric, metric] }).success,
    ).toBe(false);
    expect(CustomConfigSchema.safeParse({ url: "https://x", metrics: [metric] }).success).toBe(
      true,
    );
  });
});

describe("url patterns", () => {
  it("expands {page} only when present and reads the page number back", () => {
    expect(expandPattern("https://x/a", 3, FETCHED_AT)).toEqual(["https://x/a"]);
    expect(pageNumberOf("https://x/{date}/p{page}.html", "https://x/2026-11-21/p12.html")).toBe(12);
    expect(pageNumberOf("https://x/p{page}.html", "https://y/p12.html")).toBeUndefined();
  });
});
