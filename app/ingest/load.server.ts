/**
 * Importing a stored upload into the workspace's tables: the lifecycle around the streaming
 * loader (batch-loader.server.ts). The dataset row tells the story: "importing" with running
 * counts, then "succeeded", or "failed" with the error.
 *
 * The import holds a lease on the dataset (import-lease.server.ts), renewed while it runs,
 * and every write transaction checks it still holds it. "Succeeded" and `published_at` are
 * written in the transaction that commits the last of its rows (for transactions, the last
 * publish transaction; for the other kinds, which commit batch by batch, a final
 * transaction after the last batch): a dataset without `published_at` has no rows that
 * count, so whoever finds its lease expired removes them (app/datasets/stale-imports).
 *
 * Failure (a bad file, an exception, an abort) removes the rows this import inserted and its
 * rejected rows, so a failed dataset leaves nothing half-loaded behind. Rows that existed
 * before and were updated by the import keep their new values: earlier values are not kept.
 * A run that finds its dataset already started (a worker died mid-import) first removes
 * what the earlier attempt inserted, so running an import twice is safe. The stored upload
 * is deleted once imported, and when an import fails for good (the error says so): only a
 * worker job that will be retried keeps it for the retry.
 */

import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { afterDataChanged } from "#jobs/after-data-changed";
import { enqueueCurveRefit } from "~/campaigns/refit-job.server";
import { createProfilesFromTransactions } from "~/customers/transaction-customers.server";
import { duplicateKeyRows } from "~/datasets/rows-held-elsewhere.server";
import { englishMessage } from "~/i18n/english";
import { looksLikeMessage, message } from "~/i18n/message-code";
import { enqueuePlanReestimate } from "~/notifications/plan-job.server";
import { dataChanged } from "~/segments/run-views.server";
import { FileProblem, type LoadCounts, type LoadPlan, loadFile } from "./batch-loader.server";
import { customerSourcesWatermark, removeDatasetRows } from "./dataset-rows.server";
import {
  type HeldLease,
  holdImportLease,
  ImportLeaseLost,
  importLeaseMs,
  newLeaseOwner,
  takeImportLease,
} from "./import-lease.server";
import { datasetSettingsOf, type ImportOptions, importOptionsSchema } from "./import-options";
import { type DatasetKind, datasetKinds } from "./kinds";
import { rememberMapping } from "./mappings.server";
import type { RowSettings } from "./schemas";
import { sniffCsv } from "./sniff";
import { readSample } from "./upload.server";
import type { BatchCounts } from "./writer-context";

export { FileProblem } from "./batch-loader.server";

export interface ImportRequest
  extends ImportOptions,
    Pick<
      LoadPlan,
      "signal" | "onProgress" | "onLongWrite" | "publishChunkRows" | "onPublishChunk"
    > {
  datasetId: number;
  /** Rows per transaction; default 2,000. */
  batchSize?: number;
  /**
   * False when a failure will be tried again (a worker job with attempts left): the stored
   * file is then kept for the retry. Default true: a failed import deletes it.
   */
  finalAttempt?: boolean;
  /** How long the dataset's lease lasts without renewal; default importLeaseMs(). */
  leaseMs?: number;
  /** Called once the import's rows and its "succeeded" have committed (tests pause here). */
  afterPublish?: () => void;
}

export interface ImportResult extends LoadCounts {
  /** Cells left empty in rows that were kept (see cell-warnings.server.ts). */
  cellWarnings: number;
  /** Rows rejected because an earlier row of the file had their key (among rowsRejected). */
  duplicateKeys: number;
  datasetId: number;
  kind: DatasetKind;
  seconds: number;
}

