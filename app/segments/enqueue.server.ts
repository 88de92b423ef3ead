/**
 * Starting a run from the web app: the analysis_runs row is created as "queued" at once
 * (so the page can show it) and the work goes to the job queue (jobs/handlers/segment-run.ts),
 * because clustering 100 000 customers takes seconds, too long for a request.
 */
import type { WorkspaceScope } from "#db/scoped";
import { enqueue } from "#jobs/queue";
import { ClusterParamsSchema, RfmParamsSchema } from "./params";
import { createRun, type RunKind, updateRun } from "./runs.server";

export const SEGMENT_RUN_JOB = "segment-run";

export function enqueueSegmentRun(
  scope: WorkspaceScope,
  kind: RunKind,
  params: Record<string, unknown>,
  userId: number | null,
): { runId: number; jobId: number } {
  const checked =
    kind === "rfm" ? RfmParamsSchema.parse(params) : ClusterParamsSchema.parse(params);
  return scope.db.transaction(() => {
    const run = createRun(scope, kind, checked, userId);
    const jobId = enqueue(scope.db, {
      kind: SEGMENT_RUN_JOB,
      workspaceId: scope.workspaceId,
      payload: { workspaceId: scope.workspaceId, runId: run.id },
      // One job per run, even if the form is submitted twice.
      dedupeKey: `segment-run:${run.id}`,
    });
    updateRun(scope, run.id, { jobId });
    return { runId: run.id, jobId };
  });
}
