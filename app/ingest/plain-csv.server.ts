/**
 * The quick way through a CSV file that has no quote character at all, as exports of
 * databases and cash registers usually are: with no quotes, a record is a line and a field
 * is what lies between delimiters, so lines can be split natively instead of being read
 * character by character by csv-parse (which takes about three times as long on such a
 * file; see docs/decisions/011). Any file with a quote, a lone carriage return or mixed
 * line endings goes to csv-parse, which also reads everything this module reads the same
 * way: tests/unit/ingest/plain-csv.test.ts compares the two on the cases that matter.
 */
import fs from "node:fs";
import { MAX_RECORD_CHARS } from "./csv-options";
import type { ReadOptions, RecordBatch } from "./csv-reader.server";
import { createDecodeStream } from "./decode";
import type { CsvSettings } from "./settings";

const CR = 0x0d;
const LF = 0x0a;

/** Encodings in which the quote, CR and LF bytes mean those characters and nothing else. */
const BYTE_SAFE_ENCODINGS = new Set(["utf-8", "windows-1251", "windows-1254", "iso-8859-9"]);

/**
 * Whether `file` can be read by splitting lines: no quote byte, and line endings that are
 * all LF or all CRLF. Stops at the first quote, so a file that needs csv-parse costs a
 * look at its first chunk only.
 */
export async function isPlainCsvFile(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "quote">,
): Promise<boolean> {
  if (!BYTE_SAFE_ENCODINGS.has(settings.encoding) || settings.quote.length !== 1) return false;
  const quote = settings.quote.charCodeAt(0);
  if (quote > 0x7f) return false;
  let carriageReturns = 0;
  let lineFeeds = 0;
  let previous = -1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    if (bytes.indexOf(quote) !== -1) return false;
    // A CR must be followed by a LF, also across the chunk boundary.
    if (previous === CR && bytes[0] !== LF) return false;
    for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
      if (at + 1 < bytes.length && bytes[at + 1] !== LF) return false;
      carriageReturns++;
    }
    for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lineFeeds++;
    previous = bytes[bytes.length - 1] ?? previous;
  }
  // A final CR without its LF, or some lines ending in CRLF and others in LF alone.
  if (previous === CR) return false;
  return carriageReturns === 0 || carriageReturns === lineFeeds;
}

/**
 * Chunks small enough for their text to be a young-generation string: a 1 MiB chunk became
 * a "large object" that only full garbage collections free, and a 1M-row import kept about
 * 60 MB of such garbage at its peak.
 */
const READ_CHUNK_BYTES = 1 << 16;

/** The file as text chunks: UTF-8 decoded natively, other encodings by iconv-lite. */
async function* textChunks(
  file: string,
  encoding: CsvSettings["encoding"],
  onBytesRead?: (bytes: number) => void,
): AsyncGenerator<string> {
  const source = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  if (onBytesRead) source.on("data", () => onBytesRead(source.bytesRead));
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of source) yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
    return;
  }
  // The stream yields strings once the source is piped into it.
  for await (const text of source.pipe(createDecodeStream(encoding))) yield text as string;
}

/** A record whose every field is blank: spreadsheets' ";;;;" rows (csv-parse skips them too). */
function isBlankRecord(fields: readonly string[]): boolean {
  const first = fields[0] as string;
  if (first.length > 0 && first.charCodeAt(0) > 32 && first.charCodeAt(0) < 127) return false;
  return fields.every((field) => field.trim() === "");
}

/** An abort as stream pipelines report it (the csv-parse path): an AbortError, its reason as cause. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const error = new Error("The operation was aborted", { cause: signal.reason });
  throw Object.assign(error, { name: "AbortError", code: "ABORT_ERR" });
}

/**
 * Reads a plain file (see isPlainCsvFile) into record batches exactly as readRecordBatches
 * does with csv-parse: blank lines and blank records skipped, ragged rows kept, line
 * numbers counted from 1 for the header, a BOM dropped (both decoders drop it).
 */
export async function readPlainRecordBatches(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "delimiter">,
  options: ReadOptions,
  consume: (batch: RecordBatch) => Promise<void> | void,
): Promise<void> {
  const { delimiter } = settings;
  let batch: RecordBatch = { records: [], raws: [], endLines: [] };
  let line = 0;
  let carry = "";

  const take = (text: string) => {
    line++;
    const content = text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
    if (content === "") return;
    const fields = content.split(delimiter);
    if (isBlankRecord(fields)) return;
    batch.records.push(fields);
    batch.raws.push(content);
    batch.endLines.push(line);
  };
  const flush = async () => {
    if (batch.records.length === 0) return;
    const full = batch;
    batch = { records: [], raws: [], endLines: [] };
    await consume(full);
    throwIfAborted(options.signal);
  };

  for await (const chunk of textChunks(file, settings.encoding, options.onBytesRead)) {
    throwIfAborted(options.signal);
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      take(text.slice(start, end));
      start = end + 1;
      if (batch.records.length >= options.batchSize) await flush();
    }
    carry = text.slice(start);
    if (carry.length > MAX_RECORD_CHARS) {
      throw Object.assign(
        new Error(`line ${line + 1} is longer than ${MAX_RECORD_CHARS} characters`),
        { code: "CSV_MAX_RECORD_SIZE" },
      );
    }
  }
  if (carry !== "") take(carry);
  await flush();
}
