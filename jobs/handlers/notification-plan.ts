/**
 * Makes a queued notification plan (and ranks the run's next best offers), and estimates
 * the stored plans again after a responses import (app/notifications/plan-job.server.ts).
 */
import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { reestimatePlans } from "~/notifications/plan-estimate.server";
import { NOTIFICATION_PLAN_JOB, PLAN_ESTIMATE_JOB } from "~/notifications/plan-job.server";
import { getPlan, markPlanFailed, runStoredPlan } from "~/notifications/stored-plans.server";
import { errorMessage, PermanentJobError } from "../errors";
import type { JobContext } from "../registry";
import { defineHandler } from "../registry";

function checkWorkspace(ctx: JobContext, workspaceId: number) {
  if (ctx.workspaceId !== null && ctx.workspaceId !== workspaceId)
    throw new PermanentJobError("The job's workspace and its payload disagree");
}

export const notificationPlanHandler = defineHandler(
  NOTIFICATION_PLAN_JOB,
  z.object({ workspaceId: z.number().int(), planId: z.number().int() }),
  async (payload, ctx) => {
    checkWorkspace(ctx, payload.workspaceId);
    // Planning 10,000 customers and ranking a run's offers block the event loop for seconds.
    ctx.holdLease(120_000);
    const scope = scopeTo(getDb(), payload.workspaceId);
    if (!getPlan(scope, payload.planId))
      throw new PermanentJobError(`No notification plan ${payload.planId} in this workspace`);
    try {
      const plan = runStoredPlan(scope, payload.planId);
      return { planId: plan.id, status: plan.status };
    } catch (error) {
      // The last attempt: the page would otherwise wait for a plan that never comes.
      if (ctx.attempt >= ctx.maxAttempts)
        markPlanFailed(scope, payload.planId, errorMessage(error));
      throw error;
    }
  },
);

export const planEstimateHandler = defineHandler(
  PLAN_ESTIMATE_JOB,
  z.object({ workspaceId: z.number().int() }),
  async (payload, ctx) => {
    checkWorkspace(ctx, payload.workspaceId);
    ctx.holdLease(120_000);
    return { plans: reestimatePlans(scopeTo(getDb(), payload.workspaceId)) };
  },
);
