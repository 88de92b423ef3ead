/**
 * Answers worked out from a whole workspace's data (the Segments feature list, the
 * reporting currency) are kept between page views under a key of cheap counts that every
 * import, deletion, merge and erasure moves, and computed again when the key changes.
 */
import type { Db } from "#db/client";

/** Cheap marks of a workspace's data: each moves when that part of the data changes. */
export interface WorkspaceDataMarks {
  /** Files: count, last id, last finish (an import, a re-import, a deletion). */
  datasets: string;
  /** Profiles: count and last change (a merge, an edit, an erasure). */
  customers: string;
  /** Number of sales (an erasure, a sale written outside an import). */
  sales: number;
  /** The legal basis for analytics: changing it changes who is analysed. */
  basis: string;
  /** The reporting currency chosen in Settings (null = derived from the sales). */
  currency: string | null;
}

export function workspaceDataMarks(db: Db, workspaceId: number): WorkspaceDataMarks {
  return db.$client
    .prepare(
      `SELECT
         (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(finished_at), 0)
            FROM datasets WHERE workspace_id = @id) AS datasets,
         (SELECT count(*) || ':' || coalesce(max(updated_at), 0)
            FROM customers WHERE workspace_id = @id) AS customers,
         (SELECT count(*) FROM transactions WHERE workspace_id = @id) AS sales,
         (SELECT processing_basis FROM workspaces WHERE id = @id) AS basis,
         (SELECT reporting_currency FROM workspaces WHERE id = @id) AS currency`,
    )
    .get({ id: workspaceId }) as WorkspaceDataMarks;
}

/** Workspaces whose answer a cache keeps; the least recently computed is dropped past this. */
const MAX_WORKSPACES = 50;

/** A per-workspace cache: `get` returns the kept answer while `key` is unchanged. */
export function createWorkspaceCache<T>() {
  const kept = new Map<number, { key: string; value: T }>();
  return {
    get(workspaceId: number, key: string, compute: () => T): T {
      const hit = kept.get(workspaceId);
      if (hit?.key === key) return hit.value;
      const value = compute();
      kept.delete(workspaceId);
      kept.set(workspaceId, { key, value });
      if (kept.size > MAX_WORKSPACES) kept.delete(kept.keys().next().value as number);
      return value;
    },
  };
}
