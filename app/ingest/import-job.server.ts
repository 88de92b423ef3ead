/**
 * Imports through the job queue: the web app stores an upload, the user confirms the
 * mapping, `enqueueImport` queues the job, and the worker (jobs/handlers/import-dataset.ts)
 * runs `importDataset` with the job's progress reporting and stop signal. The handler is
 * safe to run again after a crash: importDataset first removes what an earlier attempt of
 * the dataset inserted.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "#db/client";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { enqueue, finishedStatuses, getJob } from "#jobs/queue";
import { datasetSettingsOf, type ImportOptions, importOptionsSchema } from "./import-options";

export const IMPORT_JOB = "import-dataset";

export const importJobPayload = importOptionsSchema.extend({
  workspaceId: z.number().int().positive(),
  datasetId: z.number().int().positive(),
});

export type ImportJobPayload = z.infer<typeof importJobPayload>;

export class EnqueueError extends Error {
  override name = "EnqueueError";
}

/**
 * Held by an import's live lease (a CLI import, or a worker's up to its last step), or
 * queued or importing unless its job has ended without saying so (a worker that kept dying
 * leaves the job dead): then it may be queued again. A CLI import whose lease expired
 * still counts until the sweep (app/datasets/stale-imports.server.ts) has settled it:
 * callers that must not wait on a dead import run the sweep first.
 */
export function isBeingImported(
  db: Db,
  dataset: typeof datasets.$inferSelect,
  now = Date.now(),
): boolean {
  if (dataset.leaseOwner !== null && (dataset.leaseExpiresAt?.getTime() ?? 0) >= now) return true;
  if (dataset.status !== "queued" && dataset.status !== "importing") return false;
  if (dataset.jobId === null) return dataset.leaseOwner !== null;
  // The dataset's own job: one of another workspace reads as missing.
  const found = getJob(db, dataset.jobId);
  const job = found?.workspaceId === dataset.workspaceId ? found : undefined;
  return !job || !finishedStatuses.includes(job.status);
}

/**
 * Queues the import of an uploaded dataset with the user's settings and mapping, which are
 * stored on the dataset (status "queued") so the page can show them. Returns the job id.
 */
export function enqueueImport(
  scope: WorkspaceScope,
  datasetId: number,
  options: ImportOptions,
): number {
  const { db } = scope;
  const checked = importOptionsSchema.parse(options);
  return db.transaction(() => {
    const dataset = scope.first(datasets, eq(datasets.id, datasetId));
    if (!dataset) throw new EnqueueError(`No dataset ${datasetId} in this workspace`);
    if (isBeingImported(db, dataset)) {
      throw new EnqueueError(`${dataset.fileName} is already being imported`);
    }
    const payload: ImportJobPayload = { ...checked, workspaceId: scope.workspaceId, datasetId };
    const jobId = enqueue(db, {
      kind: IMPORT_JOB,
      payload,
      workspaceId: scope.workspaceId,
      // A bad file fails the same way every time; one retry covers a crashed worker.
      maxAttempts: 2,
    });
    scope.update(
      datasets,
      {
        status: "queued",
        settings: datasetSettingsOf(checked),
        mapping: checked.mapping,
        error: null,
        jobId,
      },
      eq(datasets.id, datasetId),
    );
    return jobId;
  });
}
