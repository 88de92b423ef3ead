/**
 * Answers worked out from a whole workspace's data (the Segments feature list, the
 * reporting currency, the dashboard's figures) are kept between page views under a key that
 * every import, deletion, merge and erasure moves, and computed again when the key changes.
 *
 * The key is the workspace's data version (data-version.server.ts) and two marks read from
 * small tables, never a count of customers or sales: counting 2.3M sales took 125 ms on
 * every Segments view (docs/decisions/026).
 */
import type { WorkspaceScope } from "#db/scoped";

/** Cheap marks of a workspace's data: each moves when that part of the data changes. */
export interface WorkspaceDataMarks {
  /** Files: count, last id, last finish (an import, a re-import, a deletion, a failure). */
  datasets: string;
  /** The data version: moved by every publish, erasure, objection, scrape, deletion. */
  version: number;
  /** The legal basis for analytics: changing it changes who is analysed. */
  basis: string;
  /** The reporting currency chosen in Settings (null = derived from the sales). */
  currency: string | null;
}

export function workspaceDataMarks(scope: WorkspaceScope): WorkspaceDataMarks {
  return scope
    .sql(
      `SELECT
         (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(finished_at), 0)
            FROM datasets WHERE workspace_id = @workspace) AS datasets,
         coalesce((SELECT version FROM workspace_data_versions WHERE workspace_id = @workspace), 0)
           AS version,
         (SELECT processing_basis FROM workspaces WHERE id = @workspace) AS basis,
         (SELECT reporting_currency FROM workspaces WHERE id = @workspace) AS currency`,
    )
    .get() as WorkspaceDataMarks;
}

/** The marks as one cache key. */
export function marksKey(marks: WorkspaceDataMarks): string {
  return `${marks.datasets}|${marks.version}|${marks.basis}|${marks.currency ?? ""}`;
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
