/**
 * The one way to read and write a workspace's data. Every method adds
 * `workspace_id = ?` itself, so the tenant filter cannot be forgotten at a call site:
 * a route gets a `WorkspaceScope` from `requireWorkspace` and never sees the raw id filter.
 */
import type { Statement } from "better-sqlite3";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** Any table with a `workspaceId` column. */
export type WorkspaceTable = SQLiteTable & { workspaceId: SQLiteColumn };

export interface WorkspaceScope {
  readonly workspaceId: number;
  readonly db: Db;
  /** `workspace_id = this workspace AND ...conditions` for hand-written queries and joins. */
  where(table: WorkspaceTable, ...conditions: (SQL | undefined)[]): SQL;
  select<T extends WorkspaceTable>(
    table: T,
    ...conditions: (SQL | undefined)[]
  ): T["$inferSelect"][];
  first<T extends WorkspaceTable>(
    table: T,
    ...conditions: (SQL | undefined)[]
  ): T["$inferSelect"] | undefined;
  insert<T extends WorkspaceTable>(
    table: T,
    values: Omit<T["$inferInsert"], "workspaceId">,
  ): T["$inferSelect"];
  update<T extends WorkspaceTable>(
    table: T,
    set: Partial<Omit<T["$inferInsert"], "workspaceId">>,
    ...conditions: (SQL | undefined)[]
  ): number;
  delete<T extends WorkspaceTable>(table: T, ...conditions: (SQL | undefined)[]): number;
  /**
   * `alias.workspace_id = this workspace` for a drizzle `sql` template over a table named by
   * its alias (a subquery on `customer_sources s`), where `where` has no column to use.
   * `notIndexed` writes `+alias.workspace_id`, which keeps SQLite's planner off the
   * workspace index where a narrower one (the customer's) must lead.
   */
  owns(alias: string, options?: { notIndexed?: boolean }): SQL;
  /**
   * Hand-written SQL where speed needs it (aggregates, joins, bulk updates). The text names
   * the workspace as `@workspace` and the scope binds it: a raw query cannot leave the tenant
   * filter out, and no call site passes the workspace id itself.
   */
  sql(text: string): ScopedStatement;
}

/** Values bound to a scoped statement: positional ones, then at most one object of named ones. */
type BindValue = unknown;

/** A prepared statement of one workspace: every call binds `@workspace` to it. */
export interface ScopedStatement {
  all<Row = unknown>(...params: BindValue[]): Row[];
  get<Row = unknown>(...params: BindValue[]): Row | undefined;
  run(...params: BindValue[]): { changes: number; lastInsertRowid: number | bigint };
  iterate<Row = unknown>(...params: BindValue[]): IterableIterator<Row>;
  /** Rows as their first column's value (`SELECT count(*)` → a number). */
  pluck(): ScopedStatement;
  /** Rows as arrays of their columns, for the hot loops that read millions of them. */
  raw(): ScopedStatement;
}

type RowShape = "object" | "pluck" | "raw";

const WORKSPACE_PARAMETER = /@workspace\b/;
const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isNamedValues(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !Buffer.isBuffer(value) &&
    !(value instanceof Date)
  );
}

/**
 * Adds `workspace` to the named values (better-sqlite3 takes one object of them).
 * `alone` is the statement's own `{ workspace }`, reused when the caller names no value.
 */
function withWorkspace(
  params: BindValue[],
  workspaceId: number,
  alone: { workspace: number },
): BindValue[] {
  const last = params.at(-1);
  if (isNamedValues(last)) {
    if ("workspace" in last) throw new Error("A scoped statement binds @workspace itself");
    return [...params.slice(0, -1), { ...last, workspace: workspaceId }];
  }
  params.push(alone);
  return params;
}

/**
 * Prepared statements by text, per connection: hot paths run the same few queries for every
 * request, and preparing is the part of a small query that costs.
 */
const preparedByConnection = new WeakMap<
  Db["$client"],
  Map<string, Statement<unknown[], unknown>>
>();

const MAX_CACHED_STATEMENTS = 500;

function prepared(db: Db, text: string): Statement<unknown[], unknown> {
  let statements = preparedByConnection.get(db.$client);
  if (!statements) {
    statements = new Map();
    preparedByConnection.set(db.$client, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    // Texts built with a variable number of "?" would grow the cache without end.
    if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
    statement = db.$client.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

function scopedStatement(
  statement: Statement<unknown[], unknown>,
  workspaceId: number,
  shape: RowShape,
): ScopedStatement {
  // A cached statement is shared: its row shape is set on every call, not once.
  const ready = () => {
    if (!statement.reader) return statement;
    if (shape === "pluck") return statement.pluck(true);
    if (shape === "raw") return statement.raw(true);
    return statement.pluck(false).raw(false);
  };
  // Rest parameters are a fresh array per call, so appending to it is safe.
  const alone = Object.freeze({ workspace: workspaceId });
  const bind = (params: BindValue[]) => withWorkspace(params, workspaceId, alone);
  return {
    all: (...params) => ready().all(...bind(params)) as never,
    get: (...params) => ready().get(...bind(params)) as never,
    run: (...params) => statement.run(...bind(params)),
    iterate: (...params) => ready().iterate(...bind(params)) as never,
    pluck: () => scopedStatement(statement, workspaceId, "pluck"),
    raw: () => scopedStatement(statement, workspaceId, "raw"),
  };
}

export function scopeTo(db: Db, workspaceId: number): WorkspaceScope {
  const where = (table: WorkspaceTable, ...conditions: (SQL | undefined)[]) =>
    and(eq(table.workspaceId, workspaceId), ...conditions) as SQL;
  // drizzle's builder types are generic over the concrete table; the casts below only
  // bridge that generic gap and do not change the SQL that runs.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const anyDb = db as any;
  return {
    workspaceId,
    db,
    where,
    select: (table, ...conditions) =>
      anyDb
        .select()
        .from(table)
        .where(where(table, ...conditions))
        .all(),
    first: (table, ...conditions) =>
      anyDb
        .select()
        .from(table)
        .where(where(table, ...conditions))
        .limit(1)
        .get(),
    insert: (table, values) =>
      anyDb
        .insert(table)
        .values({ ...values, workspaceId })
        .returning()
        .get(),
    update: (table, set, ...conditions) =>
      anyDb
        .update(table)
        .set({ ...set, workspaceId })
        .where(where(table, ...conditions))
        .run().changes,
    delete: (table, ...conditions) =>
      anyDb
        .delete(table)
        .where(where(table, ...conditions))
        .run().changes,
    owns: (alias, options = {}) => {
      if (!SQL_ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
      const column = `${options.notIndexed ? "+" : ""}${alias}.workspace_id`;
      return sql`${sql.raw(column)} = ${workspaceId}`;
    },
    sql: (text) => {
      if (!WORKSPACE_PARAMETER.test(text))
        throw new Error(`A workspace query must filter by @workspace: ${text.slice(0, 80)}`);
      return scopedStatement(prepared(db, text), workspaceId, "object");
    },
  };
}
