/**
 * Insert-or-update by natural key for one table, with prepared statements reused for every
 * row of an import. Each row carries a hash of what it stores: a key already present with
 * the same hash is left alone ("unchanged"), with another hash it is updated. A row belongs
 * to the newest dataset that holds it: rows found already stored are handed to this dataset
 * by `adopt`, once the whole file is written, so deleting an older dataset keeps them while a
 * failed import (which never adopts) removes only the rows it inserted.
 *
 * Raw SQL because this is the hot path of an import (one call per row), through the scope
 * (`scope.sql` binds @workspace and keeps the prepared statements per connection).
 */
import { hash } from "node:crypto";
import type { WorkspaceScope } from "#db/scoped";

export type UpsertOutcome = "new" | "updated" | "unchanged";

export interface KeyedTable {
  table: string;
  keyColumns: readonly string[];
  valueColumns: readonly string[];
}

export interface KeyedUpsert {
  /** `keys` and `values` in the order of the table's columns; `rowHash` from `hashValues`. */
  upsert(keys: readonly unknown[], values: readonly unknown[], rowHash: string): UpsertOutcome;
  /** Makes this dataset the owner of every row `upsert` found already stored. */
  adopt(): void;
}

/** Ids per UPDATE when rows change owner (one json_each parameter each). */
const ADOPT_CHUNK = 10_000;

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
  scope: WorkspaceScope,
  datasetId: number,
  spec: KeyedTable,
): KeyedUpsert {
  const { table, keyColumns, valueColumns } = spec;
  const keyMatch = keyColumns.map((column) => `${column} = ?`).join(" AND ");
  const find = scope
    .sql(`SELECT id, row_hash FROM ${table} WHERE workspace_id = @workspace AND ${keyMatch}`)
    .raw();
  const insertColumns = ["dataset_id", ...keyColumns, ...valueColumns, "row_hash"];
  const insert = scope.sql(
    `INSERT INTO ${table} (workspace_id, ${insertColumns.join(", ")})
     VALUES (@workspace, ${insertColumns.map(() => "?").join(", ")})`,
  );
  const assignments = [...valueColumns, "row_hash"].map((column) => `${column} = ?`).join(", ");
  const update = scope.sql(
    `UPDATE ${table} SET ${assignments} WHERE workspace_id = @workspace AND id = ?`,
  );

  const setOwner = scope.sql(
    `UPDATE ${table} SET dataset_id = ?
     WHERE workspace_id = @workspace AND dataset_id IS NOT ? AND id IN (SELECT value FROM json_each(?))`,
  );
  /** Rows found stored (unchanged or updated): ids only, a few bytes each. */
  const found: number[] = [];

  const findParams: unknown[] = [];
  const insertParams: unknown[] = [datasetId];
  const updateParams: unknown[] = [];

  return {
    upsert(keys, values, rowHash) {
      fill(findParams, 0, keys);
      const stored = find.get(findParams) as [number, string] | undefined;
      if (!stored) {
        const end = fill(insertParams, fill(insertParams, 1, keys), values);
        insertParams[end] = rowHash;
        insert.run(insertParams);
        return "new";
      }
      found.push(stored[0]);
      if (stored[1] === rowHash) return "unchanged";
      const end = fill(updateParams, 0, values);
      updateParams[end] = rowHash;
      updateParams[end + 1] = stored[0];
      update.run(updateParams);
      return "updated";
    },

    adopt() {
      for (let from = 0; from < found.length; from += ADOPT_CHUNK) {
        const ids = JSON.stringify(found.slice(from, from + ADOPT_CHUNK));
        setOwner.run(datasetId, datasetId, ids);
      }
      found.length = 0;
    },
  };
}
