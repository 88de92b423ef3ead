/**
 * The least SQLite itself must do to load the benchmark's file into `transactions` as this
 * app keeps it (typed columns, the unique key, the partial index each sale is in), run by
 * the sqlite3 shell with no JavaScript and no validation: the floor under any import of
 * ours, beside the untyped `.import` reference. The variants leave out the secondary
 * indexes ("keyed") and the unique key too ("bare"), to show what each costs.
 */
import Database from "better-sqlite3";

export const floorVariants = ["indexed", "keyed", "bare"] as const;
export type FloorVariant = (typeof floorVariants)[number];

/** The CREATE INDEX statements of `transactions` in a migrated database: secondary, unique. */
export function transactionIndexes(dbFile: string): { secondary: string[]; unique: string } {
  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  db.close();
  const unique = rows.find((row) => row.sql.startsWith("CREATE UNIQUE"));
  if (!unique) throw new Error("transactions has no unique key");
  return {
    secondary: rows.filter((row) => row !== unique).map((row) => row.sql),
    unique: unique.sql,
  };
}

const indexName = (sql: string) => /INDEX\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? "";

/** A sqlite3 shell script that loads `csv` into the migrated database, as its publish does. */
export function floorScript(
  csv: string,
  variant: FloorVariant,
  indexes: ReturnType<typeof transactionIndexes>,
): string {
  const dropped = variant === "bare" ? [...indexes.secondary, indexes.unique] : indexes.secondary;
  return [
    "PRAGMA journal_mode = WAL;",
    "PRAGMA synchronous = NORMAL;",
    "PRAGMA cache_size = -32768;",
    ".mode csv",
    `.import --schema temp '${csv.replaceAll("'", "''")}' staged`,
    "BEGIN;",
    // As the app's publish does when the file is the whole table: drop, insert, build again.
    ...dropped.map((sql) => `DROP INDEX ${indexName(sql)};`),
    `INSERT INTO transactions (workspace_id, transaction_key, customer_external_id, occurred_at,
       product_code, quantity, unit_price, amount, channel, is_return)
     SELECT 1, transaction_id, nullif(customer_id, ''), unixepoch(occurred_at) * 1000,
       product_code, CAST(quantity AS REAL), CAST(unit_price AS REAL), CAST(amount AS REAL),
       channel, CAST(amount AS REAL) < 0
     FROM temp.staged;`,
    ...(variant === "indexed" ? indexes.secondary.map((sql) => `${sql};`) : []),
    "COMMIT;",
    "",
  ].join("\n");
}