/** A failed import; `permanent` when the file itself is the problem (retrying cannot help). */
export class ImportError extends Error {
  override name = "ImportError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Rows per transaction. Fewer, larger commits cost less, but a batch and what it staged
 * are held until written, and whatever a garbage collection finds held is moved to the old
 * generation, where it lingers: a 300k-row file with long product names peaked at 283–298
 * MB with 5,000 rows and at 236 MB with 2,000, at the same speed (1,000 was no better).
 */
const DEFAULT_BATCH_SIZE = 2_000;

/**
 * WAL pages before this connection checkpoints, during an import (default 1,000). Every
 * checkpoint syncs the database file; at the default a large import spends a third of its
 * write time there. The WAL grows to about 40 MB instead of 4 MB; durability is unchanged.
 */
const IMPORT_WAL_AUTOCHECKPOINT = 10_000;

/**
 * SQLite's page cache during an import, in KiB (the default is 2 MB). A batch inserts into
 * the secondary indexes at scattered places (customer ids and dates come in any order), so
 * it dirties thousands of index pages; past the cache's size they are spilled to the WAL
 * mid-transaction and written again at the commit. Kept within the import's memory budget.
 */
const IMPORT_CACHE_KIB = 32_768;

/** Runs `work` with the import's checkpoint interval, restoring the connection's own after. */
async function withImportPragmas<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = db.$client.pragma("wal_autocheckpoint", { simple: true }) as number;
  const previousCache = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma(`wal_autocheckpoint = ${IMPORT_WAL_AUTOCHECKPOINT}`);
  db.$client.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    db.$client.pragma(`wal_autocheckpoint = ${previous}`);
    db.$client.pragma(`cache_size = ${previousCache}`);
  }
}

/** Kept with the dataset's settings so that a retry after a crash knows it too. */
const WATERMARK_SETTING = "customerSourcesAfter";

function isDatasetKind(kind: string): kind is DatasetKind {
  return (datasetKinds as readonly string[]).includes(kind);
}

function describe(error: unknown, fileName: string): ImportError {
  // Stored as message codes (dataset.error), read in the reader's language; a library's
  // own text (csv-parse, the file system) stays as it is inside them.
  const file = fileName;
  if (error instanceof FileProblem) {
    return new ImportError(
      message("messages:ingest.import.fileProblem", { file, problem: error.message }),
      true,
    );
  }
  const code = (error as { code?: string }).code ?? "";
  if (code.startsWith("CSV_")) {
    const text = (error as Error).message;
    return new ImportError(message("messages:ingest.import.notCsv", { file, error: text }), true);
  }
  if ((error as Error).name === "AbortError") {
    const reason = (error as { cause?: unknown }).cause;
    return new ImportError(
      reason instanceof Error
        ? message("messages:ingest.import.stoppedBecause", { file, why: reason.message })
        : message("messages:ingest.import.stopped", { file }),
      false,
    );
  }
  const text = (error as Error).message;
  return new ImportError(message("messages:ingest.import.failed", { file, error: text }), false);
}

const zeroCounts: LoadCounts = {
  rowsRead: 0,
  rowsLoaded: 0,
  rowsRejected: 0,
  rowsNew: 0,
  rowsUpdated: 0,
  rowsUnchanged: 0,
};

/** Appended to the error of a failed import whose stored upload was deleted. */
export const STORED_COPY_REMOVED =
  "Its uploaded file was deleted, so that no copy of the data is kept; upload it again to try once more.";

/** A failed import's error, saying that its stored upload was deleted. */
export function withStoredCopyRemoved(error: string): string {
  if (looksLikeMessage(error)) {
    // A sentence follows: after one that ends with its own stop the key adds none.
    const ended = /[.!?]$/.test(englishMessage(error));
    return message(`messages:ingest.import.${ended ? "copyRemovedAfter" : "copyRemoved"}`, {
      error,
    });
  }
  return `${/[.!?]$/.test(error) ? error : `${error}.`} ${STORED_COPY_REMOVED}`;
}

/**
 * Marks a dataset failed before its import could start (e.g. its preview found no CSV),
 * deleting its stored upload: a failed import keeps no copy of the file.
 */
export function markDatasetFailed(scope: WorkspaceScope, datasetId: number, message: string) {
  const dataset = scope.first(datasets, eq(datasets.id, datasetId));
  if (dataset?.storedPath) fs.rmSync(dataset.storedPath, { force: true });
  scope.update(
    datasets,
    {
      status: "failed",
      error: dataset?.storedPath ? withStoredCopyRemoved(message) : message,
      storedPath: null,
      finishedAt: new Date(),
    },
    eq(datasets.id, datasetId),
  );
}

/**
 * Marks the dataset succeeded with its running counts plus `added` (what a publish learnt),
 * inside the caller's transaction, which must be the one that commits the last rows.
 * Throws ImportLeaseLost (rolling the rows back) when the import no longer owns it.
 */
