/**
 * Copies the write-ahead log into the database file and truncates it, so that old page
 * images (an erased person's rows, as they were before the deletion) do not stay in the
 * -wal file until it happens to be overwritten.
 *
 * Why it can fail and why it is retried: a connection in the middle of a read (another
 * request, the worker process) still needs those frames, so SQLite cannot copy them all or
 * cannot empty the log; the pragma then reports `busy`. Readers are short, so each attempt
 * lets SQLite's busy handler wait a little for them. The app's own busy timeout (15 s) is
 * not used here: TRUNCATE holds the write lock while it waits, and every writer would wait
 * with it.
 */
import type { Db } from "#db/client";

export const WAL_CHECKPOINT_ATTEMPTS = 3;
/** How long each attempt waits for readers (SQLite's busy timeout, in ms). */
export const WAL_CHECKPOINT_WAIT_MS = 200;

interface CheckpointRow {
  /** 1 when readers or a writer kept the checkpoint from completing. */
  busy: number;
  /** Frames in the log (-1 when the database is not in WAL mode). */
  log: number;
  /** Frames copied into the database file. */
  checkpointed: number;
}

/** True when the log was emptied (or there is none); false when readers kept it. */
export function truncateWal(
  sqlite: Db["$client"],
  attempts = WAL_CHECKPOINT_ATTEMPTS,
  waitMs = WAL_CHECKPOINT_WAIT_MS,
): boolean {
  const previousTimeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(waitMs))}`);
  try {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const [row] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as CheckpointRow[];
      if (row && row.busy === 0 && row.log === row.checkpointed) return true;
    }
    return false;
  } finally {
    sqlite.pragma(`busy_timeout = ${previousTimeout}`);
  }
}
