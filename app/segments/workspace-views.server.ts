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
import { and, eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { workspaceViews } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { valuedModelMark } from "~/customers/value-of-customers.server";
import { writeIfFree } from "~/page-write.server";
import { marksKey, workspaceDataMarks } from "~/workspace-cache.server";
import { type FeatureList, listAvailableFeatures } from "./feature-list.server";
import { enqueueOnce } from "./run-views.server";

export const FEATURE_LIST_VIEW = "features";

/** The key of the data the feature list is computed from, read in a few small lookups. */
export function featureListKey(db: Db, workspaceId: number, now = new Date()): string {
  const marks = workspaceDataMarks(db, workspaceId);
  const day = now.toISOString().slice(0, 10);
  return `${day}|${marksKey(marks)}|${valuedModelMark(scopeTo(db, workspaceId))}`;
}

function storedRow(db: Db, workspaceId: number) {
  return db
    .select()
    .from(workspaceViews)
    .where(
      and(eq(workspaceViews.workspaceId, workspaceId), eq(workspaceViews.view, FEATURE_LIST_VIEW)),
    )
    .get();
}

/**
 * Computes the list and stores it under the key read before computing: data that change
 * meanwhile leave it stale, and the next read asks for it again.
 */
export function computeAndStoreFeatureList(db: Db, workspaceId: number): FeatureList {
  const dataKey = featureListKey(db, workspaceId);
  const payload = listAvailableFeatures(db, workspaceId);
  db.insert(workspaceViews)
    .values({ workspaceId, view: FEATURE_LIST_VIEW, dataKey, payload, computedAt: new Date() })
    .onConflictDoUpdate({
      target: [workspaceViews.workspaceId, workspaceViews.view],
      set: { dataKey, payload, computedAt: new Date() },
    })
    .run();
  return payload;
}

/** Queues the list's computation, once per data key. */
export function requestFeatureList(
  db: Db,
  workspaceId: number,
  dataKey = featureListKey(db, workspaceId),
): number {
  return enqueueOnce(db, `workspace-view:${workspaceId}:${FEATURE_LIST_VIEW}:${dataKey}`, {
    workspaceId,
    workspaceView: FEATURE_LIST_VIEW,
  });
}

export type StoredFeatureList =
  | { state: "ready"; list: FeatureList; stale: boolean }
  | { state: "computing" };

/**
 * The stored list for a page: never computed here. Missing → asked of the queue
 * ("computing"); stale → returned, and asked of the queue. The ask never waits for an
 * import's write lock (page-write.server.ts).
 */
export function readFeatureList(db: Db, workspaceId: number): StoredFeatureList {
  const row = storedRow(db, workspaceId);
  const dataKey = featureListKey(db, workspaceId);
  if (!row || row.dataKey !== dataKey)
    writeIfFree(db, () => requestFeatureList(db, workspaceId, dataKey));
  if (!row) return { state: "computing" };
  return { state: "ready", list: row.payload as FeatureList, stale: row.dataKey !== dataKey };
}

/** Whether the stored list is missing or from other data (the refresh after a change). */
export function featureListStale(db: Db, workspaceId: number): boolean {
  const row = storedRow(db, workspaceId);
  return row !== undefined && row.dataKey !== featureListKey(db, workspaceId);
}