function commitPublish(db: Db, datasetId: number, owner: string, added: BatchCounts): void {
  const now = Date.now();
  const { changes } = db.$client
    .prepare(
      `UPDATE datasets SET rows_new = rows_new + ?, rows_updated = rows_updated + ?,
         rows_unchanged = rows_unchanged + ?, status = 'succeeded', published_at = ?,
         finished_at = ?
       WHERE id = ? AND lease_owner = ? AND published_at IS NULL`,
    )
    .run(added.new, added.updated, added.unchanged, now, now, datasetId, owner);
  if (changes !== 1) throw new ImportLeaseLost("the import lost its dataset before publishing");
}

/**
 * The last step of a published import (also the sweep's, when its process died between
 * the publish and this): its stored upload is deleted, then the lease released.
 */
export function releasePublished(db: Db, dataset: { id: number; storedPath: string | null }) {
  // The upload is kept only until it is imported: a copy of customers' personal data must
  // not outlive its rows (an erasure removes rows, not files).
  if (dataset.storedPath) fs.rmSync(dataset.storedPath, { force: true });
  db.$client
    .prepare(
      `UPDATE datasets SET stored_path = NULL, lease_owner = NULL, lease_expires_at = NULL
       WHERE id = ? AND published_at IS NOT NULL`,
    )
    .run(dataset.id);
}

function countsOf(dataset: typeof datasets.$inferSelect): LoadCounts {
  const { rowsRead, rowsLoaded, rowsRejected, rowsNew, rowsUpdated, rowsUnchanged } = dataset;
  return { rowsRead, rowsLoaded, rowsRejected, rowsNew, rowsUpdated, rowsUnchanged };
}

/** Imports a dataset of the scope's workspace (the job handler or the CLI resolved it). */
export async function importDataset(
  scope: WorkspaceScope,
  request: ImportRequest,
): Promise<ImportResult> {
  const { datasetId } = request;
  const { db } = scope;
  const options = importOptionsSchema.parse(request);
  const dataset = scope.first(datasets, eq(datasets.id, datasetId));
  if (!dataset) throw new ImportError(`No dataset ${datasetId} in this workspace`, true);
  const { kind, storedPath, fileName } = dataset;
  if (!isDatasetKind(kind)) throw new ImportError(`Unknown dataset kind "${kind}"`, true);
  if (dataset.publishedAt) {
    // An earlier attempt published and died before tidying up: its result stands.
    releasePublished(db, dataset);
    return {
      datasetId,
      kind,
      ...countsOf(dataset),
      cellWarnings: dataset.cellWarnings,
      duplicateKeys: duplicateKeyRows(scope, datasetId),
      seconds: 0,
    };
  }
  if (!storedPath || !fs.existsSync(storedPath)) {
    throw new ImportError(`The uploaded file of ${fileName} is no longer stored`, true);
  }
  const owner = newLeaseOwner();
  const leaseMs = request.leaseMs ?? importLeaseMs();
  const watermark = db.transaction(() => {
    if (!takeImportLease(scope, datasetId, owner, leaseMs)) {
      throw new ImportError(`${fileName} is being imported by another process`, false);
    }
    if (dataset.startedAt) {
      // An earlier attempt died without cleaning up: remove what it inserted.
      const earlier = Number(dataset.settings?.[WATERMARK_SETTING] ?? 0);
      removeDatasetRows(scope, datasetId, kind, earlier);
    }
    const mark = customerSourcesWatermark(scope);
    scope.update(
      datasets,
      {
        ...zeroCounts,
        cellWarnings: 0,
        status: "importing",
        settings: { ...datasetSettingsOf(options), [WATERMARK_SETTING]: mark },
        mapping: options.mapping,
        error: null,
        startedAt: new Date(),
        finishedAt: null,
      },
      eq(datasets.id, datasetId),
    );
    return mark;
  });
  const started = performance.now();
  const lease = holdImportLease(db, datasetId, owner, leaseMs);

  let figures: LoadCounts & { duplicateKeys: number };
  try {
    figures = await loadStoredFile(scope, request, options, { kind, storedPath, fileName }, lease);
  } catch (error) {
    lease.stop();
    const failure = describe(error, fileName);
    // The sweep (or a new attempt) has the dataset now and has dealt with its rows.
    if (lease.signal.aborted || error instanceof ImportLeaseLost) throw failure;
    const final = request.finalAttempt !== false || failure.permanent;
    if (final) fs.rmSync(storedPath, { force: true });
    db.transaction(() => {
      removeDatasetRows(scope, datasetId, kind, watermark);
      // Batches it had written were visible until now: what was worked out from them is stale.
      dataChanged(scope);
      scope.update(
        datasets,
        {
          ...zeroCounts,
          cellWarnings: 0,
          status: "failed",
          error: final ? withStoredCopyRemoved(failure.message) : failure.message,
          storedPath: final ? null : storedPath,
          leaseOwner: null,
          leaseExpiresAt: null,
          finishedAt: new Date(),
        },
        eq(datasets.id, datasetId),
      );
    });
    throw failure;
  }
  lease.stop();
  request.afterPublish?.();
  releasePublished(db, { id: datasetId, storedPath });
  // Analyses built on this data are recomputed (at most hourly; see after-data-changed.ts).
  if (figures.rowsNew + figures.rowsUpdated > 0) afterDataChanged(scope);
  // New campaign rows: the Forecast page's response curves are fitted again in the background.
  if (kind === "campaigns" && figures.rowsNew + figures.rowsUpdated > 0)
    enqueueCurveRefit(scope, datasetId);
  // New responses: stored notification plans are estimated again on them (ADR 030).
  if (kind === "responses" && figures.rowsNew + figures.rowsUpdated > 0)
    enqueuePlanReestimate(scope, datasetId);
  const seconds = Math.round(performance.now() - started) / 1000;
  // Counted in the dataset row by whoever wrote them (rows here, undecodable bytes there).
  const cellWarnings = scope.first(datasets, eq(datasets.id, datasetId))?.cellWarnings ?? 0;
  return { datasetId, kind, ...figures, cellWarnings, seconds };
}

