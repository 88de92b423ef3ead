/**
 * The security-headers middleware in a real Express app on 127.0.0.1, wired like server.ts
 * (static /assets with immutable caching, TRUST_PROXY), asked over real HTTP.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspNonceOf, securityHeaders } from "~/security-headers.server";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-assets-"));
fs.writeFileSync(path.join(assetsDir, "root-abc123.js"), "export {};\n");

function makeApp(options: { development: boolean; trustProxy?: string }) {
  const app = express();
  if (options.trustProxy) app.set("trust proxy", options.trustProxy);
  app.use(securityHeaders({ development: options.development }));
  app.use("/assets", express.static(assetsDir, { immutable: true, maxAge: "1y" }));
  app.get("/page", (_req, res) => {
    res.type("html").send(`<script nonce="${cspNonceOf(res)}">1</script>`);
  });
  app.get("/own-cache", (_req, res) => {
    res.set("Cache-Control", "public, max-age=60").send("ok");
  });
  // How @remix-run/express sends a route's headers: appended, then flushed.
  app.get("/remix-style", (_req, res) => {
    res.append("Cache-Control", "private, max-age=5");
    res.status(200);
    res.flushHeaders();
    res.end("ok");
  });
  // Share pages answer whatever they answer (here a 404 and a route's own caching).
  app.get(/^\/s(\/.*|\..*)?$/, (_req, res) => {
    res.append("Cache-Control", "private, no-cache");
    res.status(404).end("This link is not valid");
  });
  app.get("/sales", (_req, res) => {
    res.end("not a share page");
  });
  app.get("/write-head", (_req, res) => {
    res.writeHead(200, { "Cache-Control": "max-age=7" }).end("ok");
  });
  return app;
}

const servers: http.Server[] = [];
async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(base: string, pathname: string, headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<Reply>((resolve, reject) => {
    http
      .get(`${base}${pathname}`, { headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

/** "a b; c d" -> { a: ["b"], c: ["d"] } */
function directives(policy: string | undefined): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of (policy ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed[name] = sources;
  }
  return parsed;
}

let production: string;
let behindProxy: string;
let development: string;

beforeAll(async () => {
  production = await listen(makeApp({ development: false }));
  behindProxy = await listen(makeApp({ development: false, trustProxy: "loopback" }));
  development = await listen(makeApp({ development: true }));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  fs.rmSync(assetsDir, { recursive: true, force: true });
});

describe("security headers", () => {
  it("sends a nonce-based policy for an HTML page, with a fresh nonce per request", async () => {
    const first = await get(production, "/page");
    const second = await get(production, "/page");
    const policy = directives(first.headers["content-security-policy"] as string);
    const nonce = /nonce="([^"]+)"/.exec(first.body)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 16 random bytes
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(second.body).not.toContain(nonce);
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "style-src-elem": ["'self'"],
      "img-src": ["'self'", "blob:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
    expect(first.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=()",
      "cache-control": "no-store",
    });
  });

  it("keeps the long immutable caching of /assets", async () => {
    const asset = await get(production, "/assets/root-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps a Cache-Control the route set, however it was set", async () => {
    expect((await get(production, "/own-cache")).headers["cache-control"]).toBe(
      "public, max-age=60",
    );
    expect((await get(production, "/remix-style")).headers["cache-control"]).toBe(
      "private, max-age=5",
    );
    expect((await get(production, "/write-head")).headers["cache-control"]).toBe("max-age=7");
  });

  it("sends HSTS only for HTTPS, and trusts X-Forwarded-Proto only from a trusted proxy", async () => {
    const plain = await get(behindProxy, "/page");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();

    const viaProxy = await get(behindProxy, "/page", { "X-Forwarded-Proto": "https" });
    expect(viaProxy.headers["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(directives(viaProxy.headers["content-security-policy"] as string)).toHaveProperty(
      "upgrade-insecure-requests",
    );

    // Without `trust proxy` anyone could send the header; it must not count.
    const spoofed = await get(production, "/page", { "X-Forwarded-Proto": "https" });
    expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
  });

  it("relaxes the policy in development only as far as Vite needs", async () => {
    const reply = await get(development, "/page");
    const policy = directives(reply.headers["content-security-policy"] as string);
    // No nonce: its presence would make browsers ignore 'unsafe-inline'.
    expect(policy["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["style-src-elem"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
  });

  it("marks every /s/ response noindex and no-referrer, and no other page", async () => {
    for (const pathname of [
      "/s/abc",
      "/s/abc.data",
      "/s/abc/figures.csv",
      "/s",
      "/s/",
      "/s.data",
    ]) {
      const reply = await get(production, pathname);
      expect(reply.headers["x-robots-tag"], pathname).toBe("noindex, nofollow");
      expect(reply.headers["referrer-policy"], pathname).toBe("no-referrer");
      expect(reply.headers["cache-control"], pathname).toBe("private, no-cache");
    }
    const other = await get(production, "/sales");
    expect(other.headers["x-robots-tag"]).toBeUndefined();
    expect(other.headers["referrer-policy"]).toBe("same-origin");
  });
});
