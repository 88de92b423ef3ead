/**
 * Transactions are loaded in two steps, because files of millions of rows are common and
 * a row-by-row upsert into the indexed table is dominated by index maintenance: every
 * batch touches pages all over the customer and external-id indexes (ids and dates come
 * in any order), and each commit rewrites them.
 *
 * 1. Stage: each batch is appended to a TEMP table of this connection (no indexes, no
 *    WAL, invisible to everyone else). A crash loses it with the connection, so nothing
 *    of a dead import can reach the real table.
 * 2. Publish: one transaction moves the staged rows into `transactions` with a single
 *    INSERT … SELECT … ON CONFLICT DO UPDATE, in file order (no key is staged twice: a line
 *    whose key an earlier line of the file had is rejected while staging, see file-keys.ts;
 *    a row whose values equal the stored ones is left alone and counted unchanged — the
 *    customer link is not compared, since it follows from the id and customer imports
 *    maintain it). The last publish transaction also makes this dataset the owner of every
 *    row it found already stored, so deleting the older dataset keeps them. When
 *    the file is at least as large as the whole table, the secondary indexes are dropped and
 *    built again by sorting, inside that same transaction: readers keep seeing the previous,
 *    fully indexed snapshot (WAL) until the commit, and a failure rolls everything back.
 *    A file too large for one transaction to hold the write lock acceptably (see
 *    transaction-writer.server.ts) is published in chunks of rows, in file order, one
 *    transaction each (the same rule rebuilds the indexes of a chunk at least as large as
 *    the table): readers see it arrive chunk by chunk, and a failure half way leaves the
 *    chunks before it, which the import's cleanup removes.
 *
 * Customer ids are resolved in SQL at publish time, so a profile created while the file
 * was staging is still linked. Raw SQL because this is the hot path: the statements on
 * workspace tables go through `scope.sql` (which binds @workspace and keeps them prepared
 * per connection); only the connection's own TEMP staging table is written directly.
 */

import type Database from "better-sqlite3";
import type { WorkspaceScope } from "#db/scoped";
import { createProfilesForStaged } from "~/customers/transaction-customers.server";
import { type Collision, createFileKeys, duplicateKeyReason } from "./file-keys";
import type { TransactionRow } from "./schemas";
import type { LineKeys } from "./transaction-keys";
import {
  LANE_COLUMNS,
  type TransactionLane,
  STAGED_VALUE_COLUMNS as VALUE_COLUMNS,
  writeRowColumns,
} from "./transaction-lane";
import type { BatchCounts } from "./writer-context";

/**
 * Rows per INSERT statement while staging: one statement call binds many rows, which
 * costs less per row than one call each. 999 parameters is SQLite's historical limit.
 */
const ROWS_PER_STAGE_INSERT = 50;
const CHUNK_VALUES = ROWS_PER_STAGE_INSERT * LANE_COLUMNS;

export interface PublishOptions {
  chunkRows: number;
  betweenChunks: (published: number) => Promise<void>;
  /** Inside every publish transaction, first; throwing rolls it back. */
  inEachTransaction?: () => void;
  /** Inside the last publish transaction, with the whole publish's counts. */
  inLastTransaction?: (total: BatchCounts) => void;
}

export interface TransactionStage {
  /**
   * Stages a record (ending on `line` of the file) through the fast lane; false (nothing
   * staged) when the lane declines, a collision when an earlier line had its key.
   */
  addRecord(
    lane: TransactionLane,
    keys: LineKeys,
    fields: readonly string[],
    line: number,
  ): boolean | Collision;
  /** Stages a row validated by the slow path, after everything staged before it. */
  addRow(row: TransactionRow, keys: LineKeys, line: number): Collision | null;
  /** Writes what was staged since the last call into the staging table. */
  flush(): void;
  /**
   * Moves everything staged into `transactions`: in one write transaction when it fits in
   * `chunkRows`, else in chunks of that many rows, each its own transaction, with
   * `betweenChunks` awaited (given the rows published so far) between them.
   */
  publish(options: PublishOptions): Promise<BatchCounts>;
  /** Drops the staging table (after publish, or when the import failed). */
  discard(): void;
}

/** Indexes of `transactions` that can be rebuilt from their SQL (not the unique key). */
function secondaryIndexes(sqlite: Database.Database): { name: string; sql: string }[] {
  return sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all() as { name: string; sql: string }[];
}

