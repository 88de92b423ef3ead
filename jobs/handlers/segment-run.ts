/**
 * Runs the RFM or clustering analysis of one queued analysis_runs row (created by
 * enqueueSegmentRun). Re-running is safe: the run's assignments are replaced, not appended.
 * Bad parameters or a run that no longer exists fail the job permanently.
 */
import { ZodError, z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { runClustering } from "~/segments/cluster-run.server";
import { SEGMENT_RUN_JOB } from "~/segments/enqueue.server";
import { RunNotFoundError, SegmentInputError } from "~/segments/errors";
import { ClusterParamsSchema, RfmParamsSchema } from "~/segments/params";
import { runRfm } from "~/segments/rfm-run.server";
import { yieldToEventLoop } from "~/segments/run-lifecycle.server";
import { storeDefaultRunViews } from "~/segments/run-views.server";
import { getRun, updateRun } from "~/segments/runs.server";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

const Payload = z.object({ workspaceId: z.number().int(), runId: z.number().int() });

export const segmentRunHandler = defineHandler(SEGMENT_RUN_JOB, Payload, async (payload, ctx) => {
  if (ctx.workspaceId !== null && ctx.workspaceId !== payload.workspaceId)
    throw new PermanentJobError("The job's workspace and its payload disagree");
  const { runId } = payload;
  // The job's workspace, resolved once: everything below reads and writes through it.
  const scope = scopeTo(getDb(), payload.workspaceId);
  const options = {
    runId,
    onProgress: ({ percent, message }: { percent: number; message: string }) =>
      ctx.progress({ percent, message }),
  };
  // What the run's tabs show is computed here, once, and stored: the pages only read it.
  const storeViews = () =>
    storeDefaultRunViews(scope, runId, async () => {
      ctx.holdLease(120_000);
      await yieldToEventLoop();
    });
  try {
    const run = getRun(scope, runId);
    if (run.kind === "rfm") {
      const result = await runRfm(scope, RfmParamsSchema.parse(run.params), options);
      await storeViews();
      return { runId, kind: "rfm", customers: result.customers_scored };
    }
    if (run.kind === "cluster") {
      const params = ClusterParamsSchema.parse(run.params);
      const result = await runClustering(scope, params, options);
      await storeViews();
      return { runId, kind: "cluster", k: result.k, customers: result.customers_used };
    }
    throw new PermanentJobError(`Unknown analysis kind "${run.kind}"`);
  } catch (error) {
    const permanent =
      error instanceof RunNotFoundError ||
      error instanceof SegmentInputError ||
      error instanceof ZodError;
    const message = error instanceof Error ? error.message : String(error);
    // Errors before the analysis started (bad stored parameters) would leave it "queued".
    if (!(error instanceof RunNotFoundError))
      updateRun(scope, runId, {
        status: "failed",
        error: message,
        finishedAt: new Date(),
      });
    if (permanent) throw new PermanentJobError(message);
    throw error;
  }
});
