/**
 * Reads a stored CSV file as a stream of record batches, with the line and raw text of
 * each record for the reject list. Memory stays flat: the file is read in chunks, and
 * backpressure holds the reader while the loader writes a batch.
 */
import fs from "node:fs";
import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Options, Parser } from "csv-parse";
import { csvParseOptions } from "./csv-options";
import { createDecodeStream } from "./decode";
import {
  createInvalidUtf8Finder,
  type InvalidBytesLine,
  type InvalidUtf8Finder,
} from "./invalid-utf8";
import { crlfInFields } from "./line-count";
import { canReadByLines, readLineRecordBatches } from "./plain-csv.server";
import type { CsvSettings } from "./settings";

export interface RecordBatch {
  records: string[][];
  /** Each record as csv-parse saw it: with its line break and any blank lines before it. */
  raws: string[];
  /** The line each record ends on (the header is line 1); see `locateRecord`. */
  endLines: number[];
  /** UTF-8 files: lines with invalid bytes found since the batch before (for cell warnings). */
  invalidBytes?: InvalidBytesLine[];
}

interface RawRecord {
  record: string[];
  raw: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const OUTER_BREAKS = /^[\r\n]+|[\r\n]+$/g;

/**
 * The first line and the text of a record, from its raw text and end line. Only rejected
 * rows need them, so the work is not done for every row.
 */
export function locateRecord(raw: string, endLine: number): { line: number; text: string } {
  const text = raw.replace(OUTER_BREAKS, "");
  const breaks = text.match(LINE_BREAK)?.length ?? 0;
  return { line: endLine - breaks, text };
}

/**
 * csv-parse with records gathered into batches as they are pushed. Why a subclass: the
 * parser's `info.lines` is only exact while it pushes a record (its `info: true` option
 * copies the whole state per record and halves the speed), and pushing one stream chunk per
 * batch instead of per record saves a large share of the per-row cost.
 */
class BatchingParser extends Parser {
  #batch: RecordBatch = { records: [], raws: [], endLines: [] };
  #drift = 0;

  constructor(
    options: Options,
    private readonly batchSize: number,
    private readonly invalidUtf8: InvalidUtf8Finder | null = null,
  ) {
    // Two batches queued at most: the loader, not the parser, sets the pace.
    super({ ...options, raw: true, readableHighWaterMark: 2 } as Options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      this.#flush();
      return super.push(null, encoding);
    }
    const { record, raw } = chunk as RawRecord;
    // csv-parse counts a CRLF inside a quoted field as two lines (see line-count.ts).
    this.#drift += crlfInFields(record);
    this.#batch.records.push(record);
    this.#batch.raws.push(raw);
    this.#batch.endLines.push(this.info.lines - this.#drift);
    return this.#batch.records.length >= this.batchSize ? this.#flush() : true;
  }

  #flush(): boolean {
    const batch = this.#batch;
    const invalidBytes = this.invalidUtf8?.take() ?? [];
    if (batch.records.length === 0 && invalidBytes.length === 0) return true;
    if (invalidBytes.length > 0) batch.invalidBytes = invalidBytes;
    this.#batch = { records: [], raws: [], endLines: [] };
    return super.push(batch);
  }
}

export interface ReadOptions {
  batchSize: number;
  signal?: AbortSignal;
  /** Called with the bytes of the file read so far, once per chunk. */
  onBytesRead?: (bytes: number) => void;
}

/**
 * Streams the file through decoding and csv-parse (or, for most files, the line reader of
 * plain-csv.server.ts) into `consume`, which receives every
 * batch in order (the header is the first record of the first batch). Errors of any stage,
 * and an abort of `signal`, reject the returned promise and close the file.
 */
export async function readRecordBatches(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "delimiter" | "quote">,
  options: ReadOptions,
  consume: (batch: RecordBatch) => Promise<void> | void,
): Promise<void> {
  if (await canReadByLines(file, settings)) {
    return readLineRecordBatches(file, settings, options, consume);
  }
  return readParsedRecordBatches(file, settings, options, consume);
}

/** readRecordBatches through csv-parse, whatever the file holds. */
export async function readParsedRecordBatches(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "delimiter" | "quote">,
  options: ReadOptions,
  consume: (batch: RecordBatch) => Promise<void> | void,
): Promise<void> {
  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const reportBytes = options.onBytesRead;
  if (reportBytes) source.on("data", () => reportBytes(source.bytesRead));
  const invalidUtf8 = settings.encoding === "utf-8" ? createInvalidUtf8Finder(settings) : null;
  if (invalidUtf8) {
    // The same chunks csv-parse gets, before it does: a batch carries the damage of its lines.
    source.on("data", (chunk) => invalidUtf8.check(chunk as Buffer));
    source.on("end", () => invalidUtf8.end());
  }
  const parser = new BatchingParser(csvParseOptions(settings), options.batchSize, invalidUtf8);
  // csv-parse reads UTF-8 bytes itself (BOM included), so UTF-8 files skip a decode and
  // re-encode of every byte; other encodings are decoded to text first.
  const stages: (Readable | Transform | NodeJS.ReadWriteStream)[] =
    settings.encoding === "utf-8" ? [source] : [source, createDecodeStream(settings.encoding)];
  // When `consume` throws while the parser still holds batches, leaving the loop destroys
  // the parser with an AbortError and `pipeline` rejects with that instead: the error the
  // loop ended with (the consumer's own, a stream's, or the abort) is the one that counts.
  let loopError: { error: unknown } | null = null;
  const consumer = async (batches: AsyncIterable<RecordBatch>) => {
    try {
      for await (const batch of batches) await consume(batch);
    } catch (error) {
      loopError = { error };
      throw error;
    }
  };
  try {
    await pipeline([...stages, parser, consumer] as unknown as [Readable, Transform], {
      signal: options.signal,
    });
  } catch (error) {
    throw loopError ? (loopError as { error: unknown }).error : error;
  }
}
