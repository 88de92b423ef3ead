/**
 * Security headers on every response, set by one Express middleware in server.ts so that
 * no route can forget them.
 *
 * Scripts: Remix inlines the hydration data (`window.__remixContext`), a module script that
 * imports the route chunks, the scroll-restoration script and, with single fetch, streamed
 * data scripts. Their content changes per request, so hashes cannot allow them; a fresh
 * nonce per request does. The middleware puts it in `res.locals`, server.ts hands it to
 * Remix through the load context, and app/entry.server.tsx gives it to React and Remix,
 * which stamp it on exactly those scripts. An injected `<script>` cannot guess it.
 *
 * Styles: the app renders many `style="…"` attributes on the server (layout tweaks, chart
 * sizes), which a browser drops unless style-src allows 'unsafe-inline'. Attributes cannot
 * load anything or select elements, so they are a small risk; `<style>` elements, which can
 * exfiltrate page content through selectors, stay limited to our own stylesheets by
 * style-src-elem (browsers too old for it fall back to the looser style-src).
 *
 * Development (`npm run dev`): Vite injects inline module scripts without our nonce, inlines
 * CSS in `<style>` elements and talks to its HMR websocket on another port, so there the
 * policy allows inline scripts and styles and ws:/wss: connections. Never in production.
 */
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";

export interface PolicyOptions {
  /** The per-request nonce for inline scripts; ignored in development. */
  nonce: string;
  development: boolean;
  /** The request came over HTTPS (directly or through a trusted proxy). */
  secure: boolean;
}

/** The Content-Security-Policy header value. Pure. */
export function contentSecurityPolicy({ nonce, development, secure }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // With a nonce present, browsers ignore 'unsafe-inline'; so development omits the nonce.
    "script-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-elem": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // blob: lets a chart's SVG be drawn onto a canvas for its "Download PNG" (a same-page blob).
    "img-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": development ? ["'self'", "ws:", "wss:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(
    ([name, sources]) => `${name} ${sources.join(" ")}`,
  );
  if (secure) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** The fixed headers, besides CSP and caching. */
export function staticSecurityHeaders(secure: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Same-origin only: a share link's token in the URL must never reach another site.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Our CSV exports and pages are for us: other sites may not embed them as resources.
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    // Over plain HTTP the header is ignored by browsers, and it must not pin a site that
    // is only served over HTTP (a local install) to HTTPS.
    ...(secure ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The public share pages (/s/<token>, its CSV files and its single-fetch data). */
export function isSharePath(pathname: string): boolean {
  return pathname === "/s" || pathname.startsWith("/s/") || pathname.startsWith("/s.");
}

/**
 * Extra headers of every /s/ response, whatever it is (report, password form, invalid link,
 * rate limit, CSV): never indexed, and no Referer at all, so a click or a fetched resource
 * from the page cannot carry the token anywhere, not even to our own origin's logs.
 */
export function shareSecurityHeaders(): Record<string, string> {
  return { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };
}

/** Where the middleware leaves the nonce for server.ts's getLoadContext. */
export function cspNonceOf(res: Response): string | undefined {
  const nonce: unknown = res.locals.cspNonce;
  return typeof nonce === "string" ? nonce : undefined;
}

/**
 * Sets the headers, and `Cache-Control: no-store` on any response whose handler set no
 * Cache-Control of its own: pages, data and CSV exports hold personal data and must not sit
 * in shared caches. Static files (express.static) set their own and keep it, so /assets
 * keeps its long immutable caching. The default is applied just before the head is sent,
 * as Remix's adapter appends route headers (an early default would be merged into them).
 */
export function securityHeaders({ development }: { development: boolean }): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      contentSecurityPolicy({ nonce, development, secure: req.secure }),
    );
    for (const [name, value] of Object.entries(staticSecurityHeaders(req.secure))) {
      res.setHeader(name, value);
    }
    if (isSharePath(req.path))
      for (const [name, value] of Object.entries(shareSecurityHeaders()))
        res.setHeader(name, value);
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithCacheDefault(this: typeof res, ...args: unknown[]) {
      if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
