/**
 * The data version of a workspace: a counter that every change of its data moves (an
 * import's publish, a dataset or source deletion, an erasure, an objection, a scrape, the
 * legal basis). Reading it is one primary-key lookup, so caches and stored run views are
 * keyed by it instead of by counting the workspace's rows (docs/decisions/026).
 */
import type { WorkspaceScope } from "#db/scoped";

/** The workspace's data version now (0 before its first change). */
export function currentDataVersion(scope: WorkspaceScope): number {
  const row = scope
    .sql("SELECT version FROM workspace_data_versions WHERE workspace_id = @workspace")
    .get<{ version: number }>();
  return row?.version ?? 0;
}

/** Moves the version on and returns the new one; call it inside the change's transaction. */
export function bumpDataVersion(scope: WorkspaceScope): number {
  const row = scope
    .sql(
      `INSERT INTO workspace_data_versions (workspace_id, version, changed_at)
       VALUES (@workspace, 1, @now)
       ON CONFLICT (workspace_id) DO UPDATE
         SET version = version + 1, changed_at = excluded.changed_at
       RETURNING version`,
    )
    .get<{ version: number }>({ now: Date.now() });
  return (row as { version: number }).version;
}
