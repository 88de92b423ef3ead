/**
 * Reading a table for export in pages by id, not through one open cursor: a download
 * streamed to a slow client must not hold the shared connection busy between chunks.
 */
import { asc, gt, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { WorkspaceScope, WorkspaceTable } from "#db/scoped";

export interface CsvExport {
  fileName: string;
  /** Rows left out for lack of data-processing consent. */
  excluded: number;
  /** The file's text in pieces: the first carries the byte-order mark and the header. */
  lines: Iterable<string>;
}

export const PAGE = 1000;

export function* pagesOf<T extends { id: number }>(fetch: (afterId: number) => T[]): Generator<T> {
  let afterId = 0;
  for (;;) {
    const page = fetch(afterId);
    yield* page;
    const last = page.at(-1);
    if (page.length < PAGE || !last) return;
    afterId = last.id;
  }
}

export function rowsOf<T extends WorkspaceTable & { id: SQLiteColumn }>(
  scope: WorkspaceScope,
  table: T,
  condition?: SQL,
): Generator<T["$inferSelect"] & { id: number }> {
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's builder is generic over the table
  const db = scope.db as any;
  return pagesOf((afterId) =>
    db
      .select()
      .from(table)
      .where(scope.where(table, gt(table.id, afterId), condition))
      .orderBy(asc(table.id))
      .limit(PAGE)
      .all(),
  );
}
