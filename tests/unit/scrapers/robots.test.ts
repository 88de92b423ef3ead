import { describe, expect, it } from "vitest";
import { BlockedAddressError } from "#scrapers/fetch/errors";
import {
  policyFromResponse,
  RobotsCache,
  type RobotsResponse,
  robotsUrlFor,
  verdictFor,
} from "#scrapers/fetch/robots";

const ROBOTS = [
  "User-agent: *", // line 1
  "Disallow: /private", // line 2
  "",
  "User-agent: Channelscope", // line 4
  "Disallow: /no-channelscope", // line 5
  "Allow: /no-channelscope/open", // line 6
  "Crawl-delay: 3", // line 7
].join("\n");

const ORIGIN = "https://shop.test";

describe("robotsUrlFor", () => {
  it("is /robots.txt on the same origin, port kept", () => {
    expect(robotsUrlFor(new URL("http://a.test:8080/x/y?q=1#f"))).toBe(
      "http://a.test:8080/robots.txt",
    );
  });
});

describe("verdictFor", () => {
  const policy = policyFromResponse(`${ORIGIN}/robots.txt`, { status: 200, body: ROBOTS });

  it("applies the Channelscope group instead of the * group", () => {
    expect(verdictFor(policy, `${ORIGIN}/private`, "Channelscope").allowed).toBe(true);
    expect(verdictFor(policy, `${ORIGIN}/no-channelscope/page`, "Channelscope")).toMatchObject({
      allowed: false,
      reason: "robots.txt line 5",
    });
    expect(verdictFor(policy, `${ORIGIN}/no-channelscope/open/x`, "Channelscope")).toMatchObject({
      allowed: true,
      reason: "robots.txt line 6",
    });
    // Another crawler falls into the * group.
    expect(verdictFor(policy, `${ORIGIN}/private`, "OtherBot").allowed).toBe(false);
  });

  it("reports Crawl-delay in milliseconds", () => {
    expect(verdictFor(policy, `${ORIGIN}/`, "Channelscope").crawlDelayMs).toBe(3000);
    expect(verdictFor(policy, `${ORIGIN}/`, "OtherBot").crawlDelayMs).toBeUndefined();
  });

  it("refuses URLs of another origin", () => {
    expect(verdictFor(policy, "https://elsewhere.test/", "Channelscope").allowed).toBe(false);
    expect(verdictFor(policy, "http://shop.test/", "Channelscope").allowed).toBe(false);
  });
});

describe("policyFromResponse", () => {
  const robotsUrl = `${ORIGIN}/robots.txt`;
  it.each([
    [404, "allow-all"],
    [410, "allow-all"],
    [401, "allow-all"],
    [429, "disallow-all"],
    [500, "disallow-all"],
    [503, "disallow-all"],
  ])("HTTP %i means %s", (status, kind) => {
    expect(policyFromResponse(robotsUrl, { status, body: "" }).kind).toBe(kind);
  });

  it("an empty robots.txt allows everything", () => {
    const policy = policyFromResponse(robotsUrl, { status: 200, body: "" });
    expect(verdictFor(policy, `${ORIGIN}/anything`, "Channelscope").allowed).toBe(true);
  });
});

function cacheWith(answers: Array<RobotsResponse | Error>) {
  let time = 0;
  const requested: string[] = [];
  const cache = new RobotsCache({
    productToken: "Channelscope",
    now: () => time,
    ttlMs: 24 * 3_600_000,
    errorTtlMs: 3_600_000,
    fetchRobots: async (url) => {
      requested.push(url);
      const answer = answers.shift() ?? new Error("no more answers");
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { cache, requested, advance: (ms: number) => (time += ms) };
}

describe("RobotsCache", () => {
  const page = new URL(`${ORIGIN}/page`);

  it("keeps a good robots.txt for 24 hours per origin", async () => {
    const { cache, requested, advance } = cacheWith([
      { status: 200, body: "User-agent: *\nDisallow: /page" },
      { status: 200, body: "" },
    ]);
    expect((await cache.check(page)).allowed).toBe(false);
    advance(24 * 3_600_000 - 1);
    expect((await cache.check(page)).allowed).toBe(false);
    expect(requested).toEqual([`${ORIGIN}/robots.txt`]);
    advance(1);
    expect((await cache.check(page)).allowed).toBe(true);
    expect(requested).toHaveLength(2);
  });

  it("disallows everything after a server error, and asks again after the error TTL", async () => {
    const { cache, requested, advance } = cacheWith([
      { status: 503, body: "" },
      { status: 404, body: "" },
    ]);
    expect(await cache.check(page)).toEqual({
      allowed: false,
      reason: "robots.txt answered HTTP 503",
    });
    advance(3_600_000 - 1);
    expect((await cache.check(page)).allowed).toBe(false);
    advance(1);
    expect((await cache.check(page)).allowed).toBe(true);
    expect(requested).toHaveLength(2);
  });

  it("disallows everything when robots.txt cannot be fetched", async () => {
    const { cache } = cacheWith([new Error("connect ECONNREFUSED")]);
    expect(await cache.check(page)).toEqual({
      allowed: false,
      reason: "robots.txt could not be fetched: connect ECONNREFUSED",
    });
  });

  it("shares one request between concurrent checks of one origin", async () => {
    const { cache, requested } = cacheWith([{ status: 404, body: "" }]);
    await Promise.all([cache.check(page), cache.check(new URL(`${ORIGIN}/other`))]);
    expect(requested).toHaveLength(1);
  });

  it("caches per origin, so another port is asked separately", async () => {
    const { cache, requested } = cacheWith([
      { status: 404, body: "" },
      { status: 404, body: "" },
    ]);
    await cache.check(new URL("http://a.test/"));
    await cache.check(new URL("http://a.test:8080/"));
    expect(requested).toEqual(["http://a.test/robots.txt", "http://a.test:8080/robots.txt"]);
  });

  it("passes a blocked address through and does not cache it", async () => {
    const blocked = new BlockedAddressError(
      `${ORIGIN}/robots.txt`,
      "shop.test",
      "10.0.0.1",
      "private",
    );
    const { cache, requested } = cacheWith([blocked, { status: 404, body: "" }]);
    await expect(cache.check(page)).rejects.toBe(blocked);
    expect((await cache.check(page)).allowed).toBe(true);
    expect(requested).toHaveLength(2);
  });
});
