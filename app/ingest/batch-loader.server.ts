/**
 * The streaming core of an import: records in batches from the file, mapped and validated
 * row by row, and each batch written in ONE SQLite transaction (valid rows, rejected rows
 * and the dataset's running counts together, so the counts always match the tables).
 */
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { datasets } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { cellWarningWriter } from "./cell-warnings.server";
import { locateRecord, type RecordBatch, readRecordBatches } from "./csv-reader.server";
import { headerProblem, uniqueHeaders, withoutTrailingEmpty } from "./header";
import { invalidBytesWarnings } from "./invalid-utf8";
import type { DatasetKind } from "./kinds";
import { type ColumnMapping, headersSignature, validateMapping } from "./mapping";
import { createRowMapper, type RowMapper } from "./row-mapper";
import { createRowWriter } from "./row-writers.server";
import { formatRowError, type RowByKind, type RowSettings, validateRow } from "./schemas";
import type { CsvSettings } from "./settings";
import type { PublishHooks, RowWriter } from "./writer-context";

/** The file itself cannot be imported (retrying will not help). */
export class FileProblem extends Error {
  override name = "FileProblem";
}

export interface LoadCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
}

export interface LoadProgress {
  rows: number;
  /** Share of the file's bytes read, 0–100. */
  percent: number;
  /** Rows per second so far. */
  rate: number;
}

export interface LoadPlan extends PublishHooks {
  db: Db;
  workspaceId: number;
  datasetId: number;
  kind: DatasetKind;
  file: string;
  fileBytes: number;
  settings: CsvSettings;
  mapping: ColumnMapping;
  rowSettings: RowSettings;
  defaultSource: string;
  batchSize: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Called before a step that blocks for about `expectedMs` (publishing staged rows). */
  onLongWrite?: (expectedMs: number) => void;
}

/**
 * Publishing takes about 3 µs per staged row on the development machine (decision 009);
 * whoever waits on it is told ten times that, as disks and machines differ.
 */
const PUBLISH_MS_PER_ROW = 0.03;

/** Raw text kept per rejected row; a runaway line (wrong quote) must not bloat the table. */
const MAX_RAW_CHARS = 65_536;

interface Rejected {
  index: number;
  column: string | null;
  reason: string;
}

function headerOf<K extends DatasetKind>(
  kind: K,
  first: string[],
  mapping: ColumnMapping,
  rowSettings: RowSettings,
  writer: RowWriter<K>,
) {
  const problem = headerProblem(first);
  if (problem) throw new FileProblem(problem.message);
  const headers = uniqueHeaders(withoutTrailingEmpty(first));
  const check = validateMapping(kind, headers, mapping);
  if (!check.ok) {
    throw new FileProblem(`The columns do not fit ${kind}: ${check.problems.join(" ")}`);
  }
  return {
    mapper: createRowMapper(kind, headers, mapping),
    take: writer.recordTaker?.(headers, mapping, rowSettings) ?? null,
    headers,
    width: headers.length,
    signature: headersSignature(headers),
  };
}

