/**
 * The production and development HTTP server: Express in front of the Remix request
 * handler, so that cross-cutting checks (same-origin for mutations, security headers,
 * the client address for rate limits) happen in one place before any route runs.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { bodyLimitProblem } from "./app/body-limit.server";
import { recoverAtStart } from "./app/datasets/stale-imports.server";
import { env } from "./app/env.server";
import { isSameOriginRequest } from "./app/same-origin.server";
import { cspNonceOf, securityHeaders } from "./app/security-headers.server";
import { openDb } from "./db/client";

const config = env();
const production = config.NODE_ENV === "production";
const allowedOrigins = config.ALLOWED_ORIGINS.split(",")
  .map((o) => o.trim())
  .filter(Boolean);

// Migrate before serving, so the first request never meets an old schema. Then settle what
// a crash left: imports whose process died, and uploads this server was receiving.
{
  const db = openDb();
  const { imports, partialUploads } = recoverAtStart(db);
  if (imports.length + partialUploads > 0) {
    console.log(
      `Recovered after a crash: ${imports.length} import(s) settled, ${partialUploads} partial upload(s) removed`,
    );
  }
  db.$client.close();
}

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use(securityHeaders({ development: !production }));
app.use((req, res, next) => {
  const ok = isSameOriginRequest({
    method: req.method,
    host: req.headers.host,
    protocol: req.protocol,
    origin: req.headers.origin,
    secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
    allowedOrigins,
  });
  if (!ok) {
    res.status(403).type("text/plain").send("Cross-site request refused");
    return;
  }
  const tooBig = bodyLimitProblem({
    method: req.method,
    contentType: req.headers["content-type"],
    contentLength: req.headers["content-length"],
    transferEncoding: req.headers["transfer-encoding"],
  });
  if (tooBig) {
    res.status(tooBig.status).type("text/plain").send(tooBig.message);
    return;
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  const client = path.resolve("build/client");
  app.use(
    "/assets",
    express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(client, { maxAge: "1h" }));
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: cspNonceOf(res),
    }),
  }),
);

const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  console.log(`Channelscope listening on http://localhost:${port} (${config.NODE_ENV})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
