/** Fits every channel's response curves again and stores them (after a campaigns import). */

import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { RESPONSE_CURVES_JOB } from "~/campaigns/refit-job.server";
import { refitCurves } from "~/campaigns/response-curves.server";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

const Payload = z.object({ workspaceId: z.number().int() });

export const responseCurvesHandler = defineHandler(
  RESPONSE_CURVES_JOB,
  Payload,
  async (payload, ctx) => {
    if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId)
      throw new PermanentJobError("The job's workspace and its payload disagree");
    // A dozen channels take a few seconds of CPU without a chance to renew the lease.
    ctx.holdLease(120_000);
    const set = refitCurves(scopeTo(getDb(), payload.workspaceId));
    return { runId: set.run_id, channels: set.channels.length };
  },
);
