/** What every row writer is given, and the counts it returns per batch. */
import type { Db } from "#db/client";
import type { DatasetKind } from "./kinds";
import type { ColumnMapping } from "./mapping";
import type { RowByKind, RowSettings } from "./schemas";

export interface BatchCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface RowWriter<K extends DatasetKind = DatasetKind> {
  /** Writes the valid rows of one batch, inside the loader's transaction for that batch. */
  write(rows: RowByKind[K][]): BatchCounts;
  /**
   * Writers that take records as they are read (transactions): a function that takes a
   * record of a file with these headers straight from its fields (true), or leaves it to
   * validation (false). Rows that validation accepts then go to `add`, one by one, so the
   * file's order is kept; `write` is still called once per batch, with no rows, to store
   * what was taken.
   */
  recordTaker?(
    headers: readonly string[],
    mapping: ColumnMapping,
    settings: RowSettings,
  ): ((fields: readonly string[]) => boolean) | null;
  add?(row: RowByKind[K]): void;
  /**
   * Writers that stage rows first move them into place here, in one transaction after the
   * last batch, and return the counts their `write` calls could not know yet.
   */
  finish?(): Promise<BatchCounts>;
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
  db: Db;
  workspaceId: number;
  datasetId: number;
  /** Customers: the source of rows whose file gives none. */
  defaultSource: string;
}

export function emptyCounts(): BatchCounts {
  return { new: 0, updated: 0, unchanged: 0 };
}
