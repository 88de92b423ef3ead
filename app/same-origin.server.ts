/**
 * Cross-site request forgery guard for mutating requests. Browsers send `Origin` on every
 * POST (and `Sec-Fetch-Site` on all requests); a mutating request whose origin is not this
 * site is refused. Requests with neither header come from non-browser clients (curl,
 * scripts), which carry no ambient cookies to abuse.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginCheck {
  method: string;
  /** The Host the request was sent to, e.g. `localhost:3000`. */
  host: string | undefined;
  /**
   * The scheme the app was reached by (`http` or `https`; behind a proxy, as TRUST_PROXY
   * lets Express read it). An `https://` Origin against a page served over `http://` is
   * another origin, and so refused.
   */
  protocol: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** Extra allowed origins, e.g. the public URL behind a proxy. */
  allowedOrigins: readonly string[];
}

export function isSameOriginRequest(check: OriginCheck): boolean {
  if (SAFE_METHODS.has(check.method.toUpperCase())) return true;
  if (check.origin && check.origin !== "null") {
    if (check.allowedOrigins.includes(check.origin)) return true;
    try {
      const origin = new URL(check.origin);
      return origin.host === check.host && origin.protocol === `${check.protocol}:`;
    } catch {
      return false;
    }
  }
  if (check.origin === "null") return false;
  if (check.secFetchSite)
    return check.secFetchSite === "same-origin" || check.secFetchSite === "none";
  return true;
}
