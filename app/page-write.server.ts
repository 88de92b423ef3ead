/**
 * A write that a page makes on the side of reading (asking the queue for a view it found
 * missing or stale) must not hold the page up. better-sqlite3 is synchronous: a write that
 * waits for another connection's write lock (an import's batches, its publish) waits with
 * busy_timeout (15 s, db/client.ts) and blocks every request of the process meanwhile.
 * Under 20 readers during an import that was seconds per request. Here the write is tried
 * at once and skipped when the lock is taken; the next view of the page asks again.
 */
import type { Db } from "#db/client";

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown })?.code === "string" &&
  (error as { code: string }).code.startsWith("SQLITE_BUSY");

/** `write()`, or null when another connection holds the write lock right now. */
export function writeIfFree<T>(db: Db, write: () => T): T | null {
  const sqlite = db.$client;
  // Inside a transaction this connection already holds the lock (or will wait for it as
  // the transaction's owner decided).
  if (sqlite.inTransaction) return write();
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    return write();
  } catch (error) {
    if (isBusy(error)) return null;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
