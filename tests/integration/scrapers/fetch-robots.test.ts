// robots.txt handling against a server on 127.0.0.1.
import { afterEach, describe, expect, it } from "vitest";
import { RobotsDisallowedError } from "#scrapers/fetch/errors";
import { testFetcher } from "./test-fetcher";
import { html, startServer, type TestServer, text } from "./test-server";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ROBOTS = "User-agent: *\nDisallow: /\n\nUser-agent: Channelscope\nDisallow: /private\n";

describe("fetchPage: robots.txt", () => {
  it("refuses a disallowed path without requesting it", async () => {
    server = await startServer({ "/robots.txt": text(ROBOTS), "/private/page": html("secret") });
    const error = await testFetcher()
      .fetcher.fetchPage(`${server.origin}/private/page`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect(error.message).toBe(
      `robots.txt does not allow fetching ${server.origin}/private/page (robots.txt line 5)`,
    );
    expect(server.paths()).toEqual(["/robots.txt"]);
  });

  it("allows what the Channelscope group allows and asks robots.txt once per origin", async () => {
    server = await startServer({
      "/robots.txt": text(ROBOTS),
      "/public": html("a"),
      "/other": html("b"),
    });
    const { fetcher } = testFetcher();
    await fetcher.fetchPage(`${server.origin}/public`);
    await fetcher.fetchPage(`${server.origin}/other`);
    expect(server.paths()).toEqual(["/robots.txt", "/public", "/other"]);
    expect(fetcher.stats().robotsFetches).toBe(1);
  });

  it("treats a 5xx robots.txt as disallow-all", async () => {
    server = await startServer({ "/robots.txt": text("oops", 500), "/page": html("x") });
    const error = await testFetcher()
      .fetcher.fetchPage(`${server.origin}/page`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect(error.reason).toBe("robots.txt answered HTTP 500");
    expect(server.paths()).toEqual(["/robots.txt"]);
  });

  it("treats a 404 robots.txt as allow-all", async () => {
    server = await startServer({ "/page": html("x") });
    const page = await testFetcher().fetcher.fetchPage(`${server.origin}/page`);
    expect(page.body).toBe("x");
    expect(server.paths()).toEqual(["/robots.txt", "/page"]);
  });

  it("checks robots.txt again for each redirect target", async () => {
    server = await startServer({
      "/robots.txt": text(ROBOTS),
      "/go": html("", 302, { location: "/private/landing" }),
      "/private/landing": html("secret"),
    });
    const error = await testFetcher()
      .fetcher.fetchPage(`${server.origin}/go`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect(server.paths()).toEqual(["/robots.txt", "/go"]);
  });
});