export function createTransactionStage(scope: WorkspaceScope, datasetId: number): TransactionStage {
  const sqlite = scope.db.$client;
  const staging = `temp.staged_transactions_${datasetId}`;
  const columns = ["transaction_key", ...VALUE_COLUMNS];
  sqlite.exec(`DROP TABLE IF EXISTS ${staging}`);
  sqlite.exec(`CREATE TABLE ${staging} (${columns.join(", ")})`);
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  const insertSql = (rows: number) =>
    `INSERT INTO ${staging} (${columns.join(", ")}) VALUES ${Array(rows).fill(placeholders).join(", ")}`;
  const insertMany = sqlite.prepare(insertSql(ROWS_PER_STAGE_INSERT));
  const insertOne = sqlite.prepare(insertSql(1));
  let staged = 0;
  // Staged values wait in chunks of exactly one multi-row INSERT's parameters, so a full
  // chunk is bound as it is; flushed chunks are reused.
  const full: unknown[][] = [];
  const spare: unknown[][] = [];
  let current: unknown[] = new Array(CHUNK_VALUES);
  let rowsInCurrent = 0;
  const advance = () => {
    rowsInCurrent++;
    if (rowsInCurrent < ROWS_PER_STAGE_INSERT) return;
    full.push(current);
    current = spare.pop() ?? new Array(CHUNK_VALUES);
    rowsInCurrent = 0;
  };

  const fileKeys = createFileKeys();
  /** The key just written at `at` is staged, unless an earlier line of the file had it. */
  const claim = (keys: LineKeys, line: number): Collision | null => {
    const earlier = fileKeys.claim(current[rowsInCurrent * LANE_COLUMNS] as string, line);
    if (earlier === undefined) {
      advance();
      return null;
    }
    const { column, what } = keys.describeLast();
    return { column, reason: duplicateKeyReason(what, earlier) };
  };

  const countInWorkspace = scope
    .sql("SELECT count(*) FROM transactions WHERE workspace_id = @workspace")
    .pluck();
  const stored = [...VALUE_COLUMNS, "customer_id"];
  const upsertRange = scope.sql(
    `INSERT INTO transactions (workspace_id, dataset_id, transaction_key, ${stored.join(", ")})
     SELECT @workspace, ?, s.transaction_key, ${VALUE_COLUMNS.map((c) => `s.${c}`).join(", ")},
            (SELECT min(cs.customer_id) FROM customer_sources cs
             WHERE cs.workspace_id = @workspace AND cs.external_id = s.customer_external_id)
     FROM ${staging} s WHERE s.rowid BETWEEN ? AND ? ORDER BY s.rowid
     ON CONFLICT (workspace_id, transaction_key) DO UPDATE SET
       ${stored.map((c) => `${c} = excluded.${c}`).join(", ")}
     WHERE (${VALUE_COLUMNS.map((c) => `transactions.${c}`).join(", ")})
       IS NOT (${VALUE_COLUMNS.map((c) => `excluded.${c}`).join(", ")})`,
  );

  // Rows of earlier datasets that this file also holds become this dataset's (only in the
  // last publish transaction, so a failure half way leaves every row with its old owner).
  const adoptStored = scope.sql(
    `UPDATE transactions SET dataset_id = @datasetId
     WHERE id IN (SELECT t.id FROM ${staging} s
                  JOIN transactions t
                    ON t.workspace_id = @workspace AND t.transaction_key = s.transaction_key
                  WHERE t.dataset_id IS NOT @datasetId)`,
  );

  /** Staged rows `from`..`to` (rowids, in file order) into `transactions`, in one transaction. */
  const publishRange = (from: number, to: number): BatchCounts => {
    const rows = to - from + 1;
    const before = countInWorkspace.get() as number;
    const tableRows = sqlite.prepare("SELECT count(*) FROM transactions").pluck().get() as number;
    // Rebuilding costs a sort of the whole table; worth it when these rows are most of it.
    const rebuild = rows >= tableRows ? secondaryIndexes(sqlite) : [];
    for (const { name } of rebuild) sqlite.exec(`DROP INDEX "${name}"`);
    const { changes } = upsertRange.run(datasetId, from, to);
    for (const { sql } of rebuild) sqlite.exec(sql);
    const created = (countInWorkspace.get() as number) - before;
    // `changes` counts inserted rows and rows whose values changed; the rest were equal.
    return { new: created, updated: changes - created, unchanged: rows - changes };
  };

  return {
    addRecord(lane, keys, fields, line) {
      if (!lane(fields, current, rowsInCurrent * LANE_COLUMNS)) return false;
      return claim(keys, line) ?? true;
    },

    addRow(row, keys, line) {
      writeRowColumns(row, keys, current, rowsInCurrent * LANE_COLUMNS);
      return claim(keys, line);
    },

    flush() {
      for (const chunk of full) insertMany.run(chunk);
      for (let row = 0; row < rowsInCurrent; row++) {
        const from = row * LANE_COLUMNS;
        insertOne.run(current.slice(from, from + LANE_COLUMNS));
      }
      staged += full.length * ROWS_PER_STAGE_INSERT + rowsInCurrent;
      spare.push(...full.splice(0));
      rowsInCurrent = 0;
    },

    async publish({ chunkRows, betweenChunks, inEachTransaction, inLastTransaction }) {
      const total: BatchCounts = { new: 0, updated: 0, unchanged: 0 };
      for (let from = 1; from <= staged; from += chunkRows) {
        if (from > 1) await betweenChunks(from - 1);
        const to = Math.min(staged, from + chunkRows - 1);
        sqlite
          .transaction(() => {
            inEachTransaction?.();
            // Customer ids no profile has get one first, so the insert links every sale.
            if (from === 1) createProfilesForStaged(scope, datasetId, staging);
            const counts = publishRange(from, to);
            total.new += counts.new;
            total.updated += counts.updated;
            total.unchanged += counts.unchanged;
            // A file of only new rows (the common large import) owns all it staged already.
            const stored = total.updated + total.unchanged;
            if (to === staged && stored > 0) adoptStored.run({ datasetId });
            // What the caller records of a finished publish commits with its last rows.
            if (to === staged) inLastTransaction?.({ ...total });
          })
          .immediate();
      }
      return total;
    },

    discard() {
      sqlite.exec(`DROP TABLE IF EXISTS ${staging}`);
      staged = 0;
      full.length = 0;
      rowsInCurrent = 0;
    },
  };
}
