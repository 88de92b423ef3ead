/** What every row writer is given, and the counts it returns per batch. */
import type { Db } from "#db/client";
import type { DatasetKind } from "./kinds";
import type { RowByKind } from "./schemas";

export interface BatchCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface RowWriter<K extends DatasetKind = DatasetKind> {
  /** Writes the valid rows of one batch, inside the loader's transaction for that batch. */
  write(rows: RowByKind[K][]): BatchCounts;
}

export interface WriterContext {
  db: Db;
  workspaceId: number;
  datasetId: number;
  /** Customers: the source of rows whose file gives none. */
  defaultSource: string;
}

export function emptyCounts(): BatchCounts {
  return { new: 0, updated: 0, unchanged: 0 };
}
