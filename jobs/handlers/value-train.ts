/**
 * Trains the customer value model of one queued value_models row (created by
 * enqueueValueTraining) and stores every analysed customer's predicted value. Re-running
 * is safe: the model's values are replaced, not appended.
 */
import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import {
  failValueModel,
  trainAndStoreValues,
  VALUE_TRAIN_JOB,
  ValueModelNotFoundError,
} from "~/customers/value-models.server";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

const Payload = z.object({ workspaceId: z.number().int(), modelId: z.number().int() });

export const valueTrainHandler = defineHandler(VALUE_TRAIN_JOB, Payload, async (payload, ctx) => {
  if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId)
    throw new PermanentJobError("The job's workspace and its payload disagree");
  // 20,000 customers take 10–20 s of CPU without a chance to renew the lease.
  ctx.holdLease(180_000);
  const scope = scopeTo(getDb(), payload.workspaceId);
  try {
    const result = trainAndStoreValues(scope, payload.modelId);
    return result.ok
      ? { modelId: payload.modelId, used: result.used, customers: result.scored_customers }
      : { modelId: payload.modelId, reason: result.reason };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ValueModelNotFoundError) throw new PermanentJobError(message);
    failValueModel(scope, payload.modelId, message);
    throw error;
  }
});
