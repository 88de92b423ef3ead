/**
 * Importing a stored upload into the workspace's tables: the lifecycle around the streaming
 * loader (batch-loader.server.ts). The dataset row tells the story: "importing" with running
 * counts, then "succeeded", or "failed" with the error.
 *
 * Failure (a bad file, an exception, an abort) removes the rows this import inserted and its
 * rejected rows, so a failed dataset leaves nothing half-loaded behind. Rows that existed
 * before and were updated by the import keep their new values: earlier values are not kept.
 * A run that finds its dataset already started (a worker died mid-import) first removes
 * what the earlier attempt inserted, so running an import twice is safe. The stored upload
 * is deleted once imported; a failed import keeps it, so it can be tried again.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { datasets } from "#db/schema";
import { scopeTo, type WorkspaceScope } from "#db/scoped";
import { afterDataChanged } from "#jobs/after-data-changed";
import { createProfilesFromTransactions } from "~/customers/transaction-customers.server";
import { FileProblem, type LoadCounts, type LoadPlan, loadFile } from "./batch-loader.server";
import { customerSourcesWatermark, removeDatasetRows } from "./dataset-rows.server";
import { datasetSettingsOf, type ImportOptions, importOptionsSchema } from "./import-options";
import { type DatasetKind, datasetKinds } from "./kinds";
import { rememberMapping } from "./mappings.server";
import type { RowSettings } from "./schemas";
import { sniffCsv } from "./sniff";
import { readSample } from "./upload.server";

export { FileProblem } from "./batch-loader.server";

export interface ImportRequest
  extends ImportOptions,
    Pick<
      LoadPlan,
      "signal" | "onProgress" | "onLongWrite" | "publishChunkRows" | "onPublishChunk"
    > {
  workspaceId: number;
  datasetId: number;
  /** Rows per transaction; default 2,000. */
  batchSize?: number;
}

export interface ImportResult extends LoadCounts {
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
  if (error instanceof FileProblem) return new ImportError(`${fileName}: ${error.message}`, true);
  const code = (error as { code?: string }).code ?? "";
  if (code.startsWith("CSV_")) {
    return new ImportError(`${fileName} cannot be read as CSV: ${(error as Error).message}`, true);
  }
  if ((error as Error).name === "AbortError") {
    const reason = (error as { cause?: unknown }).cause;
    const why = reason instanceof Error ? `: ${reason.message}` : "";
    return new ImportError(`The import of ${fileName} was stopped${why}`, false);
  }
  return new ImportError(`The import of ${fileName} failed: ${(error as Error).message}`, false);
}

const zeroCounts: LoadCounts = {
  rowsRead: 0,
  rowsLoaded: 0,
  rowsRejected: 0,
  rowsNew: 0,
  rowsUpdated: 0,
  rowsUnchanged: 0,
};

/** Marks a dataset failed before its import could start (e.g. its preview found no CSV). */
export function markDatasetFailed(scope: WorkspaceScope, datasetId: number, message: string) {
  scope.update(
    datasets,
    { status: "failed", error: message, finishedAt: new Date() },
    eq(datasets.id, datasetId),
  );
}

export async function importDataset(db: Db, request: ImportRequest): Promise<ImportResult> {
  const { workspaceId, datasetId } = request;
  const options = importOptionsSchema.parse(request);
  const scope = scopeTo(db, workspaceId);
  const dataset = scope.first(datasets, eq(datasets.id, datasetId));
  if (!dataset) throw new ImportError(`No dataset ${datasetId} in this workspace`, true);
  const { kind, storedPath, fileName } = dataset;
  if (!isDatasetKind(kind)) throw new ImportError(`Unknown dataset kind "${kind}"`, true);
  if (!storedPath || !fs.existsSync(storedPath)) {
    throw new ImportError(`The uploaded file of ${fileName} is no longer stored`, true);
  }
  if (dataset.startedAt) {
    // An earlier attempt died without cleaning up: remove what it inserted.
    const earlier = Number(dataset.settings?.[WATERMARK_SETTING] ?? 0);
    removeDatasetRows(db, workspaceId, datasetId, kind, earlier);
  }
  const watermark = customerSourcesWatermark(db, workspaceId);
  const started = performance.now();
  scope.update(
    datasets,
    {
      ...zeroCounts,
      status: "importing",
      settings: { ...datasetSettingsOf(options), [WATERMARK_SETTING]: watermark },
      mapping: options.mapping,
      error: null,
      startedAt: new Date(),
      finishedAt: null,
    },
    eq(datasets.id, datasetId),
  );

  let figures: LoadCounts;
  try {
    figures = await loadStoredFile(db, request, options, { kind, storedPath, fileName });
  } catch (error) {
    const failure = describe(error, fileName);
    removeDatasetRows(db, workspaceId, datasetId, kind, watermark);
    scope.update(
      datasets,
      { ...zeroCounts, status: "failed", error: failure.message, finishedAt: new Date() },
      eq(datasets.id, datasetId),
    );
    throw failure;
  }
  // Analyses built on this data are recomputed (at most hourly; see after-data-changed.ts).
  if (figures.rowsNew + figures.rowsUpdated > 0) afterDataChanged(db, workspaceId);
  const seconds = Math.round(performance.now() - started) / 1000;
  return { datasetId, kind, ...figures, seconds };
}

/** Checks the file, streams it into the tables and marks the dataset succeeded. */
async function loadStoredFile(
  db: Db,
  request: ImportRequest,
  options: ImportOptions,
  dataset: { kind: DatasetKind; storedPath: string; fileName: string },
): Promise<LoadCounts> {
  const { workspaceId, datasetId } = request;
  const { kind, storedPath, fileName } = dataset;
  const sample = await readSample(storedPath);
  const fileBytes = fs.statSync(storedPath).size;
  // Catches what is not a CSV at all (binary, empty, no header) before anything is written.
  const sniffed = sniffCsv(sample, { ...options.settings, truncated: fileBytes > sample.length });
  if (!sniffed.ok) throw new FileProblem(sniffed.message);
  const { signature, ...figures } = await withImportPragmas(db, () =>
    loadFile({
      db,
      workspaceId,
      datasetId,
      kind,
      file: storedPath,
      fileBytes,
      settings: options.settings,
      mapping: options.mapping,
      rowSettings: options.rowSettings as RowSettings,
      defaultSource: options.defaultSource ?? fileName,
      batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE,
      signal: request.signal,
      onProgress: request.onProgress,
      onLongWrite: request.onLongWrite,
      publishChunkRows: request.publishChunkRows,
      onPublishChunk: request.onPublishChunk,
    }),
  );
  // Customer ids of the sales that no profile carries become profiles (customers/…).
  if (kind === "transactions") createProfilesFromTransactions(db, workspaceId, datasetId);
  const scope = scopeTo(db, workspaceId);
  db.transaction(() => {
    rememberMapping(scope, kind, signature, options.mapping);
    scope.update(
      datasets,
      {
        ...figures,
        status: "succeeded",
        headersSignature: signature,
        storedPath: null,
        finishedAt: new Date(),
      },
      eq(datasets.id, datasetId),
    );
  });
  // The upload is kept only until it is imported: a copy of customers' personal data must
  // not outlive its rows (an erasure removes rows, not files).
  fs.rmSync(storedPath, { force: true });
  return figures;
}
