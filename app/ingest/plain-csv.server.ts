/**
 * The quick way through a CSV file whose records can be told apart by their line breaks:
 * a line without a quote character is a record whose fields lie between delimiters, so it
 * is split natively instead of being read character by character by csv-parse (about three
 * times as long; see docs/decisions/011). A line with a quote, and the lines its quoted
 * field runs on to, go to csv-parse (quoted-records.ts), so quoting is only ever read by
 * csv-parse. Files in UTF-16, or with lone carriage returns, are read by the streaming
 * csv-parse reader instead. tests/integration/ingest/plain-csv.test.ts
 * reads the same files both ways and compares.
 */
import fs from "node:fs";
import { MAX_RECORD_CHARS } from "./csv-options";
import type { ReadOptions, RecordBatch } from "./csv-reader.server";
import { createDecodeStream } from "./decode";
import {
  createInvalidUtf8Finder,
  type InvalidBytesLine,
  type InvalidUtf8Finder,
} from "./invalid-utf8";
import { parseQuotedStretch } from "./quoted-records";
import type { CsvSettings } from "./settings";

const CR = 0x0d;
const LF = 0x0a;

/** Encodings in which the quote, CR and LF bytes mean those characters and nothing else. */
const BYTE_SAFE_ENCODINGS = new Set(["utf-8", "windows-1251", "windows-1254", "iso-8859-9"]);

/**
 * Quote characters per line above which the streaming reader is faster: each quoted line
 * costs the line reader about twice what csv-parse streaming spends on it (its per-record
 * line info), each plain line a third. A file whose every field is quoted (8 per line) took
 * 0.98 s against 0.44 s streaming; the demo's transactions (0.065 per line) 2.9 against 4.8.
 */
const MAX_QUOTES_PER_LINE = 0.5;

/**
 * Whether `file` is read line by line: an encoding in which the quote and line-break bytes
 * mean nothing else, every line ending a LF or a CRLF (any mix: csv-parse ends a record at
 * each, see RECORD_DELIMITERS; a lone CR is left to csv-parse), and quotes rare enough for
 * that to pay.
 */
export async function canReadByLines(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "quote">,
  maxQuotesPerLine = MAX_QUOTES_PER_LINE,
): Promise<boolean> {
  if (!BYTE_SAFE_ENCODINGS.has(settings.encoding) || settings.quote.length !== 1) return false;
  const quote = settings.quote.charCodeAt(0);
  if (quote > 0x7f) return false;
  let lineFeeds = 0;
  let quotes = 0;
  let previous = -1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    // A CR must be followed by a LF, also across the chunk boundary.
    if (previous === CR && bytes[0] !== LF) return false;
    for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
      if (at + 1 < bytes.length && bytes[at + 1] !== LF) return false;
    }
    for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lineFeeds++;
    for (let at = bytes.indexOf(quote); at !== -1; at = bytes.indexOf(quote, at + 1)) quotes++;
    previous = bytes[bytes.length - 1] ?? previous;
  }
  // A final CR without its LF.
  if (previous === CR) return false;
  return quotes <= maxQuotesPerLine * Math.max(1, lineFeeds);
}

/**
 * Chunks small enough for their text to be a young-generation string: a 1 MiB chunk became
 * a "large object" that only full garbage collections free, and a 1M-row import kept about
 * 60 MB of such garbage at its peak.
 */
const READ_CHUNK_BYTES = 1 << 16;

/** Consecutive quoted lines read by one csv-parse call, at most (characters). */
const STRETCH_CHARS = 1 << 16;

/**
 * The file as text chunks: UTF-8 decoded natively (each chunk checked for invalid bytes
 * first, by `invalidUtf8`), other encodings by iconv-lite.
 */
