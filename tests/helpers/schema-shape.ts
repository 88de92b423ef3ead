/**
 * The shape of a migrated database, read from the database itself (SQLite's pragmas,
 * PostgreSQL's catalogs) in one form, so the two dialects' migrations can be compared.
 */
import type Database from "better-sqlite3";
import type pg from "pg";

export interface TableShape {
  /** name → nullable */
  columns: Record<string, boolean>;
  primaryKey: string[];
  /** name → "unique? partial? (columns)" */
  indexes: Record<string, string>;
  /** "from → table(to) on delete ACTION", sorted */
  foreignKeys: string[];
}

export type SchemaShape = Record<string, TableShape>;

const fkAction: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const describeIndex = (unique: boolean, partial: boolean, columns: string[]) =>
  `${unique ? "unique" : "plain"}${partial ? " partial" : ""} (${columns.join(", ")})`;

export function sqliteShape(sqlite: Database.Database): SchemaShape {
  const shape: SchemaShape = {};
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const info = sqlite.pragma(`table_info("${table}")`) as {
      name: string;
      notnull: number;
      pk: number;
    }[];
    const indexes: Record<string, string> = {};
    const list = sqlite.pragma(`index_list("${table}")`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    for (const index of list.filter((i) => i.origin !== "pk")) {
      const columns = (
        sqlite.pragma(`index_info("${index.name}")`) as { seqno: number; name: string }[]
      )
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      indexes[index.name] = describeIndex(index.unique === 1, index.partial === 1, columns);
    }
    const fks = sqlite.pragma(`foreign_key_list("${table}")`) as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    shape[table] = {
      // A primary key column is NOT NULL on PostgreSQL whatever it was declared.
      columns: Object.fromEntries(info.map((c) => [c.name, c.notnull === 0 && c.pk === 0])),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes,
      foreignKeys: fks
        .map((fk) => `${fk.from} → ${fk.table}(${fk.to}) on delete ${fk.on_delete.toUpperCase()}`)
        .sort(),
    };
  }
  return shape;
}

export async function postgresShape(client: pg.ClientBase): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const table = (name: string): TableShape => {
    shape[name] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };
    return shape[name];
  };
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    is_nullable: string;
  }>(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  for (const c of columns.rows)
    table(c.table_name).columns[c.column_name] = c.is_nullable === "YES";
  const indexes = await client.query<{
    table_name: string;
    index_name: string;
    primary: boolean;
    unique: boolean;
    partial: boolean;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS primary,
            x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
            array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                  ORDER BY k.n)::text[] AS columns
       FROM pg_index x
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public'`,
  );
  for (const i of indexes.rows) {
    if (i.primary) table(i.table_name).primaryKey = i.columns;
    else table(i.table_name).indexes[i.index_name] = describeIndex(i.unique, i.partial, i.columns);
  }
  const fks = await client.query<{
    table_name: string;
    from_column: string;
    to_table: string;
    to_column: string;
    action: string;
  }>(
    `SELECT t.relname AS table_name, a.attname AS from_column, ft.relname AS to_table,
            fa.attname AS to_column, c.confdeltype AS action
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class ft ON ft.oid = c.confrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND ns.nspname = 'public'`,
  );
  for (const fk of fks.rows) {
    table(fk.table_name).foreignKeys.push(
      `${fk.from_column} → ${fk.to_table}(${fk.to_column}) on delete ${fkAction[fk.action]}`,
    );
  }
  for (const t of Object.values(shape)) t.foreignKeys.sort();
  return shape;
}
