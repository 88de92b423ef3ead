/**
 * A local stand-in for the sites the scrapers read: saved pages for every source kind on
 * 127.0.0.1, a robots.txt, and faults that can be switched on while it runs. A second
 * listener on 127.0.0.2 (loopback, but not allow-listed) records anything that reaches it,
 * so tests can prove nothing did.
 *
 * Why one server for tests, the demo and the benchmark: the pages a test parses are the
 * pages the demo shows being scraped, and faults are exercised against real sockets.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { benchPageHtml } from "./bench-pages";
import { readPage } from "./pages";

export const FAULTS = [
  "robots-disallow",
  "rate-limit",
  "error-then-ok",
  "slow",
  "huge",
  "changed-layout",
  "redirect-to-forbidden",
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FixtureSiteOptions {
  host?: string;
  port?: number;
  faults?: readonly Fault[];
  /** Where the forbidden listener binds; false for none. */
  forbiddenHost?: string | false;
  /** "slow": how long before the response starts. */
  slowMs?: number;
  /** "huge": body size. Above the fetcher's 5 MiB default. */
  hugeBytes?: number;
  /** "rate-limit": the Retry-After value in seconds. */
  retryAfterSeconds?: number;
  /** How many /bench/page-<i>.html pages exist. */
  benchPages?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  status?: number;
}

export interface FixtureSite {
  /** "http://127.0.0.1:<port>" */
  url: string;
  port: number;
  requests: RecordedRequest[];
  setFault(fault: Fault, enabled?: boolean): void;
  clearFaults(): void;
  /** The 127.0.0.2 listener, when started: every connection and request that reached it. */
  forbidden?: { url: string; connections(): number; requests: RecordedRequest[] };
  close(): Promise<void>;
}

interface PageRoute {
  pattern: RegExp;
  page: string;
  changed: string;
}

export const PAGE_ROUTES: PageRoute[] = [
  { pattern: /^\/s\/acme_news$/, page: "telegram-en.html", changed: "telegram-en-changed.html" },
  { pattern: /^\/s\/bank_ru$/, page: "telegram-ru.html", changed: "telegram-en-changed.html" },
  { pattern: /^\/@acmebank\/videos$/, page: "video.html", changed: "video-changed.html" },
  {
    pattern: /^\/website\/acmebank\.example\/$/,
    page: "site-stats.html",
    changed: "site-stats-changed.html",
  },
  { pattern: /^\/trends\/explore$/, page: "trends.html", changed: "trends-changed.html" },
  {
    pattern: /^\/custom\/report(?:-[\w-]+)?\.html$/,
    page: "custom.html",
    changed: "custom-changed.html",
  },
  { pattern: /^\/leaky\.html$/, page: "leaky.html", changed: "leaky.html" },
];

const ROBOTS_ALLOW = "User-agent: *\nDisallow: /private/\n";
const ROBOTS_DISALLOW = "User-agent: *\nDisallow: /\n";

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ready((server.address() as AddressInfo).port));
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}

async function startForbidden(host: string) {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "text/html" }).end("<p>should never be served</p>");
  });
  server.on("connection", () => {
    connections += 1;
  });
  server.on("upgrade", (req, socket) => {
    requests.push({ method: "UPGRADE", path: req.url ?? "", headers: req.headers });
    socket.destroy();
  });
  const port = await listen(server, host, 0);
  return { server, url: `http://${host}:${port}`, connections: () => connections, requests };
}

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const host = options.host ?? "127.0.0.1";
  const faults = new Set<Fault>(options.faults ?? []);
  const failedOnce = new Map<Fault, Set<string>>();
  const requests: RecordedRequest[] = [];
  const forbidden =
    options.forbiddenHost === false
      ? undefined
      : await startForbidden(options.forbiddenHost ?? "127.0.0.2");
  const benchPages = options.benchPages ?? 2_000;

  /** True the first time `path` is asked for while the fault is on. */
  const firstTime = (fault: Fault, path: string) => {
    const seen = failedOnce.get(fault) ?? new Set<string>();
    failedOnce.set(fault, seen);
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  };

  const pageBody = (path: string): string | undefined => {
    const bench = /^\/bench\/page-(\d+)\.html$/.exec(path);
    if (bench) {
      const index = Number(bench[1]);
      return index < benchPages ? benchPageHtml(index, benchPages) : undefined;
    }
    const route = PAGE_ROUTES.find((r) => r.pattern.test(path));
    if (!route) return undefined;
    const html = readPage(faults.has("changed-layout") ? route.changed : route.page);
    const forbiddenOrigin = forbidden?.url ?? "http://127.0.0.2:9";
    return html
      .replaceAll("{{FORBIDDEN_ORIGIN}}", forbiddenOrigin)
      .replaceAll("{{FORBIDDEN_WS_ORIGIN}}", forbiddenOrigin.replace(/^http/, "ws"));
  };

  const send = (
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    body: string,
    headers = {},
  ) => {
    record.status = status;
    const type = status === 200 && record.path !== "/robots.txt" ? "text/html" : "text/plain";
    res.writeHead(status, { "content-type": `${type}; charset=utf-8`, ...headers }).end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    const path = url.pathname;
    const record: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
    };
    requests.push(record);
    if (path === "/robots.txt") {
      return send(res, record, 200, faults.has("robots-disallow") ? ROBOTS_DISALLOW : ROBOTS_ALLOW);
    }
    if (req.method !== "GET") return send(res, record, 405, "method not allowed");
    const body = pageBody(path);
    if (body === undefined) return send(res, record, 404, "not found");
    if (faults.has("redirect-to-forbidden") && forbidden) {
      return send(res, record, 302, "", { location: `${forbidden.url}${req.url ?? "/"}` });
    }
    if (faults.has("rate-limit") && firstTime("rate-limit", path)) {
      const retryAfter = String(options.retryAfterSeconds ?? 1);
      return send(res, record, 429, "slow down", { "retry-after": retryAfter });
    }
    if (faults.has("error-then-ok") && firstTime("error-then-ok", path)) {
      return send(res, record, 500, "internal error");
    }
    if (faults.has("slow")) await new Promise((done) => setTimeout(done, options.slowMs ?? 3_000));
    if (res.destroyed) return;
    if (faults.has("huge")) {
      record.status = 200;
      const filler = `<!-- ${"x".repeat(1_000)} -->\n`;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write(body);
      for (let sent = 0; sent < (options.hugeBytes ?? 6 * 1024 * 1024) && !res.destroyed; ) {
        if (!res.write(filler)) {
          await new Promise((drained) => {
            res.once("drain", drained);
            res.once("close", drained);
          });
        }
        sent += filler.length;
      }
      return res.end();
    }
    return send(res, record, 200, body);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  const port = await listen(server, host, options.port ?? 0);
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    setFault(fault, enabled = true) {
      if (enabled) faults.add(fault);
      else faults.delete(fault);
      failedOnce.delete(fault);
    },
    clearFaults() {
      faults.clear();
      failedOnce.clear();
    },
    forbidden: forbidden && {
      url: forbidden.url,
      connections: forbidden.connections,
      requests: forbidden.requests,
    },
    close: async () => {
      await closeServer(server);
      if (forbidden) await closeServer(forbidden.server);
    },
  };
}
