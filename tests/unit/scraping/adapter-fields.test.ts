// The Scrapers form posted back as each adapter's config, checked by the adapter's schema.
import { describe, expect, it } from "vitest";
import { adapters } from "#scrapers/sources/index";
import { configFromForm } from "~/scraping/adapter-fields";
import { channelKey } from "~/scraping/channel-queries.server";

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("configFromForm", () => {
  it("leaves empty fields out so the adapter's defaults apply", () => {
    const config = configFromForm("telegram", form({ channel: " @Acme_News ", baseUrl: "" }));
    expect(config).toEqual({ channel: "@Acme_News" });
    expect(adapters.telegram.configSchema.parse(config)).toEqual({
      channel: "acme_news",
      baseUrl: "https://t.me",
    });
  });

  it("splits keyword lists", () => {
    const config = configFromForm(
      "trends",
      form({ keywords: "kredi kartı, ihtiyaç kredisi,", geo: "tr" }),
    );
    expect(adapters.trends.configSchema.parse(config)).toMatchObject({
      keywords: ["kredi kartı", "ihtiyaç kredisi"],
      geo: "TR",
    });
  });

  it("collects the filled metric rows of a custom source", () => {
    const config = configFromForm(
      "custom",
      form({
        url: "http://127.0.0.1:4100/custom/report.html",
        mode: "static",
        pages: "1",
        metric_name_0: "followers",
        metric_selector_0: "#followers",
        metric_type_0: "integer",
        metric_name_2: "conversion",
        metric_selector_2: '[data-kpi="conversion"]',
        metric_type_2: "percent",
      }),
    );
    expect(adapters.custom.configSchema.parse(config)).toMatchObject({
      mode: "static",
      pages: 1,
      metrics: [
        { name: "followers", selector: "#followers", type: "integer" },
        { name: "conversion", selector: '[data-kpi="conversion"]', type: "percent" },
      ],
    });
  });
});

describe("channelKey", () => {
  it("reads a handle, an @name, a URL and a title the same way", () => {
    expect(channelKey("@Acme_News")).toBe("acme_news");
    expect(channelKey("https://t.me/s/acme_news")).toBe("acme_news");
    expect(channelKey("https://www.youtube.com/@acmebank/videos")).toBe("acmebank");
    expect(channelKey(" Acme Bank News ")).toBe("acme bank news");
  });
});
