/**
 * Notification plans are made on the queue (jobs/handlers/notification-plan.ts): the page
 * stores a queued plan and reads it back when the job has filled it in. After a responses
 * import the stored plans are estimated again, once per imported dataset (ADR 030).
 */
import { eq } from "drizzle-orm";
import { notificationPlans } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { enqueue } from "#jobs/queue";

export const NOTIFICATION_PLAN_JOB = "notification-plan";
export const PLAN_ESTIMATE_JOB = "notification-plan-estimate";

export interface NewPlan {
  runId: number;
  segment: string;
  weeklyCap: number;
  explore: number;
  seed?: number;
  createdBy: number | null;
}

/** Stores a queued plan and its job; returns the plan's id. */
export function enqueueNotificationPlan(scope: WorkspaceScope, plan: NewPlan): number {
  const { workspaceId } = scope;
  return scope.db.transaction(() => {
    const row = scope.insert(notificationPlans, {
      runId: plan.runId,
      segment: plan.segment,
      weeklyCap: plan.weeklyCap,
      explore: plan.explore,
      seed: plan.seed ?? 1,
      createdBy: plan.createdBy,
    });
    const jobId = enqueue(scope.db, {
      kind: NOTIFICATION_PLAN_JOB,
      workspaceId,
      payload: { workspaceId, planId: row.id },
    });
    scope.update(notificationPlans, { jobId }, eq(notificationPlans.id, row.id));
    return row.id;
  });
}

/**
 * After responses were imported: re-estimates the workspace's finished plans, if it has
 * any. Returns the job id, or undefined when there is no plan to estimate.
 */
export function enqueuePlanReestimate(
  scope: WorkspaceScope,
  datasetId: number,
): number | undefined {
  const { workspaceId } = scope;
  if (!scope.first(notificationPlans, eq(notificationPlans.status, "succeeded"))) return undefined;
  return enqueue(scope.db, {
    kind: PLAN_ESTIMATE_JOB,
    workspaceId,
    payload: { workspaceId },
    dedupeKey: `plan-estimate:${workspaceId}:${datasetId}`,
  });
}
