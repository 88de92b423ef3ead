/**
 * After a campaigns import the response curves are fitted again in the background (the job
 * handler is jobs/handlers/response-curves.ts), so the Forecast page finds them ready. One
 * job per imported dataset; pages also refit on demand when the data changed since.
 */
import type { WorkspaceScope } from "#db/scoped";
import { enqueue } from "#jobs/queue";

export const RESPONSE_CURVES_JOB = "response-curves-refit";

export function enqueueCurveRefit(scope: WorkspaceScope, datasetId: number): number {
  const { workspaceId } = scope;
  return enqueue(scope.db, {
    kind: RESPONSE_CURVES_JOB,
    workspaceId,
    payload: { workspaceId },
    dedupeKey: `response-curves:${workspaceId}:${datasetId}`,
  });
}
