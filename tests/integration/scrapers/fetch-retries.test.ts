// Retries against a server on 127.0.0.1; waits are recorded by the test fetcher, not slept.
import { afterEach, describe, expect, it } from "vitest";
import { HttpStatusError, TimeoutError } from "#scrapers/fetch/errors";
import { testFetcher } from "./test-fetcher";
import { html, type Route, sequence, startServer, type TestServer } from "./test-server";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const status =
  (code: number, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(code, { "content-type": "text/plain", ...headers }).end(`HTTP ${code}`);
  };

describe("fetchPage: retries", () => {
  it("waits as Retry-After (seconds) says after a 429, then succeeds", async () => {
    server = await startServer({
      "/busy": sequence(status(429, { "retry-after": "2" }), html("ok")),
    });
    const { fetcher, waits } = testFetcher();
    const page = await fetcher.fetchPage(`${server.origin}/busy`);
    expect(page).toMatchObject({ status: 200, body: "ok", attempts: 2 });
    expect(waits).toEqual([2000]);
    expect(fetcher.stats()).toMatchObject({ pagesFetched: 1, retries: 1 });
  });

  it("reads Retry-After as an HTTP date and caps it", async () => {
    // The server dates its answer by the fetcher's clock (frozen unless the fetcher waits),
    // not the real one: real time passing between the two would change the wait.
    let clock = Date.UTC(2026, 10, 21, 12, 0, 0, 250);
    const datedWaits: number[] = [];
    const dated: Route = (_req, res) => {
      res.writeHead(503, { "retry-after": new Date(clock + 10_000).toUTCString() }).end();
    };
    server = await startServer({
      "/dated": sequence(dated, html("ok")),
      "/capped": sequence(status(429, { "retry-after": "3600" }), html("ok")),
    });
    const { fetcher, waits } = testFetcher({ maxRetryAfterMs: 5_000 });
    await fetcher.fetchPage(`${server.origin}/capped`);
    expect(waits).toEqual([5_000]);
    const { fetcher: second } = testFetcher({
      now: () => clock,
      sleep: async (ms) => {
        datedWaits.push(ms);
        clock += ms;
      },
    });
    await second.fetchPage(`${server.origin}/dated`);
    // HTTP dates have whole seconds: 12:00:00.250 + 10 s is sent as 12:00:10, 9.75 s away.
    expect(datedWaits).toEqual([9_750]);
  });

  it("backs off with jitter after a 500, then succeeds", async () => {
    server = await startServer({ "/flaky": sequence(status(500), html("recovered")) });
    const { fetcher, waits } = testFetcher();
    const page = await fetcher.fetchPage(`${server.origin}/flaky`);
    expect(page.body).toBe("recovered");
    expect(page.attempts).toBe(2);
    // random() = 0.5 and base 1000 ms: half of 1000 for the first retry.
    expect(waits).toEqual([500]);
  });

  it("gives up after maxAttempts with the last status", async () => {
    server = await startServer({ "/down": status(502) });
    const { fetcher, waits } = testFetcher({ maxAttempts: 3 });
    const error = await fetcher.fetchPage(`${server.origin}/down`).catch((e) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ status: 502, attempts: 3 });
    expect(error.message).toBe(`HTTP 502 from ${server.origin}/down after 3 attempts`);
    expect(server.paths().filter((p) => p === "/down")).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
    expect(fetcher.stats()).toMatchObject({ pagesFetched: 0, retries: 2 });
  });

  it("retries a dropped connection", async () => {
    const drop: Route = (req) => req.socket.destroy();
    server = await startServer({ "/drop": sequence(drop, html("second time lucky")) });
    const page = await testFetcher().fetcher.fetchPage(`${server.origin}/drop`);
    expect(page).toMatchObject({ body: "second time lucky", attempts: 2 });
  });

  it("retries a timeout, and reports the timeout when it persists", async () => {
    const pending: Array<() => void> = [];
    const hang: Route = (_req, res) => pending.push(() => res.destroy());
    server = await startServer({ "/hang": hang });
    // Not much shorter: the timeout also covers the robots.txt request, which must not
    // expire on a loaded machine (robots.txt unreachable = disallowed, a different error).
    const { fetcher } = testFetcher({ timeoutMs: 1_000, maxAttempts: 2 });
    const error = await fetcher.fetchPage(`${server.origin}/hang`).catch((e) => e);
    for (const release of pending) release();
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.paths().filter((p) => p === "/hang")).toHaveLength(2);
  });
});
