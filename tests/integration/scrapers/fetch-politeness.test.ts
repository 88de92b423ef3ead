// Per-host spacing and concurrency, measured where requests arrive: on servers on 127.0.0.1.
// Spacing is read on the fetcher's own clock, frozen except when the fetcher waits (see
// test-fetcher.ts): on the real clock, connection set-up on a loaded machine can delay one
// request's arrival more than the next one's, so a measured gap could be well under the
// delay the fetcher kept. Concurrency is seen by holding responses open at the server.
import { afterEach, describe, expect, it } from "vitest";
import { createFetcher } from "#scrapers/fetch/fetch-page";
import { testFetcher } from "./test-fetcher";
import { html, type Route, startServer, type TestServer, text } from "./test-server";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const slowPage =
  (ms: number): Route =>
  (_req, res) => {
    setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("ok"), ms);
  };

/**
 * Holds every response until `count` requests are waiting, then answers them all; a
 * response still held after `fallbackMs` is answered anyway, so a fetcher that sends
 * fewer at once fails the test instead of hanging it.
 */
function answerWhenHeld(count: number, fallbackMs = 5_000): Route {
  const held: Array<() => void> = [];
  return (_req, res) => {
    const answer = () => {
      if (!res.headersSent) res.writeHead(200, { "content-type": "text/html" }).end("ok");
    };
    const fallback = setTimeout(answer, fallbackMs);
    res.on("close", () => clearTimeout(fallback));
    held.push(answer);
    if (held.length >= count) for (const release of held.splice(0)) release();
  };
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

/** A test fetcher, and a server that stamps arrivals with that fetcher's clock. */
async function politeSetUp(routes: Record<string, Route>, perHostDelayMs: number) {
  const { fetcher, waits } = testFetcher({ perHostDelayMs });
  const fetcherClock = () => waits.reduce((sum, ms) => sum + ms, 0);
  server = await startServer(routes, "127.0.0.1", fetcherClock);
  return { fetcher, waits, server };
}

describe("fetchPage: politeness per host", () => {
  it("spaces requests to one host by the configured delay", async () => {
    const { fetcher, server } = await politeSetUp(
      { "/1": html("1"), "/2": html("2"), "/3": html("3") },
      100,
    );
    const origin = server.origin;
    await Promise.all(["/1", "/2", "/3"].map((p) => fetcher.fetchPage(`${origin}${p}`)));
    expect(server.paths()).toEqual(["/robots.txt", "/1", "/2", "/3"]);
    expect(gaps(server.requests.map((r) => r.at))).toEqual([100, 100, 100]);
  });

  it("honours a Crawl-delay larger than the default", async () => {
    const { fetcher, server } = await politeSetUp(
      {
        "/robots.txt": text("User-agent: Channelscope\nCrawl-delay: 0.2\n"),
        "/a": html("a"),
        "/b": html("b"),
      },
      20,
    );
    await Promise.all([
      fetcher.fetchPage(`${server.origin}/a`),
      fetcher.fetchPage(`${server.origin}/b`),
    ]);
    // robots.txt -> /a is spaced by the default (the delay was learnt from that response);
    // /a -> /b by the Crawl-delay.
    expect(server.paths()).toEqual(["/robots.txt", "/a", "/b"]);
    expect(gaps(server.requests.map((r) => r.at))).toEqual([20, 200]);
  });

  it("keeps one request in flight per host by default", async () => {
    server = await startServer({ "/x": slowPage(60), "/y": slowPage(60), "/z": slowPage(60) });
    const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], perHostDelayMs: 0 });
    await Promise.all(["/x", "/y", "/z"].map((p) => fetcher.fetchPage(`${server?.origin}${p}`)));
    expect(server.maxInFlight()).toBe(1);
  });

  it("allows more in flight when concurrency is raised", async () => {
    const allThree = answerWhenHeld(3);
    server = await startServer({ "/x": allThree, "/y": allThree, "/z": allThree });
    const fetcher = createFetcher({
      allowHosts: ["127.0.0.1"],
      perHostDelayMs: 0,
      perHostConcurrency: 3,
    });
    await Promise.all(["/x", "/y", "/z"].map((p) => fetcher.fetchPage(`${server?.origin}${p}`)));
    expect(server.maxInFlight()).toBe(3);
  });
});
