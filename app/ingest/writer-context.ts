/** What every row writer is given, and the counts it returns per batch. */
import type { WorkspaceScope } from "#db/scoped";
import type { Collision } from "./file-keys";
import type { DatasetKind } from "./kinds";
import type { ColumnMapping } from "./mapping";
import type { RowByKind, RowSettings } from "./schemas";

export interface BatchCounts {
  new: number;
  updated: number;
  unchanged: number;
}

/**
 * Takes a record (ending on `line` of the file) straight from its fields (true), leaves it
 * to validation (false), or refuses it: an earlier row of the file had its key.
 */
export type RecordTaker = (fields: readonly string[], line: number) => boolean | Collision;

export interface RowWriter<K extends DatasetKind = DatasetKind> {
  /**
   * Called once, with the file's headers, before any row. Writers that take records as
   * they are read (transactions) return a RecordTaker for the file, else null.
   */
  recordTaker?(
    headers: readonly string[],
    mapping: ColumnMapping,
    settings: RowSettings,
  ): RecordTaker | null;
  /**
   * A validated row (ending on `line`) is accepted for `write`, or refused when an earlier
   * row of the file had its natural key (see file-keys.ts): never merged into that row.
   */
  admit(row: RowByKind[K], line: number): Collision | null;
  /** Writes the valid rows of one batch, inside the loader's transaction for that batch. */
  write(rows: RowByKind[K][]): BatchCounts;
  /**
   * Writers that take records as they are read (transactions): rows that validation
   * accepts go to `add` instead of `write`, one by one, so the file's order is kept (a
   * collision as for `admit`); `write` is still called once per batch, with no rows, to
   * store what was taken.
   */
  add?(row: RowByKind[K], line: number): Collision | null;
  /** A record rejected by validation (transactions: it keeps its place in its order). */
  rejected?(fields: readonly string[]): void;
  /**
   * After the last batch: writers that stage rows move them into place here and return the
   * counts their `write` calls could not know yet; every writer makes this dataset the
   * owner of the rows of earlier datasets the file also held (so deleting those datasets
   * leaves them), in one transaction, after everything else succeeded.
   */
  finish(): Promise<BatchCounts>;
  /** Throws away whatever was staged and not finished (the import failed). */
  discard?(): void;
}

/** How a writer that stages rows (transactions) publishes them, and when it must stop. */
export interface PublishHooks {
  signal?: AbortSignal;
  /** Transactions: staged rows published per write transaction (default 3,000,000). */
  publishChunkRows?: number;
  /** Transactions: called between two chunks of a publish, with the rows published so far. */
  onPublishChunk?: (published: number) => Promise<void> | void;
  /**
   * Called inside every transaction that writes the import's rows; throws when the import
   * no longer owns its dataset (see import-lease.server.ts), which rolls that write back.
   */
  assertOwned?: () => void;
  /**
   * Transactions: called inside the transaction that publishes the last staged rows, with
   * the counts of the whole publish, so that what it writes (the dataset marked succeeded)
   * commits together with the rows. Not called when nothing was staged.
   */
  onPublished?: (published: BatchCounts) => void;
}

export interface WriterContext extends PublishHooks {
  /** The import's workspace: every statement of the writers goes through it. */
  scope: WorkspaceScope;
  datasetId: number;
  /** Customers: the source of rows whose file gives none. */
  defaultSource: string;
}

export function emptyCounts(): BatchCounts {
  return { new: 0, updated: 0, unchanged: 0 };
}
