// The guard against real sockets, all on loopback: 127.0.0.1 is allow-listed; a second
// server on 127.0.0.2 (also loopback on Linux) is not, and must never see a connection.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ResolvedAddress } from "#scrapers/fetch/address-guard";
import { BlockedAddressError } from "#scrapers/fetch/errors";
import { testFetcher } from "./test-fetcher";
import { html, startServer, type TestServer } from "./test-server";

let allowed: TestServer;
let forbidden: TestServer;
beforeEach(async () => {
  forbidden = await startServer(
    { "/": html("should never be served"), "/robots.txt": html("", 404) },
    "127.0.0.2",
  );
  allowed = await startServer({
    "/to-forbidden": html("", 302, { location: `http://127.0.0.2:${forbidden.port}/` }),
    "/to-mapped": html("", 302, { location: `http://[::ffff:127.0.0.2]:${forbidden.port}/` }),
    "/to-decimal": html("", 302, { location: `http://2130706434:${forbidden.port}/` }),
    "/page": html("fine"),
  });
});
afterEach(async () => {
  await allowed.close();
  await forbidden.close();
});

describe("fetchPage: address guard", () => {
  it.each(["/to-forbidden", "/to-mapped", "/to-decimal"])(
    "refuses a redirect (%s) to a loopback address that is not allow-listed, before connecting",
    async (path) => {
      const error = await testFetcher()
        .fetcher.fetchPage(`${allowed.origin}${path}`)
        .catch((e) => e);
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect(error.range).toMatch(/^loopback \(127\.0\.0\.0\/8\)/);
      expect(error.message).toContain("refused to connect to");
      expect(allowed.paths()).toEqual(["/robots.txt", path]);
      expect(forbidden.connections()).toBe(0);
    },
  );

  it("refuses a first URL on a forbidden address", async () => {
    const error = await testFetcher()
      .fetcher.fetchPage(`${forbidden.origin}/`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ host: "127.0.0.2", address: "127.0.0.2" });
    expect(forbidden.connections()).toBe(0);
  });

  it("refuses even 127.0.0.1 when the allow-list is empty", async () => {
    const error = await testFetcher({ allowHosts: [] })
      .fetcher.fetchPage(`${allowed.origin}/page`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(allowed.connections()).toBe(0);
  });

  it("connects to exactly the address it checked, never resolving the name again", async () => {
    // ".invalid" never resolves in DNS, so success proves the socket used our pinned answer.
    const calls: string[] = [];
    const resolve = async (host: string): Promise<ResolvedAddress[]> => {
      calls.push(host);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const page = await testFetcher({ resolve }).fetcher.fetchPage(
      `http://pinned.invalid:${allowed.port}/page`,
    );
    expect(page.body).toBe("fine");
    expect(calls).toEqual(["pinned.invalid", "pinned.invalid"]); // robots.txt, then the page
    expect(allowed.requests.map((r) => r.headers.host)).toEqual([
      `pinned.invalid:${allowed.port}`,
      `pinned.invalid:${allowed.port}`,
    ]);
  });

  it("re-checks on every request, so a name that rebinds to a forbidden address is refused", async () => {
    const answers = ["127.0.0.1", "127.0.0.2"];
    const resolve = async (): Promise<ResolvedAddress[]> => [
      { address: answers.shift() ?? "127.0.0.2", family: 4 },
    ];
    // First answer (for robots.txt) is the allow-listed server; the second (for the page)
    // is not. Were it not re-checked, the page request would go to 127.0.0.2.
    const url = `http://rebind.invalid:${allowed.port}/page`;
    const error = await testFetcher({ resolve })
      .fetcher.fetchPage(url)
      .catch((e) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ host: "rebind.invalid", address: "127.0.0.2" });
    expect(allowed.paths()).toEqual(["/robots.txt"]);
    expect(forbidden.connections()).toBe(0);
  });
});
