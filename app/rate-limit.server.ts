/**
 * Throttling with rate-limiter-flexible, stored in our SQLite file (table `rate_limits`,
 * created and owned by the library) so limits hold across restarts and across processes.
 * Login: failed attempts per (e-mail, client network) pair, and failed attempts per client
 * network across e-mails. Never per e-mail alone: then anyone could lock a victim out by
 * guessing wrong on purpose. Scrapers: tests of a source per user (each may start a browser
 * page in the web process).
 */
import { isIPv6 } from "node:net";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb } from "./db.server";

export type Limiter = RateLimiterSQLite;

export function createLimiter(keyPrefix: string, points: number, durationSeconds: number) {
  return new Promise<Limiter>((resolve, reject) => {
    const limiter: Limiter = new RateLimiterSQLite(
      {
        storeClient: getDb().$client,
        storeType: "better-sqlite3",
        tableName: "rate_limits",
        keyPrefix,
        points,
        duration: durationSeconds,
        blockDuration: durationSeconds,
      },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

export const loginLimits = {
  /** Guessing one account's password from one network. */
  failuresPerAccountAndAddress: { points: 5, seconds: 15 * 60 },
  /** Credential stuffing: many e-mails from one network. Looser, as offices share an address. */
  failuresPerAddress: { points: 30, seconds: 15 * 60 },
};

let limiters: Promise<{ pair: Limiter; address: Limiter }> | undefined;
function getLimiters() {
  limiters ??= Promise.all([
    createLimiter(
      "login_fail_account_address",
      loginLimits.failuresPerAccountAndAddress.points,
      loginLimits.failuresPerAccountAndAddress.seconds,
    ),
    createLimiter(
      "login_fail_address",
      loginLimits.failuresPerAddress.points,
      loginLimits.failuresPerAddress.seconds,
    ),
  ]).then(([pair, address]) => ({ pair, address }));
  return limiters;
}

export type Throttle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Which limit refused a login, so the message can say what is locked. */
export type LoginThrottle =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; lockedScope: "account-from-address" | "address" };

export function blocked(res: unknown): { allowed: false; retryAfterSeconds: number } {
  if (res instanceof RateLimiterRes) {
    return { allowed: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
  }
  throw res;
}

/**
 * The unit a client is limited by: an IPv4 address, or the /64 network of an IPv6 address
 * (one subscriber usually holds a whole /64 and could rotate through it). IPv4-mapped IPv6
 * addresses (`::ffff:192.0.2.1`, as Node reports IPv4 peers on a dual-stack socket) count
 * as the IPv4 address.
 */
export function clientNetworkKey(address: string): string {
  const bare = address.split("%")[0] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(bare)) return bare;
  return `${ipv6Hextets(bare).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading zeros. */
function ipv6Hextets(address: string): string[] {
  // A trailing dotted IPv4 part fills the last two groups; only the first four matter here.
  const hexOnly = address.replace(/\d{1,3}(?:\.\d{1,3}){3}$/, "0:0");
  const [head = "", tail] = hexOnly.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

/**
 * Call before checking a password. Counts the attempt as a failure up front, so that many
 * requests at once cannot all pass the check before any failure is recorded;
 * `recordLoginSuccess` takes it back.
 */
export async function beginLoginAttempt(email: string, address: string): Promise<LoginThrottle> {
  const { pair, address: byAddress } = await getLimiters();
  const network = clientNetworkKey(address);
  try {
    await byAddress.consume(network);
  } catch (res) {
    return { ...blocked(res), lockedScope: "address" };
  }
  try {
    await pair.consume(pairKey(email, network));
    return { allowed: true };
  } catch (res) {
    // No password is checked, so this refusal must not eat into the network's budget.
    await byAddress.reward(network, 1);
    return { ...blocked(res), lockedScope: "account-from-address" };
  }
}

/** A correct password: clears the pair's failures and refunds the network's attempt. */
export async function recordLoginSuccess(email: string, address: string): Promise<void> {
  const { pair, address: byAddress } = await getLimiters();
  const network = clientNetworkKey(address);
  await pair.delete(pairKey(email, network));
  // Not a reset: one valid account must not let a network wipe its stuffing record.
  // Guarded so a window that expired meanwhile does not become a credit.
  const state = await byAddress.get(network);
  if (state && state.consumedPoints > 0) await byAddress.reward(network, 1);
}

function pairKey(email: string, network: string): string {
  return JSON.stringify([email, network]);
}

export const sourceTestLimit = { points: 10, seconds: 60 };

let sourceTests: Promise<Limiter> | undefined;

/** Call before testing a source for `userId`: counts the test. */
export async function checkSourceTestAllowed(userId: number): Promise<Throttle> {
  sourceTests ??= createLimiter(
    "source_test_user",
    sourceTestLimit.points,
    sourceTestLimit.seconds,
  );
  try {
    await (await sourceTests).consume(String(userId));
    return { allowed: true };
  } catch (res) {
    return blocked(res);
  }
}

/** The client address as the Express server saw it (see server.ts getLoadContext). */
export function clientAddress(context: { clientAddress?: string } | undefined): string {
  return context?.clientAddress ?? "unknown";
}
