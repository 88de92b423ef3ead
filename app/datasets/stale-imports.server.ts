/**
 * Imports whose process died. An import holds a lease on its dataset
 * (app/ingest/import-lease.server.ts); once the lease has run out, the first process that
 * looks settles the dataset, so that nothing stays "importing" and no erasure waits for it:
 * - published (`published_at` set, in the transaction that committed its last rows): it
 *   stays succeeded with the counts it committed; its stored upload is deleted;
 * - a worker job that the queue will run again: its rows are removed and the dataset goes
 *   back to "queued" (the file is kept for the retry, which removes leftovers itself too);
 * - otherwise: its rows and rejected rows are removed, its stored upload is deleted and it
 *   is marked failed, saying so.
 * Staged transactions need no cleaning: they live in a TEMP table of the dead connection.
 *
 * Called at the web app's start, at the worker's start and every few seconds in it, at the
 * start of the CLI commands that touch datasets, and before an erasure checks for running
 * imports. Each dataset is settled in its own write transaction, after checking again that
 * its lease is still the expired one, so two processes sweeping at once do no harm.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { datasets } from "#db/schema";
import { scopeTo, type WorkspaceScope } from "#db/scoped";
import { finishedStatuses, getWorkspaceJob } from "#jobs/queue";
import { message } from "~/i18n/message-code";
import { removeDatasetRows } from "~/ingest/dataset-rows.server";
import { type DatasetKind, datasetKinds } from "~/ingest/kinds";
import { releasePublished, withStoredCopyRemoved } from "~/ingest/load.server";
import { removeAbandonedUploads } from "~/ingest/upload.server";

/** Stored as a message code: the dataset page words it in its reader's language. */
export const STOPPED_IMPORT_ERROR = message("messages:ingest.import.processEnded");

type Dataset = typeof datasets.$inferSelect;

export interface SettledImport {
  datasetId: number;
  workspaceId: number;
  fileName: string;
  /** What the dataset is now. */
  status: "succeeded" | "failed" | "queued";
}

/** Expired lease, or "importing" with no lease at all (left by a version without leases). */
function isStale(dataset: Dataset | undefined, now: number): dataset is Dataset {
  if (!dataset) return false;
  if (dataset.leaseOwner === null) return dataset.status === "importing";
  return (dataset.leaseExpiresAt?.getTime() ?? 0) < now;
}

/** The dataset's job will be claimed again (its worker died before its last attempt). */
function jobWillRetry(scope: WorkspaceScope, dataset: Dataset): boolean {
  if (dataset.jobId === null) return false;
  const job = getWorkspaceJob(scope, dataset.jobId);
  if (!job || finishedStatuses.includes(job.status)) return false;
  return job.status !== "running" || job.attempts < job.maxAttempts;
}

const zeroCounts = {
  rowsRead: 0,
  rowsLoaded: 0,
  rowsRejected: 0,
  rowsNew: 0,
  rowsUpdated: 0,
  rowsUnchanged: 0,
};

function settle(scope: WorkspaceScope, found: Dataset, now: number): SettledImport | undefined {
  const { db } = scope;
  return db.transaction(() => {
    const dataset = scope.first(datasets, eq(datasets.id, found.id));
    // Renewed, finished or settled by someone else since it was listed.
    if (!isStale(dataset, now) || dataset.leaseOwner !== found.leaseOwner) return undefined;
    const settled = { datasetId: dataset.id, workspaceId: dataset.workspaceId };
    const fileName = dataset.fileName;
    if (dataset.publishedAt) {
      releasePublished(db, dataset);
      return { ...settled, fileName, status: "succeeded" as const };
    }
    const kind = dataset.kind as DatasetKind;
    if ((datasetKinds as readonly string[]).includes(kind)) {
      const watermark = Number(dataset.settings?.customerSourcesAfter ?? 0);
      removeDatasetRows(scope, dataset.id, kind, watermark);
    }
    const released = { ...zeroCounts, leaseOwner: null, leaseExpiresAt: null };
    if (jobWillRetry(scope, dataset)) {
      scope.update(datasets, { ...released, status: "queued" }, eq(datasets.id, dataset.id));
      return { ...settled, fileName, status: "queued" as const };
    }
    // Deleted inside the transaction, once it is certain the dataset is ours to settle.
    const stored = dataset.storedPath;
    if (stored) fs.rmSync(stored, { force: true });
    scope.update(
      datasets,
      {
        ...released,
        status: "failed",
        error: stored ? withStoredCopyRemoved(STOPPED_IMPORT_ERROR) : STOPPED_IMPORT_ERROR,
        storedPath: null,
        finishedAt: new Date(now),
      },
      eq(datasets.id, dataset.id),
    );
    return { ...settled, fileName, status: "failed" as const };
  });
}

/** Settles every dataset whose import's lease has run out; returns what it did. */
export function recoverExpiredImports(db: Db, now = Date.now()): SettledImport[] {
  // Across workspaces, as a worker claims jobs: the sweep is the system's, not a tenant's.
  const stale = db.$client
    .prepare(
      `SELECT id, workspace_id AS workspaceId FROM datasets
       WHERE (lease_owner IS NOT NULL AND lease_expires_at < ?)
          OR (lease_owner IS NULL AND status = 'importing')`,
    )
    .all(now) as { id: number; workspaceId: number }[];
  const settled: SettledImport[] = [];
  for (const { id, workspaceId } of stale) {
    // The sweep's entry point: each stale dataset's workspace, resolved once.
    const scope = scopeTo(db, workspaceId);
    const dataset = scope.first(datasets, eq(datasets.id, id));
    if (!dataset) continue;
    const outcome = settle(scope, dataset, now);
    if (outcome) settled.push(outcome);
  }
  return settled;
}

/**
 * What a process does when it starts (web app, worker, CLI): settles dead imports and
 * removes upload files that a dead process was still receiving.
 */
export function recoverAtStart(db: Db): { imports: SettledImport[]; partialUploads: number } {
  return {
    imports: recoverExpiredImports(db),
    partialUploads: removeAbandonedUploads({ ownUploadsLive: false }),
  };
}