async function* textChunks(
  file: string,
  encoding: CsvSettings["encoding"],
  onBytesRead?: (bytes: number) => void,
  invalidUtf8?: InvalidUtf8Finder | null,
): AsyncGenerator<string> {
  const source = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  if (onBytesRead) source.on("data", () => onBytesRead(source.bytesRead));
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of source) {
      invalidUtf8?.check(chunk as Buffer);
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    invalidUtf8?.end();
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
 * Reads a file line by line (see canReadByLines) into record batches exactly as
 * readParsedRecordBatches does: blank lines and blank records skipped, ragged rows kept,
 * line numbers counted from 1 for the header, a BOM dropped (both decoders drop it).
 */
export async function readLineRecordBatches(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "delimiter" | "quote">,
  options: ReadOptions,
  consume: (batch: RecordBatch) => Promise<void> | void,
): Promise<void> {
  const { delimiter, quote } = settings;
  const batch: RecordBatch = { records: [], raws: [], endLines: [] };
  // A chunk is checked before its lines are taken: the next line to take is where it starts.
  const invalidUtf8 =
    settings.encoding === "utf-8" ? createInvalidUtf8Finder(settings, () => line + 1) : null;
  const heldInvalid: InvalidBytesLine[] = [];
  let line = 0;
  // Lines with quotes (and the lines a quoted field runs on to) wait here for csv-parse:
  // consecutive quoted lines are read together, up to STRETCH_CHARS; a record still open
  // is read again only once the stretch has doubled, so a field of many lines costs a few
  // parses, not one per line.
  let stretch: { text: string; firstLine: number; triedLength: number } | null = null;

  const push = (fields: string[], raw: string, endLine: number) => {
    batch.records.push(fields);
    batch.raws.push(raw);
    batch.endLines.push(endLine);
  };
  const settle = (complete: boolean) => {
    if (!stretch || (!complete && stretch.text.length < 2 * stretch.triedLength)) return;
    const read = parseQuotedStretch(stretch.text, stretch.firstLine, settings, complete);
    for (const record of read.records) push(record.fields, record.raw, record.endLine);
    if (read.rest === "") {
      stretch = null;
      return;
    }
    if (read.rest.length > MAX_RECORD_CHARS) throw recordTooLong(read.restFirstLine);
    stretch = { text: read.rest, firstLine: read.restFirstLine, triedLength: read.rest.length };
  };
  /** One line of the file, with its line break when it has one. */
  const take = (text: string, lineBreak: string) => {
    line++;
    const quoted = text.indexOf(quote) !== -1;
    if (stretch && (!quoted || stretch.text.length >= STRETCH_CHARS)) settle(false);
    if (stretch) {
      stretch.text += text + lineBreak;
      return;
    }
    if (quoted) {
      stretch = { text: text + lineBreak, firstLine: line, triedLength: 0 };
      return;
    }
    const content = text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
    if (content === "") return;
    const fields = content.split(delimiter);
    if (!isBlankRecord(fields)) push(fields, content, line);
  };
  /** Hands on full batches (all that is left when `all`); a quoted stretch may overfill one. */
  const flush = async (all = false) => {
    const { batchSize } = options;
    // Damage found in the chunks read so far lies in records pushed so far (or in blank
    // lines among them): it goes with the next batch handed on.
    if (invalidUtf8) heldInvalid.push(...invalidUtf8.take());
    while (
      batch.records.length >= batchSize ||
      (all && (batch.records.length > 0 || heldInvalid.length > 0))
    ) {
      const size = Math.min(batchSize, batch.records.length);
      const full: RecordBatch = {
        records: batch.records.splice(0, size),
        raws: batch.raws.splice(0, size),
        endLines: batch.endLines.splice(0, size),
      };
      if (heldInvalid.length > 0) full.invalidBytes = heldInvalid.splice(0);
      await consume(full);
      throwIfAborted(options.signal);
    }
  };

  // The start of a line not finished by the chunks so far, in pieces: a long line is
  // joined once, not copied again with every chunk.
  let pieces: string[] = [];
  let piecesLength = 0;
  for await (const chunk of textChunks(file, settings.encoding, options.onBytesRead, invalidUtf8)) {
    throwIfAborted(options.signal);
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      const head = chunk.slice(start, end);
      take(pieces.length > 0 ? pieces.join("") + head : head, "\n");
      pieces = [];
      piecesLength = 0;
      start = end + 1;
      if (batch.records.length >= options.batchSize) await flush();
    }
    if (start < chunk.length) {
      pieces.push(chunk.slice(start));
      piecesLength += chunk.length - start;
      if (piecesLength > MAX_RECORD_CHARS) throw recordTooLong(line + 1);
    }
  }
  if (piecesLength > 0) take(pieces.join(""), "");
  // A quoted field still open at the end of the file: csv-parse's own error.
  settle(true);
  await flush(true);
}

function recordTooLong(firstLine: number): Error {
  return Object.assign(
    new Error(
      `the record that starts on line ${firstLine} is longer than ${MAX_RECORD_CHARS} characters`,
    ),
    { code: "CSV_MAX_RECORD_SIZE" },
  );
}
