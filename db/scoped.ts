/**
 * The one way to read and write a workspace's data. Every method adds
 * `workspace_id = ?` itself, so the tenant filter cannot be forgotten at a call site:
 * a route gets a `WorkspaceScope` from `requireWorkspace` and never sees the raw id filter.
 */
import { and, eq, type SQL } from "drizzle-orm";
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
  };
}
