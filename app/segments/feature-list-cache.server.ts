/**
 * The Segments page lists the features a workspace can cluster on, which means reading
 * every consented customer and every sale (about 0.5 s on the demo's 300k sales) on each
 * visit. The list only changes when the data or the day changes, so it is kept per
 * workspace under a key of the day and a few cheap counts that every import, deletion,
 * merge and erasure moves.
 */
import type { Db } from "#db/client";
import { type FeatureList, listAvailableFeatures } from "./feature-list.server";

/** Workspaces whose list is kept; the least recently computed is dropped past this. */
const MAX_WORKSPACES = 50;
const kept = new Map<number, { key: string; list: FeatureList }>();

/** What the list depends on: datasets, customers (and their last change), sales, the day. */
function dataKey(db: Db, workspaceId: number): string {
  const row = db.$client
    .prepare(
      `SELECT
         (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(finished_at), 0)
            FROM datasets WHERE workspace_id = @id) AS datasets,
         (SELECT count(*) || ':' || coalesce(max(updated_at), 0)
            FROM customers WHERE workspace_id = @id) AS customers,
         (SELECT count(*) FROM transactions WHERE workspace_id = @id) AS sales`,
    )
    .get({ id: workspaceId }) as { datasets: string; customers: string; sales: number };
  const day = new Date().toISOString().slice(0, 10);
  return `${day}|${row.datasets}|${row.customers}|${row.sales}`;
}

/** listAvailableFeatures for today, computed again only when the workspace's data changed. */
export function cachedAvailableFeatures(db: Db, workspaceId: number): FeatureList {
  const key = dataKey(db, workspaceId);
  const hit = kept.get(workspaceId);
  if (hit?.key === key) return hit.list;
  const list = listAvailableFeatures(db, workspaceId);
  kept.delete(workspaceId);
  kept.set(workspaceId, { key, list });
  if (kept.size > MAX_WORKSPACES) kept.delete(kept.keys().next().value as number);
  return list;
}
