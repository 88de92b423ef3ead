/**
 * Insert-or-update by natural key for one table, with prepared statements reused for every
 * row of an import. Each row carries a hash of what it stores: a key already present with
 * the same hash is left alone ("unchanged"), with another hash it is updated. Rows keep the
 * dataset that first loaded them, so a failed or deleted dataset removes only its own rows.
 *
 * Raw SQL because this is the hot path of an import (one call per row); every statement
 * filters on workspace_id itself, as `db/scoped.ts` would.
 */
import { hash } from "node:crypto";
import type Database from "better-sqlite3";

export type UpsertOutcome = "new" | "updated" | "unchanged";

export interface KeyedTable {
  table: string;
  keyColumns: readonly string[];
  valueColumns: readonly string[];
}

export interface KeyedUpsert {
  /** `keys` and `values` in the order of the table's columns; `rowHash` from `hashValues`. */
  upsert(keys: readonly unknown[], values: readonly unknown[], rowHash: string): UpsertOutcome;
}

/** A stable hash of the values a row stores: same values, same hash, on any machine. */
export function hashValues(values: readonly unknown[]): string {
  return hash("sha1", JSON.stringify(values), "base64");
}

/** Writes `parts` into `target` from `offset` (the statements' parameter arrays are reused). */
function fill(target: unknown[], offset: number, parts: readonly unknown[]): number {
  for (let index = 0; index < parts.length; index++) target[offset + index] = parts[index];
  return offset + parts.length;
}

export function keyedUpsert(
  sqlite: Database.Database,
  workspaceId: number,
  datasetId: number,
  spec: KeyedTable,
): KeyedUpsert {
  const { table, keyColumns, valueColumns } = spec;
  const keyMatch = keyColumns.map((column) => `${column} = ?`).join(" AND ");
  const find = sqlite
    .prepare(`SELECT id, row_hash FROM ${table} WHERE workspace_id = ? AND ${keyMatch}`)
    .raw();
  const insertColumns = ["workspace_id", "dataset_id", ...keyColumns, ...valueColumns, "row_hash"];
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (${insertColumns.join(", ")}) VALUES (${insertColumns.map(() => "?").join(", ")})`,
  );
  const assignments = [...valueColumns, "row_hash"].map((column) => `${column} = ?`).join(", ");
  const update = sqlite.prepare(
    `UPDATE ${table} SET ${assignments} WHERE workspace_id = ? AND id = ?`,
  );

  const findParams: unknown[] = [workspaceId];
  const insertParams: unknown[] = [workspaceId, datasetId];
  const updateParams: unknown[] = [];

  return {
    upsert(keys, values, rowHash) {
      fill(findParams, 1, keys);
      const found = find.get(findParams) as [number, string] | undefined;
      if (!found) {
        const end = fill(insertParams, fill(insertParams, 2, keys), values);
        insertParams[end] = rowHash;
        insert.run(insertParams);
        return "new";
      }
      if (found[1] === rowHash) return "unchanged";
      const end = fill(updateParams, 0, values);
      updateParams[end] = rowHash;
      updateParams[end + 1] = workspaceId;
      updateParams[end + 2] = found[0];
      update.run(updateParams);
      return "updated";
    },
  };
}

export interface KeyedRow {
  key: string;
  /** In the order of the table's value columns. */
  values: readonly unknown[];
  rowHash: string;
}

/**
 * `keyedUpsert` for a whole batch of a table keyed by one text column: the keys already
 * stored are found with one query per batch instead of one per row (a lookup costs about
 * as much as the insert that follows it). Rows are then applied in order, as one by one,
 * so a key repeated within the batch is inserted once and then updated or left unchanged.
 */
export function batchKeyedUpsert(
  sqlite: Database.Database,
  workspaceId: number,
  datasetId: number,
  spec: { table: string; keyColumn: string; valueColumns: readonly string[] },
) {
  const { table, keyColumn, valueColumns } = spec;
  const findMany = sqlite
    .prepare(
      `SELECT ${keyColumn}, id, row_hash FROM ${table}
       WHERE workspace_id = ? AND ${keyColumn} IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  const insertColumns = ["workspace_id", "dataset_id", keyColumn, ...valueColumns, "row_hash"];
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (${insertColumns.join(", ")}) VALUES (${insertColumns.map(() => "?").join(", ")})`,
  );
  const assignments = [...valueColumns, "row_hash"].map((column) => `${column} = ?`).join(", ");
  const update = sqlite.prepare(
    `UPDATE ${table} SET ${assignments} WHERE workspace_id = ? AND id = ?`,
  );
  const insertParams: unknown[] = [workspaceId, datasetId];
  const updateParams: unknown[] = [];

  return {
    upsertAll(rows: readonly KeyedRow[]): Record<UpsertOutcome, number> {
      const counts = { new: 0, updated: 0, unchanged: 0 };
      const stored = new Map<string, { id: number; rowHash: string }>();
      const keys = JSON.stringify(rows.map((row) => row.key));
      for (const [key, id, rowHash] of findMany.all(workspaceId, keys) as [
        string,
        number,
        string,
      ][]) {
        stored.set(key, { id, rowHash });
      }
      for (const { key, values, rowHash } of rows) {
        const found = stored.get(key);
        if (!found) {
          insertParams[2] = key;
          insertParams[fill(insertParams, 3, values)] = rowHash;
          const { lastInsertRowid } = insert.run(insertParams);
          stored.set(key, { id: Number(lastInsertRowid), rowHash });
          counts.new += 1;
        } else if (found.rowHash === rowHash) {
          counts.unchanged += 1;
        } else {
          const end = fill(updateParams, 0, values);
          updateParams[end] = rowHash;
          updateParams[end + 1] = workspaceId;
          updateParams[end + 2] = found.id;
          update.run(updateParams);
          found.rowHash = rowHash;
          counts.updated += 1;
        }
      }
      return counts;
    },
  };
}
