// Per-host spacing and concurrency, measured where requests arrive: on servers on 127.0.0.1.
// These use the real clock with small delays. The limiter spaces the moments requests are
// started; arrival at the server adds a few ms of connection set-up that varies, so the
// bounds below allow 10 ms of slack.
import { afterEach, describe, expect, it } from "vitest";
import { createFetcher } from "#scrapers/fetch/fetch-page";
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

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

describe("fetchPage: politeness per host", () => {
  it("spaces requests to one host by the configured delay", async () => {
    server = await startServer({ "/1": html("1"), "/2": html("2"), "/3": html("3") });
    const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], perHostDelayMs: 100 });
    const origin = server.origin;
    await Promise.all(["/1", "/2", "/3"].map((p) => fetcher.fetchPage(`${origin}${p}`)));
    expect(server.paths()).toEqual(["/robots.txt", "/1", "/2", "/3"]);
    for (const gap of gaps(server.requests.map((r) => r.at)))
      expect(gap).toBeGreaterThanOrEqual(90);
  });

  it("honours a Crawl-delay larger than the default", async () => {
    server = await startServer({
      "/robots.txt": text("User-agent: Channelscope\nCrawl-delay: 0.2\n"),
      "/a": html("a"),
      "/b": html("b"),
    });
    const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], perHostDelayMs: 20 });
    await Promise.all([
      fetcher.fetchPage(`${server.origin}/a`),
      fetcher.fetchPage(`${server.origin}/b`),
    ]);
    // robots.txt -> /a is spaced by the default (the delay was learnt from that response);
    // /a -> /b by the Crawl-delay.
    const [, a = 0, b = 0] = server.requests.map((r) => r.at);
    expect(b - a).toBeGreaterThanOrEqual(190);
  });

  it("keeps one request in flight per host by default", async () => {
    server = await startServer({ "/x": slowPage(60), "/y": slowPage(60), "/z": slowPage(60) });
    const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], perHostDelayMs: 0 });
    await Promise.all(["/x", "/y", "/z"].map((p) => fetcher.fetchPage(`${server?.origin}${p}`)));
    expect(server.maxInFlight()).toBe(1);
  });

  it("allows more in flight when concurrency is raised", async () => {
    server = await startServer({ "/x": slowPage(60), "/y": slowPage(60), "/z": slowPage(60) });
    const fetcher = createFetcher({
      allowHosts: ["127.0.0.1"],
      perHostDelayMs: 0,
      perHostConcurrency: 3,
    });
    await Promise.all(["/x", "/y", "/z"].map((p) => fetcher.fetchPage(`${server?.origin}${p}`)));
    expect(server.maxInFlight()).toBe(3);
  });
});
