/**
 * The records of a stretch of whole lines that holds quote characters, read by csv-parse
 * exactly as the streaming reader reads them (same options): the line reader
 * (plain-csv.server.ts) splits lines without quotes itself and hands lines with quotes,
 * and the lines a quoted field runs on to, to this.
 */
import { parse } from "csv-parse/sync";
import { csvParseOptions } from "./csv-options";
import { crlfInFields, lineBreaks } from "./line-count";
import type { CsvSettings } from "./settings";

export interface QuotedRecord {
  fields: string[];
  /** As csv-parse saw it: blank lines before it and (most of) its line break included. */
  raw: string;
  /** The file's line the record ends on. */
  endLine: number;
}

export interface QuotedStretch {
  records: QuotedRecord[];
  /** The start of a record whose quoted field is still open: read again with more lines. */
  rest: string;
  /** The file's line `rest` starts on. */
  restFirstLine: number;
}

interface ParsedWithInfo {
  record: string[];
  raw: string;
  info: { lines: number; bytes: number };
}

/** csv-parse's records of `text` (all, or the first `to`), with their lines in the file. */
function parseRecords(
  text: string,
  firstLine: number,
  settings: Pick<CsvSettings, "delimiter" | "quote">,
  to?: number,
): { records: QuotedRecord[]; bytes: number } {
  // No BOM here: a stretch starts mid-file, where U+FEFF is a character like any other.
  const options = { ...csvParseOptions(settings), bom: false, raw: true, info: true, to };
  const rows = parse(text, options) as unknown as ParsedWithInfo[];
  let drift = 0;
  const records = rows.map((row) => {
    drift += crlfInFields(row.record);
    return { fields: row.record, raw: row.raw, endLine: firstLine - 1 + row.info.lines - drift };
  });
  return { records, bytes: rows.at(-1)?.info.bytes ?? 0 };
}

/** Characters of `text` in its first `bytes` UTF-8 bytes (csv-parse counts bytes). */
function charsInBytes(text: string, bytes: number): number {
  return Buffer.from(text).subarray(0, bytes).toString("utf8").length;
}

/**
 * The records of `text`, which starts at the start of a record on `firstLine` and ends at
 * the end of a line. A quoted field still open at its end is left in `rest` (unless the
 * file ends there, `complete`: then it is csv-parse's "Quote Not Closed" error, as with
 * the streaming parser), so a stretch never holds more than one unfinished record.
 */
export function parseQuotedStretch(
  text: string,
  firstLine: number,
  settings: Pick<CsvSettings, "delimiter" | "quote">,
  complete: boolean,
): QuotedStretch {
  try {
    const { records } = parseRecords(text, firstLine, settings);
    return { records, rest: "", restFirstLine: 0 };
  } catch (error) {
    const { code, records: finished } = error as { code?: string; records?: number };
    if (typeof finished !== "number") throw error;
    // The records before the open one, read again up to it: csv-parse says how many
    // there are, and where the last one ended (in bytes).
    const done =
      finished > 0 ? parseRecords(text, firstLine, settings, finished) : { records: [], bytes: 0 };
    let cut = charsInBytes(text, done.bytes);
    // The rest starts after the whole line break (csv-parse may stop between CR and LF).
    if (text.charCodeAt(cut - 1) === 13 && text.charCodeAt(cut) === 10) cut++;
    const restFirstLine = firstLine + lineBreaks(text.slice(0, cut));
    if (complete || code !== "CSV_QUOTE_NOT_CLOSED") {
      (error as Error).message += ` (in the record that starts on line ${restFirstLine})`;
      throw error;
    }
    return { records: done.records, rest: text.slice(cut), restFirstLine };
  }
}
