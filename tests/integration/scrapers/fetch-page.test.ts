// Everything here talks to servers started by the test on 127.0.0.1 only.
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { readScraperEnv } from "#scrapers/fetch/config";
import {
  ContentTypeError,
  HttpStatusError,
  ResponseTooLargeError,
  TimeoutError,
  TooManyRedirectsError,
} from "#scrapers/fetch/errors";
import { testFetcher } from "./test-fetcher";
import { html, type Route, startServer, type TestServer } from "./test-server";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("fetchPage: the happy path", () => {
  it("returns the decoded page with an honest User-Agent", async () => {
    server = await startServer({ "/page": html("<h1>Hello</h1>") });
    const before = Date.now();
    const { fetcher } = testFetcher({ userAgent: undefined });
    const page = await fetcher.fetchPage(`${server.origin}/page`);
    expect(page).toMatchObject({
      url: `${server.origin}/page`,
      status: 200,
      body: "<h1>Hello</h1>",
      bytes: 14,
      attempts: 1,
    });
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.fetchedAt.getTime()).toBeGreaterThanOrEqual(before);
    const agents = server.requests.map((r) => r.headers["user-agent"]);
    expect(server.paths()).toEqual(["/robots.txt", "/page"]);
    expect(agents).toEqual([readScraperEnv().userAgent, readScraperEnv().userAgent]);
    expect(agents[0]).toMatch(/^Channelscope\/0\.1 \(\+https?:\/\/\S+\)$/);
    expect(fetcher.stats()).toEqual({
      pagesFetched: 1,
      retries: 0,
      redirects: 0,
      robotsFetches: 1,
    });
  });

  it("decodes gzip and a legacy charset declared in <meta>", async () => {
    // "café" in windows-1252, declared only in the page itself.
    const body = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from("</p>"),
    ]);
    server = await startServer({
      "/legacy": (_req, res) => {
        res
          .writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" })
          .end(gzipSync(body));
      },
    });
    const page = await testFetcher().fetcher.fetchPage(`${server.origin}/legacy`);
    expect(page.body).toBe('<meta charset="windows-1252"><p>café</p>');
    expect(page.bytes).toBe(body.length);
  });

  it("follows redirects and reports the final URL", async () => {
    server = await startServer({
      "/a": html("", 301, { location: "/b" }),
      "/b": html("", 302, { location: "/c#fragment" }),
      "/c": html("final"),
    });
    const { fetcher } = testFetcher();
    const page = await fetcher.fetchPage(`${server.origin}/a`);
    expect(page.url).toBe(`${server.origin}/c`);
    expect(page.body).toBe("final");
    expect(fetcher.stats().redirects).toBe(2);
  });

  it("stops after 5 redirects", async () => {
    server = await startServer({ "/loop": html("", 302, { location: "/loop" }) });
    const error = await testFetcher()
      .fetcher.fetchPage(`${server.origin}/loop`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(TooManyRedirectsError);
    expect(server.paths().filter((p) => p === "/loop")).toHaveLength(6);
  });

  it("close() aborts a request in flight", async () => {
    const pending: Array<() => void> = [];
    server = await startServer({ "/hang": (_req, res) => pending.push(() => res.destroy()) });
    const { fetcher } = testFetcher();
    const inFlight = fetcher.fetchPage(`${server.origin}/hang`).catch((e) => e);
    while (!server.paths().includes("/hang")) await new Promise((r) => setTimeout(r, 5));
    await fetcher.close();
    const error = await inFlight;
    for (const release of pending) release();
    expect(error.message).toBe(`fetcher closed while fetching ${server.origin}/hang`);
  });

  it("refuses use after close", async () => {
    const { fetcher } = testFetcher();
    await fetcher.close();
    await expect(fetcher.fetchPage("http://127.0.0.1:9/")).rejects.toThrow(/fetcher is closed/);
  });
});

describe("fetchPage: limits", () => {
  it("times out a slow response", async () => {
    const timers: NodeJS.Timeout[] = [];
    const slow: Route = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>first bytes");
      timers.push(setTimeout(() => res.end("</p>"), 30_000));
    };
    server = await startServer({ "/slow": slow });
    // The timeout also covers the robots.txt request before the page: a much shorter one
    // could expire there on a loaded machine (robots.txt unreachable = disallowed).
    const { fetcher } = testFetcher({ timeoutMs: 1_000, maxAttempts: 1 });
    const started = Date.now();
    const error = await fetcher.fetchPage(`${server.origin}/slow`).catch((e) => e);
    timers.forEach(clearTimeout);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain("timed out after 1000 ms");
    // Gave up long before the body would have ended.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("aborts a huge streamed response at the size limit", async () => {
    let abortedEarly = false;
    let serverSawClose: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      serverSawClose = resolve;
    });
    const huge: Route = (_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const total = 20 * 1024 * 1024;
      res.writeHead(200, { "content-type": "text/html" }); // chunked, no content-length
      const pump = () => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        if (sent < total) abortedEarly = true;
        else res.end();
      };
      res.on("close", () => {
        if (sent < total) abortedEarly = true;
        serverSawClose();
      });
      pump();
    };
    server = await startServer({ "/huge": huge });
    const error = await testFetcher({ maxBytes: 100_000 })
      .fetcher.fetchPage(`${server.origin}/huge`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toMatch(/^response too large/);
    // The server learns of the abort a moment later (how long depends on the machine).
    await closed;
    expect(abortedEarly).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading it", async () => {
    server = await startServer({
      "/declared": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "content-length": "900000" }).write("x");
      },
    });
    const error = await testFetcher({ maxBytes: 100_000 })
      .fetcher.fetchPage(`${server.origin}/declared`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it("counts decompressed bytes, so a gzip bomb stops at the limit", async () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    server = await startServer({
      "/bomb": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(bomb);
      },
    });
    const error = await testFetcher({ maxBytes: 100_000 })
      .fetcher.fetchPage(`${server.origin}/bomb`)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it("checks the content type against what the call accepts", async () => {
    const json: Route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end('{"a":1}');
    };
    const pdf: Route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
    };
    const untyped: Route = (_req, res) => res.writeHead(200).end("?");
    server = await startServer({ "/data.json": json, "/file.pdf": pdf, "/untyped": untyped });
    const { fetcher } = testFetcher();
    const wrong = await fetcher.fetchPage(`${server.origin}/file.pdf`).catch((e) => e);
    expect(wrong).toBeInstanceOf(ContentTypeError);
    expect(wrong.message).toContain('"application/pdf"');
    expect(wrong.message).toContain("text/html, application/xhtml+xml");
    await expect(fetcher.fetchPage(`${server.origin}/data.json`)).rejects.toBeInstanceOf(
      ContentTypeError,
    );
    await expect(fetcher.fetchPage(`${server.origin}/untyped`)).rejects.toBeInstanceOf(
      ContentTypeError,
    );
    const page = await fetcher.fetchPage(`${server.origin}/data.json`, {
      accept: ["application/json"],
    });
    expect(JSON.parse(page.body)).toEqual({ a: 1 });
    expect(server.requests.at(-1)?.headers.accept).toBe("application/json");
  });

  it("does not retry a 404", async () => {
    server = await startServer({});
    const { fetcher, waits } = testFetcher();
    const error = await fetcher.fetchPage(`${server.origin}/missing`).catch((e) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ status: 404, attempts: 1 });
    expect(server.paths()).toEqual(["/robots.txt", "/missing"]);
    expect(waits).toEqual([]);
  });
});
