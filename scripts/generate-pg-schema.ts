/**
 * Writes db/pg/schema.ts, the PostgreSQL (pg-core) twin of db/schema.ts, from the SQLite
 * tables themselves (drizzle's getTableConfig), so the two cannot drift: `npm run db:generate`
 * runs this before drizzle-kit, and tests/unit/db/pg-schema-drift.test.ts fails when the
 * committed file differs from what this writes now (docs/decisions/033).
 *
 * What the generator does not know how to translate (a SQL default it has no entry for, a
 * composite primary key, a check) makes it fail with a message instead of guessing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, is, SQL } from "drizzle-orm";
import {
  getTableConfig,
  type SQLiteColumn,
  SQLiteSyncDialect,
  SQLiteTable,
} from "drizzle-orm/sqlite-core";

export const PG_SCHEMA_FILE = "db/pg/schema.ts";
const SQLITE_SCHEMA_FILE = "db/schema.ts";

// -----------------------------------------------------------------------------------------
// Overrides: what PostgreSQL needs beyond the column's SQLite type.
// -----------------------------------------------------------------------------------------

/**
 * SQLite integers are 64-bit; PostgreSQL's `integer` is 32-bit. Every autoincrement id, every
 * column referencing one and every other `…_id` integer become `bigint` (ids of a SaaS with
 * many workspaces and million-row imports outgrow 2^31). So do these counts, which can too.
 * Everything else stays `integer`.
 */
const BIGINT_COLUMNS = new Set([
  // UPLOAD_MAX_BYTES defaults to 2^31 bytes, one more than integer holds.
  "datasets.file_bytes",
  // An ad platform's impressions and clicks for a whole campaign.
  "campaigns.impressions",
  "campaigns.clicks",
]);

/** SQL defaults written for SQLite, in PostgreSQL's words. */
const SQL_DEFAULTS: Record<string, string> = {
  // Milliseconds since the epoch on SQLite; the column is a timestamptz on PostgreSQL.
  "(unixepoch('subsec') * 1000)": "now()",
};

// -----------------------------------------------------------------------------------------

const sqliteDialect = new SQLiteSyncDialect();

function sqlText(value: SQL, what: string): string {
  const query = sqliteDialect.sqlToQuery(value);
  if (query.params.length > 0) throw new Error(`${what}: SQL with bound values is not supported`);
  return query.sql;
}

interface Tables {
  [key: string]: unknown;
}

function tablesOf(module: Tables): [string, SQLiteTable][] {
  return Object.entries(module).filter((entry): entry is [string, SQLiteTable] =>
    is(entry[1], SQLiteTable),
  );
}

/** The column's key in its table object (`passwordHash` for `password_hash`). */
function columnKeys(table: SQLiteTable): Map<SQLiteColumn, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column, key]));
}

export interface GenerateOptions {
  /** The source text of the SQLite schema module, to keep its order of tables. */
  sourceText?: string;
  /** Where the generated module imports the SQLite schema's types from. */
  sqliteImport?: string;
}

