/**
 * The streaming core of an import: records in batches from the file, mapped and validated
 * row by row, and each batch written in ONE SQLite transaction (valid rows, rejected rows
 * and the dataset's running counts together, so the counts always match the tables).
 */

import { eq } from "drizzle-orm";
import { datasets } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { message, messageList } from "~/i18n/message-code";
import { type CellWarning, cellWarningWriter } from "./cell-warnings.server";
import { locateRecord, type RecordBatch, readRecordBatches } from "./csv-reader.server";
import { headerProblem, uniqueHeaders, withoutTrailingEmpty } from "./header";
import { invalidBytesWarnings } from "./invalid-utf8";
import type { DatasetKind } from "./kinds";
import { type ColumnMapping, headersSignature, validateMapping } from "./mapping";
import { createRowMapper, type RowMapper } from "./row-mapper";
import { createRowWriter } from "./row-writers.server";
import {
  formatRowErrors,
  type RowByKind,
  type RowSettings,
  type RowWarning,
  validateRow,
} from "./schemas";
import type { CsvSettings } from "./settings";
import type { PublishHooks, RecordTaker, RowWriter } from "./writer-context";

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

/** What a load found besides the dataset's counts (not stored as columns of its own). */
export interface LoadFindings {
  signature: string;
  /** Rows rejected because an earlier row of the file had their key (among rowsRejected). */
  duplicateKeys: number;
}

export interface LoadProgress {
  rows: number;
  /** Share of the file's bytes read, 0–100. */
  percent: number;
  /** Rows per second so far. */
  rate: number;
}

export interface LoadPlan extends PublishHooks {
  /** The import's workspace, resolved once by whoever started the import. */
  scope: WorkspaceScope;
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

/** The cells a kept row left empty, by the row's index in its batch. */
interface Warned {
  index: number;
  warnings: RowWarning[];
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
    throw new FileProblem(
      message("messages:ingest.mapping.doesNotFit", {
        kind,
        problems: messageList(check.problems),
      }),
    );
  }
  return {
    mapper: createRowMapper(kind, headers, mapping),
    take: writer.recordTaker?.(headers, mapping, rowSettings) ?? null,
    headers,
    width: headers.length,
    signature: headersSignature(headers),
  };
}

/** The warnings of kept rows with the line each row starts on. */
function cellWarningsOf(batch: RecordBatch, warned: readonly Warned[]): CellWarning[] {
  return warned.flatMap(({ index, warnings }) => {
    const { line } = locateRecord(batch.raws[index] ?? "", batch.endLines[index] ?? 0);
    return warnings.map(({ column, value, reason }) => ({
      lineNumber: line,
      column,
      value,
      reason,
    }));
  });
}

export async function loadFile(plan: LoadPlan): Promise<LoadCounts & LoadFindings> {
  const { scope, datasetId, kind, rowSettings } = plan;
  const { db } = scope;
  const writer = createRowWriter(kind, plan);
  const insertReject = scope.sql(
    `INSERT INTO rejected_rows (workspace_id, dataset_id, line_number, "column", reason, raw)
     VALUES (@workspace, ?, ?, ?, ?, ?)`,
  );
  // Cells left empty in kept rows, and lines with bytes that are not UTF-8.
  const cellWarnings = cellWarningWriter(scope, datasetId);
  const counts: LoadCounts = {
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsNew: 0,
    rowsUpdated: 0,
    rowsUnchanged: 0,
  };
  let mapper: RowMapper | undefined;
  let take: RecordTaker | null = null;
  let duplicateKeys = 0;
  let width = 0;
  let headers: readonly string[] = [];
  let signature = "";
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
        warned: Warned[],
      ) => {
        // An import that lost its dataset (see import-lease.server.ts) writes nothing more.
        plan.assertOwned?.();
        const written = writer.write(valid);
        if (warned.length > 0) cellWarnings.add(cellWarningsOf(batch, warned));
        if (batch.invalidBytes) cellWarnings.add(invalidBytesWarnings(batch.invalidBytes, headers));
        for (const { index, column, reason } of rejected) {
          const { line, text } = locateRecord(batch.raws[index] ?? "", batch.endLines[index] ?? 0);
          const raw = text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
          insertReject.run(datasetId, line, column, reason, raw);
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
        const warned: Warned[] = [];
        for (let index = first; index < batch.records.length; index++) {
          const fields = batch.records[index] as string[];
          // Where the record ends; where it starts is only worked out for rejected rows.
          const line = batch.endLines[index] ?? 0;
          // Records the writer cannot take as they are (and rows of another width) take the
          // full way, which gives every rejection its message.
          const took = take !== null && fields.length === width ? take(fields, line) : false;
          if (took === true) {
            taken++;
            continue;
          }
          if (took !== false) {
            duplicateKeys++;
            rejected.push({ index, ...took });
            continue;
          }
          const shaped = mapper(fields);
          if (!shaped.ok) {
            writer.rejected?.(fields);
            rejected.push({ index, column: null, reason: shaped.reason });
            continue;
          }
          const result = validateRow(kind, shaped.mapped, rowSettings);
          if (result.ok) {
            const collision = writer.add
              ? writer.add(result.value, line)
              : writer.admit(result.value, line);
            if (collision) {
              duplicateKeys++;
              rejected.push({ index, ...collision });
              continue;
            }
            if (result.warnings) warned.push({ index, warnings: result.warnings });
            if (writer.add) taken++;
            else valid.push(result.value);
          } else {
            writer.rejected?.(fields);
            const reason = formatRowErrors(result.errors);
            rejected.push({ index, column: result.errors[0]?.column ?? null, reason });
          }
        }
        writeBatch(batch, valid, taken, rejected, warned);
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
    if (!mapper) throw new FileProblem(message("messages:ingest.file.noHeaderRow"));
    // Staged rows go into place, with the counts only the writer can tell, and rows of
    // earlier datasets that the file also held become this dataset's.
    plan.onLongWrite?.(counts.rowsLoaded * PUBLISH_MS_PER_ROW);
    // Holding the lease may have found the job taken over: then nothing may be published.
    plan.signal?.throwIfAborted();
    const published = await writer.finish();
    if (published.new + published.updated + published.unchanged > 0) {
      counts.rowsNew += published.new;
      counts.rowsUpdated += published.updated;
      counts.rowsUnchanged += published.unchanged;
      scope.update(datasets, { ...counts }, eq(datasets.id, datasetId));
    }
  } finally {
    // Staged rows are either published by now or belong to a failed import.
    writer.discard?.();
  }
  return { ...counts, signature, duplicateKeys };
}
