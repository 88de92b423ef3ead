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