/** The generated module's text, before formatting. */
export function renderPgSchema(module: Tables, options: GenerateOptions = {}): string {
  const source = options.sourceText ?? "";
  const position = (key: string) => {
    const at = source.indexOf(`export const ${key} =`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const tables = tablesOf(module).sort(
    ([a], [b]) => position(a) - position(b) || a.localeCompare(b),
  );
  const keyOfTable = new Map(tables.map(([key, table]) => [table, key]));
  const imports = new Set<string>(["pgTable"]);
  let usesSql = false;
  let usesSqliteTypes = false;

  /** Whether an integer column is a bigint on PostgreSQL (see BIGINT_COLUMNS). */
  const isBigint = (table: SQLiteTable, column: SQLiteColumn): boolean => {
    const config = getTableConfig(table);
    if ("autoIncrement" in column && column.autoIncrement) return true;
    if (column.name.endsWith("_id")) return true;
    if (BIGINT_COLUMNS.has(`${config.name}.${column.name}`)) return true;
    return config.foreignKeys.some((fk) => {
      const ref = fk.reference();
      const i = ref.columns.indexOf(column);
      const target = ref.foreignColumns[i];
      return i >= 0 && target !== undefined && isBigint(ref.foreignTable, target);
    });
  };

  const renderColumn = (tableKey: string, table: SQLiteTable, column: SQLiteColumn): string => {
    const config = getTableConfig(table);
    const where = `${config.name}.${column.name}`;
    const name = JSON.stringify(column.name);
    const typed = `.$type<SqliteColumn<typeof sqlite.${tableKey}, ${JSON.stringify(columnKeys(table).get(column))}>>()`;
    let out: string;
    switch (column.columnType) {
      case "SQLiteInteger":
        if (isBigint(table, column)) {
          imports.add("bigint");
          out = `bigint(${name}, { mode: "number" })`;
        } else {
          imports.add("integer");
          out = `integer(${name})`;
        }
        break;
      case "SQLiteTimestamp":
        imports.add("timestamp");
        out = `timestamp(${name}, { withTimezone: true, mode: "date" })`;
        break;
      case "SQLiteBoolean":
        imports.add("boolean");
        out = `boolean(${name})`;
        break;
      case "SQLiteReal":
        imports.add("doublePrecision");
        out = `doublePrecision(${name})`;
        break;
      case "SQLiteText":
        imports.add("text");
        out = `text(${name})`;
        if (column.enumValues && column.enumValues.length > 0) {
          usesSqliteTypes = true;
          out += typed;
        }
        break;
      case "SQLiteTextJson":
      case "SQLiteBlobJson":
        imports.add("jsonb");
        usesSqliteTypes = true;
        out = `jsonb(${name})${typed}`;
        break;
      case "SQLiteBlobBuffer":
        // drizzle 0.45's pg-core has no bytea column; the generated module defines one.
        imports.add("customType");
        out = `bytea(${name})`;
        break;
      case "SQLiteBigInt":
        imports.add("bigint");
        out = `bigint(${name}, { mode: "bigint" })`;
        break;
      default:
        throw new Error(`${where}: no PostgreSQL type for ${column.columnType}`);
    }
    if (column.primary) {
      out += ".primaryKey()";
      if ("autoIncrement" in column && column.autoIncrement)
        out += ".generatedByDefaultAsIdentity()";
    }
    if (column.notNull && !column.primary) out += ".notNull()";
    if (column.isUnique) out += `.unique(${JSON.stringify(column.uniqueName)})`;
    if (column.defaultFn || column.onUpdateFn)
      throw new Error(`${where}: $defaultFn/$onUpdate are not translated`);
    // An INTEGER PRIMARY KEY "has a default" on SQLite (it is the rowid); identity or not is
    // said above.
    if (column.hasDefault && !(column.primary && column.default === undefined)) {
      const value = column.default;
      if (is(value, SQL)) {
        const text = sqlText(value, where);
        const translated = SQL_DEFAULTS[text];
        if (translated === undefined)
          throw new Error(`${where}: add a PostgreSQL translation of the default ${text}`);
        if (translated === "now()") out += ".defaultNow()";
        else {
          usesSql = true;
          out += `.default(sql\`${translated}\`)`;
        }
      } else if (
        typeof value === "string" ||
        typeof value === "number" ||
        typeof value === "boolean"
      ) {
        out += `.default(${JSON.stringify(value)})`;
      } else {
        throw new Error(`${where}: default of type ${typeof value} is not translated`);
      }
    }
    const fks = config.foreignKeys.filter((fk) => fk.reference().columns.includes(column));
    for (const fk of fks) {
      const ref = fk.reference();
      if (ref.columns.length !== 1)
        throw new Error(`${where}: composite foreign keys are not supported`);
      if (fk.onUpdate && fk.onUpdate !== "no action")
        throw new Error(`${where}: ON UPDATE is not translated`);
      const targetTable = keyOfTable.get(ref.foreignTable);
      const targetColumn =
        ref.foreignColumns[0] && columnKeys(ref.foreignTable).get(ref.foreignColumns[0]);
      if (!targetTable || !targetColumn)
        throw new Error(`${where}: references a table outside the schema`);
      const actions =
        fk.onDelete && fk.onDelete !== "no action"
          ? `, { onDelete: ${JSON.stringify(fk.onDelete)} }`
          : "";
      out += `.references(() => ${targetTable}.${targetColumn}${actions})`;
    }
    return out;
  };

  const blocks: string[] = [];
  for (const [key, table] of tables) {
    const config = getTableConfig(table);
    if (config.primaryKeys.length > 0)
      throw new Error(`${config.name}: composite primary keys are not supported`);
    if (config.uniqueConstraints.length > 0)
      throw new Error(`${config.name}: unique constraints are not supported; use uniqueIndex`);
    if (config.checks.length > 0) throw new Error(`${config.name}: checks are not supported`);
    const keys = columnKeys(table);
    const columns = [...keys].map(
      ([column, columnKey]) => `  ${columnKey}: ${renderColumn(key, table, column)},`,
    );
    const indexes = config.indexes.map((index) => {
      const { name, columns: on, unique, where } = index.config;
      const fn = unique ? "uniqueIndex" : "index";
      imports.add(fn);
      const refs = on.map((column) => {
        const columnKey = keys.get(column as SQLiteColumn);
        if (!columnKey) throw new Error(`${config.name}.${name}: only plain columns are supported`);
        return `t.${columnKey}`;
      });
      let out = `${fn}(${JSON.stringify(name)}).on(${refs.join(", ")})`;
      if (where) {
        usesSql = true;
        out += `.where(sql\`${sqlText(where, `${config.name}.${name}`)}\`)`;
      }
      return `    ${out},`;
    });
    const extra = indexes.length > 0 ? `, (t) => [\n${indexes.join("\n")}\n  ]` : "";
    blocks.push(
      `export const ${key} = pgTable(${JSON.stringify(config.name)}, {\n${columns.join("\n")}\n}${extra});`,
    );
  }

  const header = [
    "// Generated by scripts/generate-pg-schema.ts from db/schema.ts: do not edit. After changing",
    "// db/schema.ts run `npm run db:generate`, which rewrites this file and both dialects'",
    "// migrations (docs/decisions/033).",
  ];
  const lines = [...header];
  if (usesSql) lines.push('import { sql } from "drizzle-orm";');
  lines.push(`import { ${[...imports].sort().join(", ")} } from "drizzle-orm/pg-core";`);
  if (usesSqliteTypes) {
    lines.push(`import type * as sqlite from "${options.sqliteImport ?? "../schema"}";`);
    lines.push(
      "",
      "/** A column's type in db/schema.ts, so JSON and enum columns keep the types given there. */",
      'type SqliteColumn<T extends { $inferSelect: object }, K extends keyof T["$inferSelect"]> = NonNullable<T["$inferSelect"][K]>;',
    );
  }
  if (imports.has("customType")) {
    lines.push(
      "",
      'const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });',
    );
  }
  return `${lines.join("\n")}\n\n${blocks.join("\n\n")}\n`;
}

/** Biome's formatting and import order, so the file is what `biome check` wants. */
export function formatTypeScript(text: string, filePath = PG_SCHEMA_FILE): string {
  const result = spawnSync(
    path.resolve("node_modules/.bin/biome"),
    ["check", "--write", `--stdin-file-path=${filePath}`],
    { input: text, encoding: "utf8" },
  );
  if (result.status !== 0 || !result.stdout) {
    throw new Error(`biome could not format ${filePath}: ${result.stderr}`);
  }
  return result.stdout;
}

/** What db/pg/schema.ts should contain for the current db/schema.ts. */
export async function generatePgSchema(): Promise<string> {
  const module = (await import("../db/schema")) as Tables;
  const sourceText = fs.readFileSync(SQLITE_SCHEMA_FILE, "utf8");
  return formatTypeScript(renderPgSchema(module, { sourceText }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generatePgSchema();
  const before = fs.existsSync(PG_SCHEMA_FILE) ? fs.readFileSync(PG_SCHEMA_FILE, "utf8") : "";
  fs.mkdirSync(path.dirname(PG_SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(PG_SCHEMA_FILE, text);
  console.log(`${PG_SCHEMA_FILE}: ${before === text ? "unchanged" : "written"}`);
}
