/**
 * The Segments page lists the features a workspace can cluster on, which means reading
 * every analysable customer and every sale (about 0.5 s on the demo's 300k sales) on each
 * visit. The list only changes when the data or the day changes, so it is kept per
 * workspace (workspace-cache.server.ts) under a key of the day and the data's marks.
 */
import type { WorkspaceScope } from "#db/scoped";
import { valuedModelMark } from "~/customers/value-of-customers.server";
import { createWorkspaceCache, marksKey, workspaceDataMarks } from "~/workspace-cache.server";
import { type FeatureList, listAvailableFeatures } from "./feature-list.server";

const lists = createWorkspaceCache<FeatureList>();

/** listAvailableFeatures for today, computed again only when the workspace's data changed. */
export function cachedAvailableFeatures(scope: WorkspaceScope): FeatureList {
  const marks = workspaceDataMarks(scope);
  const day = new Date().toISOString().slice(0, 10);
  // A new value training adds or changes the predicted_value feature.
  const value = valuedModelMark(scope);
  const key = `${day}|${marksKey(marks)}|${value}`;
  return lists.get(scope.workspaceId, key, () => listAvailableFeatures(scope));
}
