import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONTACT_URL,
  parseAllowHosts,
  readScraperEnv,
  userAgentFor,
} from "#scrapers/fetch/config";

describe("scraper config", () => {
  it("builds an honest User-Agent naming Channelscope and the contact URL", () => {
    expect(userAgentFor("https://example.org/bot")).toBe(
      "Channelscope/0.1 (+https://example.org/bot)",
    );
    expect(readScraperEnv({}).userAgent).toBe(`Channelscope/0.1 (+${DEFAULT_CONTACT_URL})`);
    expect(DEFAULT_CONTACT_URL).toBe("https://github.com/channelscope/channelscope");
  });

  it("reads SCRAPER_CONTACT_URL and refuses a non-http one", () => {
    expect(
      readScraperEnv({ SCRAPER_CONTACT_URL: "https://ops.example.org/crawler" }).contactUrl,
    ).toBe("https://ops.example.org/crawler");
    expect(() => readScraperEnv({ SCRAPER_CONTACT_URL: "mailto:ops@example.org" })).toThrow(
      /SCRAPER_CONTACT_URL/,
    );
  });

  it("splits SCRAPER_ALLOW_HOSTS into trimmed, lower-case entries", () => {
    expect(parseAllowHosts(" 127.0.0.1, Fixtures.TEST ,,[::1] ")).toEqual([
      "127.0.0.1",
      "fixtures.test",
      "::1",
    ]);
    expect(parseAllowHosts(undefined)).toEqual([]);
    expect(readScraperEnv({ SCRAPER_ALLOW_HOSTS: "127.0.0.1" }).allowHosts).toEqual(["127.0.0.1"]);
    expect(readScraperEnv({}).allowHosts).toEqual([]);
  });
});
