/**
 * The cookie that remembers a correct link password. It is bound to its one link three ways:
 * its path is `/s/<token>` (the browser sends it nowhere else), its signed value names the
 * link (a prefix of the token's hash, so a cookie of link A fails on link B even when sent by
 * hand) and the link's generation (rotating or revoking bumps it, so cookies issued before
 * stop working on the next request), and it carries its own expiry, checked on the server:
 * hours, not weeks. HttpOnly, SameSite=Lax, Secure over HTTPS, signed with SESSION_SECRET.
 */
import { createCookie } from "@remix-run/node";
import { sessionSecrets } from "~/env.server";
import { isSecureRequest } from "~/session.server";
import type { ShareLink } from "./share-links.server";
import { sharePath } from "./share-links.server";

export const SHARE_ACCESS_HOURS = 8;
const HOUR_MS = 3_600_000;

interface AccessValue {
  /** The first 32 hex digits of the link's token hash. */
  link: string;
  generation: number;
  /** Milliseconds since the epoch after which the cookie no longer opens the link. */
  until: number;
}

function cookieFor(request: Request) {
  return createCookie("cs_share", {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    secrets: sessionSecrets(),
    maxAge: SHARE_ACCESS_HOURS * 60 * 60,
  });
}

const linkKey = (link: Pick<ShareLink, "tokenHash">) => link.tokenHash.slice(0, 32);

/** The Set-Cookie header after a correct password on `token`'s link. */
export function grantShareAccess(
  request: Request,
  token: string,
  link: Pick<ShareLink, "tokenHash" | "generation">,
  now = new Date(),
): Promise<string> {
  const value: AccessValue = {
    link: linkKey(link),
    generation: link.generation,
    until: now.getTime() + SHARE_ACCESS_HOURS * HOUR_MS,
  };
  return cookieFor(request).serialize(value, { path: sharePath(token) });
}

/** Whether the request carries a valid, unexpired cookie for exactly this link. */
export async function hasShareAccess(
  request: Request,
  link: Pick<ShareLink, "tokenHash" | "generation">,
  now = new Date(),
): Promise<boolean> {
  const value: unknown = await cookieFor(request).parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return false;
  const access = value as Partial<AccessValue>;
  return (
    access.link === linkKey(link) &&
    access.generation === link.generation &&
    typeof access.until === "number" &&
    access.until > now.getTime()
  );
}
