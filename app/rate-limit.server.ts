/**
 * Throttling with rate-limiter-flexible, stored in our SQLite file (table `rate_limits`,
 * created and owned by the library) so limits hold across restarts and across processes.
 * Login: failed attempts per account, and attempts per address. Scrapers: tests of a source
 * per user (each may start a browser page in the web process).
 */
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb } from "./db.server";

type Limiter = RateLimiterSQLite;

function createLimiter(keyPrefix: string, points: number, durationSeconds: number) {
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
  failuresPerAccount: { points: 5, seconds: 15 * 60 },
  attemptsPerAddress: { points: 30, seconds: 15 * 60 },
};

let limiters: Promise<{ account: Limiter; address: Limiter }> | undefined;
function getLimiters() {
  limiters ??= Promise.all([
    createLimiter(
      "login_fail_account",
      loginLimits.failuresPerAccount.points,
      loginLimits.failuresPerAccount.seconds,
    ),
    createLimiter(
      "login_address",
      loginLimits.attemptsPerAddress.points,
      loginLimits.attemptsPerAddress.seconds,
    ),
  ]).then(([account, address]) => ({ account, address }));
  return limiters;
}

export type Throttle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function blocked(res: unknown): Throttle {
  if (res instanceof RateLimiterRes) {
    return { allowed: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
  }
  throw res;
}

/** Call before checking a password: counts the attempt against the address. */
export async function checkLoginAllowed(email: string, address: string): Promise<Throttle> {
  const { account, address: byAddress } = await getLimiters();
  const accountState = await account.get(email);
  if (accountState && accountState.consumedPoints >= loginLimits.failuresPerAccount.points) {
    return { allowed: false, retryAfterSeconds: Math.ceil(accountState.msBeforeNext / 1000) };
  }
  try {
    await byAddress.consume(address);
    return { allowed: true };
  } catch (res) {
    return blocked(res);
  }
}

export async function recordLoginFailure(email: string): Promise<void> {
  const { account } = await getLimiters();
  await account.consume(email).catch((res) => blocked(res));
}

export async function recordLoginSuccess(email: string): Promise<void> {
  const { account } = await getLimiters();
  await account.delete(email);
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
