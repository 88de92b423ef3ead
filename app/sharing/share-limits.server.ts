/**
 * Throttling of the public share pages (app/rate-limit.server.ts's limiters, in SQLite):
 *
 * - every request under /s/ per client network (IPv4 address or IPv6 /64), valid token or
 *   not, so guessing tokens or hammering a report's live rebuild from one place is slow;
 * - every request per token (by its hash), so one leaked link cannot be used to load the
 *   server from many addresses;
 * - wrong passwords per (link, network), as logins are limited per (account, network), and
 *   per link across networks, looser, against guessing one link's password from many places.
 *
 * The limits can be replaced for tests (setShareLimitsForTesting), which then reach them in a
 * few requests instead of hundreds.
 */
import {
  blocked,
  clientNetworkKey,
  createLimiter,
  type Limiter,
  type Throttle,
} from "~/rate-limit.server";

export interface ShareLimits {
  requestsPerAddress: { points: number; seconds: number };
  requestsPerLink: { points: number; seconds: number };
  passwordFailuresPerLinkAndAddress: { points: number; seconds: number };
  passwordFailuresPerLink: { points: number; seconds: number };
}

export const defaultShareLimits: ShareLimits = {
  requestsPerAddress: { points: 120, seconds: 60 },
  requestsPerLink: { points: 600, seconds: 60 },
  passwordFailuresPerLinkAndAddress: { points: 5, seconds: 15 * 60 },
  passwordFailuresPerLink: { points: 50, seconds: 15 * 60 },
};

let limits = defaultShareLimits;
let limiters: Promise<Record<keyof ShareLimits, Limiter>> | undefined;

export function setShareLimitsForTesting(next: ShareLimits | undefined): void {
  limits = next ?? defaultShareLimits;
  limiters = undefined;
}

export function shareLimits(): ShareLimits {
  return limits;
}

function getLimiters() {
  // A fresh key prefix per configuration, so a test's small limits do not meet old counts.
  const tag = `${limits.requestsPerAddress.points}_${limits.requestsPerLink.points}_${limits.passwordFailuresPerLinkAndAddress.points}_${limits.passwordFailuresPerLink.points}`;
  limiters ??= (async () => {
    const make = (name: keyof ShareLimits) =>
      createLimiter(`share_${name}_${tag}`, limits[name].points, limits[name].seconds);
    const [
      requestsPerAddress,
      requestsPerLink,
      passwordFailuresPerLinkAndAddress,
      passwordFailuresPerLink,
    ] = await Promise.all([
      make("requestsPerAddress"),
      make("requestsPerLink"),
      make("passwordFailuresPerLinkAndAddress"),
      make("passwordFailuresPerLink"),
    ]);
    return {
      requestsPerAddress,
      requestsPerLink,
      passwordFailuresPerLinkAndAddress,
      passwordFailuresPerLink,
    };
  })();
  return limiters;
}

async function consume(limiter: Limiter, key: string): Promise<Throttle> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (res) {
    return blocked(res);
  }
}

/**
 * Counts one request under /s/. `tokenHash` is null for a malformed token (it is limited per
 * network only; no lookup is made for it anyway).
 */
export async function checkShareRequest(
  tokenHash: string | null,
  address: string,
): Promise<Throttle> {
  const l = await getLimiters();
  const byAddress = await consume(l.requestsPerAddress, clientNetworkKey(address));
  if (!byAddress.allowed || tokenHash === null) return byAddress;
  return consume(l.requestsPerLink, tokenHash);
}

const pairKey = (tokenHash: string, address: string) =>
  JSON.stringify([tokenHash, clientNetworkKey(address)]);

/**
 * Call before checking a link password: counts the attempt as a failure up front (so many
 * requests at once cannot all pass before a failure is recorded); recordSharePasswordSuccess
 * takes it back.
 */
export async function beginSharePasswordAttempt(
  tokenHash: string,
  address: string,
): Promise<Throttle> {
  const l = await getLimiters();
  const perLink = await consume(l.passwordFailuresPerLink, tokenHash);
  if (!perLink.allowed) return perLink;
  const perPair = await consume(l.passwordFailuresPerLinkAndAddress, pairKey(tokenHash, address));
  if (!perPair.allowed) await l.passwordFailuresPerLink.reward(tokenHash, 1);
  return perPair;
}

export async function recordSharePasswordSuccess(
  tokenHash: string,
  address: string,
): Promise<void> {
  const l = await getLimiters();
  await l.passwordFailuresPerLinkAndAddress.delete(pairKey(tokenHash, address));
  const state = await l.passwordFailuresPerLink.get(tokenHash);
  if (state && state.consumedPoints > 0) await l.passwordFailuresPerLink.reward(tokenHash, 1);
}
