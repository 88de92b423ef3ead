/**
 * Loads one uploaded file (queued by enqueueImport) into the workspace's tables, reporting
 * progress and holding its lease while a long publish blocks the worker. A file the import
 * can never load (bad mapping, unreadable) fails the job permanently; anything else is
 * retried with the stored file kept.
 */
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { IMPORT_JOB, importJobPayload } from "~/ingest/import-job.server";
import { ImportError, importDataset } from "~/ingest/load.server";
import { PermanentJobError } from "../errors";
import { defineHandler } from "../registry";

export const importDatasetHandler = defineHandler(
  IMPORT_JOB,
  importJobPayload,
  async (payload, ctx) => {
    if (ctx.workspaceId !== payload.workspaceId) {
      throw new PermanentJobError("The job's workspace does not match its payload");
    }
    try {
      const { workspaceId, ...request } = payload;
      // The job's workspace, resolved once for the whole import.
      const result = await importDataset(scopeTo(getDb(), workspaceId), {
        ...request,
        signal: ctx.signal,
        onProgress: (progress) => ctx.progress({ ...progress, message: "importing" }),
        // Publishing a large file blocks the worker: no heartbeat can renew the lease then.
        onLongWrite: (expectedMs) => ctx.holdLease(expectedMs),
        // A failure the queue will retry keeps the stored file for the retry.
        finalAttempt: ctx.attempt >= ctx.maxAttempts,
      });
      return { ...result };
    } catch (error) {
      if (error instanceof ImportError && error.permanent)
        throw new PermanentJobError(error.message);
      throw error;
    }
  },
);
