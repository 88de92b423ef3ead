/**
 * Computes and stores the views of finished runs (app/segments/run-views.server.ts): one
 * view of one run that a page asked for, or, without a run, every view of the workspace
 * that a data change left stale (and the Segments page's feature list when it is stored and
 * stale). With `workspaceView`, the workspace's feature list
 * (app/segments/workspace-views.server.ts). Pages never compute them (docs/decisions/026).
 */
import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { RunNotFoundError } from "~/segments/errors";
import { yieldToEventLoop } from "~/segments/run-lifecycle.server";
import {
  parseRunViewName,
  RUN_VIEWS_JOB,
  staleViewsOf,
  storeComputedRunView,
} from "~/segments/run-views.server";
import {
  computeAndStoreFeatureList,
  FEATURE_LIST_VIEW,
  featureListStale,
} from "~/segments/workspace-views.server";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

const Payload = z.object({
  workspaceId: z.number().int(),
  runId: z.number().int().optional(),
  view: z.string().optional(),
  workspaceView: z.literal(FEATURE_LIST_VIEW).optional(),
});

export const runViewsHandler = defineHandler(RUN_VIEWS_JOB, Payload, async (payload, ctx) => {
  if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId)
    throw new PermanentJobError("The job's workspace and its payload disagree");
  const scope = scopeTo(getDb(), payload.workspaceId);
  if (payload.workspaceView === FEATURE_LIST_VIEW) {
    computeAndStoreFeatureList(scope);
    return { computed: 1 };
  }
  const todo =
    payload.runId === undefined
      ? staleViewsOf(scope)
      : [{ runId: payload.runId, key: parseRunViewName(payload.view ?? "") }];
  let computed = 0;
  for (const [i, { runId, key }] of todo.entries()) {
    if (ctx.signal.aborted) break;
    if (!key) throw new PermanentJobError(`Unknown run view "${payload.view}"`);
    ctx.progress({ rows: i, total: todo.length, message: `run ${runId}` });
    try {
      storeComputedRunView(scope, runId, key);
      computed++;
    } catch (error) {
      // A run deleted meanwhile has nothing left to show.
      if (!(error instanceof RunNotFoundError)) throw error;
    }
    await yieldToEventLoop();
  }
  // After a data change: the stored feature list too, so the Segments page is current when
  // it is next opened.
  if (payload.runId === undefined && !ctx.signal.aborted && featureListStale(scope)) {
    computeAndStoreFeatureList(scope);
    computed++;
  }
  return { computed };
});
