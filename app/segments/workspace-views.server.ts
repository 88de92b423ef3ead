/**
 * The Segments page's feature list (what a workspace can cluster on, how complete and skewed
 * each feature is) reads every analysable customer and every sale: 0.6 s on the demo's 300k
 * sales, seconds while an import runs, and it blocked every other request of the process
 * while it ran. It is computed on the queue ("run-views" job) and stored (workspace_views),
 * like a run's tabs (run-views.server.ts, docs/decisions/026); the page only reads the row.
 *
 * A stored list records the key of the data it was computed from: the day, the workspace's
 * data marks (workspace-cache.server.ts) and the newest value training (it adds the
 * predicted_value feature). A list under another key is stale: the page shows it (it holds
 * counts and means, nobody in particular) and the queue computes it again; a missing one is
 * asked of the queue and the page says it is being worked out.
 */
import { eq } from "drizzle-orm";
import { workspaceViews } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { valuedModelMark } from "~/customers/value-of-customers.server";
import { writeIfFree } from "~/page-write.server";
import { marksKey, workspaceDataMarks } from "~/workspace-cache.server";
import { type FeatureList, listAvailableFeatures } from "./feature-list.server";
import { enqueueOnce } from "./run-views.server";

export const FEATURE_LIST_VIEW = "features";

/** The key of the data the feature list is computed from, read in a few small lookups. */
export function featureListKey(scope: WorkspaceScope, now = new Date()): string {
  const marks = workspaceDataMarks(scope);
  const day = now.toISOString().slice(0, 10);
  return `${day}|${marksKey(marks)}|${valuedModelMark(scope)}`;
}

function storedRow(scope: WorkspaceScope) {
  return scope.first(workspaceViews, eq(workspaceViews.view, FEATURE_LIST_VIEW));
}

/**
 * Computes the list and stores it under the key read before computing: data that change
 * meanwhile leave it stale, and the next read asks for it again.
 */
export function computeAndStoreFeatureList(scope: WorkspaceScope): FeatureList {
  const dataKey = featureListKey(scope);
  const payload = listAvailableFeatures(scope);
  const { workspaceId } = scope;
  scope.db
    .insert(workspaceViews)
    .values({ workspaceId, view: FEATURE_LIST_VIEW, dataKey, payload, computedAt: new Date() })
    .onConflictDoUpdate({
      target: [workspaceViews.workspaceId, workspaceViews.view],
      set: { dataKey, payload, computedAt: new Date() },
    })
    .run();
  return payload;
}

/** Queues the list's computation, once per data key. */
export function requestFeatureList(scope: WorkspaceScope, dataKey = featureListKey(scope)): number {
  const dedupeKey = `workspace-view:${scope.workspaceId}:${FEATURE_LIST_VIEW}:${dataKey}`;
  return enqueueOnce(scope, dedupeKey, { workspaceView: FEATURE_LIST_VIEW });
}

export type StoredFeatureList =
  | { state: "ready"; list: FeatureList; stale: boolean }
  | { state: "computing" };

/**
 * The stored list for a page: never computed here. Missing → asked of the queue
 * ("computing"); stale → returned, and asked of the queue. The ask never waits for an
 * import's write lock (page-write.server.ts).
 */
export function readFeatureList(scope: WorkspaceScope): StoredFeatureList {
  const row = storedRow(scope);
  const dataKey = featureListKey(scope);
  if (!row || row.dataKey !== dataKey)
    writeIfFree(scope.db, () => requestFeatureList(scope, dataKey));
  if (!row) return { state: "computing" };
  return { state: "ready", list: row.payload as FeatureList, stale: row.dataKey !== dataKey };
}

/** Whether the stored list is missing or from other data (the refresh after a change). */
export function featureListStale(scope: WorkspaceScope): boolean {
  const row = storedRow(scope);
  return row !== undefined && row.dataKey !== featureListKey(scope);
}