export async function loadFile(plan: LoadPlan): Promise<LoadCounts & { signature: string }> {
  const { db, workspaceId, datasetId, kind, rowSettings } = plan;
  const scope = scopeTo(db, workspaceId);
  const writer = createRowWriter(kind, plan);
  const insertReject = db.$client.prepare(
    `INSERT INTO rejected_rows (workspace_id, dataset_id, line_number, "column", reason, raw)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const counts: LoadCounts = {
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsNew: 0,
    rowsUpdated: 0,
    rowsUnchanged: 0,
  };
  let mapper: RowMapper | undefined;
  let take: ((fields: readonly string[]) => boolean) | null = null;
  let width = 0;
  let headers: readonly string[] = [];
  let signature = "";
  // Lines with bytes that are not UTF-8 (the reader finds them): one cell warning each.
  const cellWarnings = cellWarningWriter(db, workspaceId, datasetId);
  let bytesRead = 0;
  const started = performance.now();

  // IMMEDIATE: the batch reads before it writes, and a deferred transaction that another
  // connection wrote under in between would fail with SQLITE_BUSY instead of waiting.
  const writeBatch = db.$client
    .transaction(
      (
        batch: RecordBatch,
        valid: RowByKind[DatasetKind][],
        taken: number,
        rejected: Rejected[],
      ) => {
        const written = writer.write(valid);
        if (batch.invalidBytes) cellWarnings.add(invalidBytesWarnings(batch.invalidBytes, headers));
        for (const { index, column, reason } of rejected) {
          const { line, text } = locateRecord(batch.raws[index] ?? "", batch.endLines[index] ?? 0);
          const raw = text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
          insertReject.run(workspaceId, datasetId, line, column, reason, raw);
        }
        counts.rowsRead += valid.length + taken + rejected.length;
        counts.rowsLoaded += valid.length + taken;
        counts.rowsRejected += rejected.length;
        counts.rowsNew += written.new;
        counts.rowsUpdated += written.updated;
        counts.rowsUnchanged += written.unchanged;
        scope.update(datasets, { ...counts }, eq(datasets.id, datasetId));
      },
    )
    .immediate.bind(null);

  try {
    await readRecordBatches(
      plan.file,
      plan.settings,
      {
        batchSize: plan.batchSize,
        signal: plan.signal,
        onBytesRead: (bytes) => (bytesRead = bytes),
      },
      (batch) => {
        plan.signal?.throwIfAborted();
        let first = 0;
        if (!mapper) {
          ({ mapper, take, headers, width, signature } = headerOf(
            kind,
            batch.records[0] ?? [],
            plan.mapping,
            rowSettings,
            writer,
          ));
          first = 1;
        }
        const valid: RowByKind[DatasetKind][] = [];
        // Records the writer took itself (see RowWriter.recordTaker).
        let taken = 0;
        const rejected: Rejected[] = [];
        for (let index = first; index < batch.records.length; index++) {
          const fields = batch.records[index] as string[];
          // Records the writer cannot take as they are (and rows of another width) take the
          // full way, which gives every rejection its message.
          if (take !== null && fields.length === width && take(fields)) {
            taken++;
            continue;
          }
          const shaped = mapper(fields);
          if (!shaped.ok) {
            rejected.push({ index, column: null, reason: shaped.reason });
            continue;
          }
          const result = validateRow(kind, shaped.mapped, rowSettings);
          if (result.ok && writer.add) {
            writer.add(result.value);
            taken++;
          } else if (result.ok) valid.push(result.value);
          else {
            const reason = result.errors.map(formatRowError).join("; ");
            rejected.push({ index, column: result.errors[0]?.column ?? null, reason });
          }
        }
        writeBatch(batch, valid, taken, rejected);
        const seconds = (performance.now() - started) / 1000;
        plan.onProgress?.({
          rows: counts.rowsRead,
          percent:
            plan.fileBytes > 0
              ? Math.min(100, Math.round((bytesRead / plan.fileBytes) * 1000) / 10)
              : 100,
          rate: seconds > 0 ? Math.round(counts.rowsRead / seconds) : 0,
        });
      },
    );
    if (!mapper) throw new FileProblem("The file has no header row.");
    const finish = writer.finish?.bind(writer);
    // Staged rows go into place, with the counts only the writer can tell.
    if (finish) {
      plan.onLongWrite?.(counts.rowsLoaded * PUBLISH_MS_PER_ROW);
      // Holding the lease may have found the job taken over: then nothing may be published.
      plan.signal?.throwIfAborted();
      const published = await finish();
      counts.rowsNew += published.new;
      counts.rowsUpdated += published.updated;
      counts.rowsUnchanged += published.unchanged;
      scope.update(datasets, { ...counts }, eq(datasets.id, datasetId));
    }
  } finally {
    // Staged rows are either published by now or belong to a failed import.
    writer.discard?.();
  }
  return { ...counts, signature };
}
