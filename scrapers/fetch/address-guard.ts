/**
 * Resolve a URL's host once, refuse forbidden addresses, and pin the connection to the
 * address that was checked.
 *
 * Why: checking a host name and then letting the HTTP client resolve it again leaves a
 * window (DNS rebinding) in which the second answer can point at 127.0.0.1. So the guard
 * resolves, checks every answer with the pure classifier, and hands the request a `lookup`
 * function that can only return the checked address. The check runs before any socket is
 * opened, for the first URL and again for every redirect target. `allowHosts` (from
 * SCRAPER_ALLOW_HOSTS) lets tests and trusted local sources through, by host name or by IP.
 */
import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { classifyAddress } from "./address-ranges";
import { BlockedAddressError, NetworkError } from "./errors";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Returns every address the name resolves to; injectable so tests never touch DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The host as a plain name or IP literal: "[::1]" -> "::1", lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

export interface AllowList {
  allowsHost(host: string): boolean;
  allowsAddress(address: ResolvedAddress): boolean;
}

export function createAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const addresses = new BlockList();
  for (const entry of entries) {
    const family = isIP(entry);
    if (family === 4) addresses.addAddress(entry, "ipv4");
    else if (family === 6) addresses.addAddress(entry, "ipv6");
    else names.add(entry.toLowerCase());
  }
  return {
    allowsHost: (host) => names.has(host.toLowerCase()),
    allowsAddress: ({ address, family }) =>
      addresses.check(address, family === 6 ? "ipv6" : "ipv4"),
  };
}

export interface GuardOptions {
  resolve: Resolver;
  allowList: AllowList;
}

/**
 * The address to connect to for `url`, or a BlockedAddressError if any address the host
 * resolves to is forbidden (a name with one good and one bad answer is refused outright).
 */
export async function resolveGuarded(url: URL, options: GuardOptions): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const literal = isIP(host);
  let answers: ResolvedAddress[];
  if (literal === 4 || literal === 6) {
    answers = [{ address: host, family: literal }];
  } else {
    try {
      answers = await options.resolve(host);
    } catch (error) {
      throw new NetworkError(url.href, (error as NodeJS.ErrnoException).code, error);
    }
  }
  const first = answers[0];
  if (!first) throw new NetworkError(url.href, "ENOTFOUND", new Error(`${host} has no address`));
  if (options.allowList.allowsHost(host)) return first;
  for (const answer of answers) {
    if (options.allowList.allowsAddress(answer)) continue;
    const verdict = classifyAddress(answer.address);
    if (!verdict.allowed) {
      throw new BlockedAddressError(url.href, host, answer.address, verdict.range);
    }
  }
  return first;
}

/**
 * A `lookup` for node:http(s) that answers with the already-checked address only, whatever
 * name it is asked for, so the socket cannot end up anywhere else.
 */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as unknown as (err: null, all: ResolvedAddress[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}