/** Checks the file, streams it into the tables and marks the dataset succeeded. */
async function loadStoredFile(
  scope: WorkspaceScope,
  request: ImportRequest,
  options: ImportOptions,
  dataset: { kind: DatasetKind; storedPath: string; fileName: string },
  lease: HeldLease,
): Promise<LoadCounts & { duplicateKeys: number }> {
  const { datasetId } = request;
  const { db } = scope;
  const { kind, storedPath, fileName } = dataset;
  const sample = await readSample(storedPath);
  const fileBytes = fs.statSync(storedPath).size;
  // Catches what is not a CSV at all (binary, empty, no header) before anything is written.
  const sniffed = sniffCsv(sample, { ...options.settings, truncated: fileBytes > sample.length });
  if (!sniffed.ok) throw new FileProblem(sniffed.message);
  let published = false;
  const { signature, duplicateKeys, ...figures } = await withImportPragmas(db, () =>
    loadFile({
      scope,
      datasetId,
      kind,
      file: storedPath,
      fileBytes,
      settings: options.settings,
      mapping: options.mapping,
      rowSettings: options.rowSettings as RowSettings,
      defaultSource: options.defaultSource ?? fileName,
      batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE,
      signal: request.signal ? AbortSignal.any([request.signal, lease.signal]) : lease.signal,
      onProgress: request.onProgress,
      // Publishing blocks the event loop: the leases are extended for as long as it takes.
      onLongWrite: (expectedMs) => {
        lease.hold(expectedMs);
        request.onLongWrite?.(expectedMs);
      },
      publishChunkRows: request.publishChunkRows,
      onPublishChunk: request.onPublishChunk,
      assertOwned: lease.assertOwned,
      onPublished: (counts) => {
        commitPublish(db, datasetId, lease.owner, counts);
        published = true;
      },
    }),
  );
  // Customer ids of the sales that no profile carries become profiles (customers/…).
  if (kind === "transactions") createProfilesFromTransactions(scope, datasetId);
  db.transaction(() => {
    // Kinds written batch by batch (and a file of no rows) are published here.
    if (!published) commitPublish(db, datasetId, lease.owner, { new: 0, updated: 0, unchanged: 0 });
    rememberMapping(scope, kind, signature, options.mapping);
    scope.update(datasets, { ...figures, headersSignature: signature }, eq(datasets.id, datasetId));
  });
  return { ...figures, duplicateKeys };
}
