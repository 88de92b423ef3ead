/**
 * The records of a stretch of whole lines that holds a quote character, read by csv-parse
 * exactly as the streaming parser reads them (same options): the line reader
 * (plain-csv.server.ts) splits lines without quotes itself and hands every line with a
 * quote, with the lines its quoted field runs on to, to this.
 */
import { parse } from "csv-parse/sync";
import { csvParseOptions } from "./csv-options";
import type { CsvSettings } from "./settings";

export interface QuotedRecord {
  fields: string[];
  /** As csv-parse saw it: blank lines before it and its line break included. */
  raw: string;
  /** The line of the stretch the record ends on, from 1. */
  line: number;
}

interface ParsedWithInfo {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * The records of `text`, which starts at the start of a record and ends at the end of a
 * line. Null when its last quoted field is still open and `complete` is false: the caller
 * adds the next lines and asks again. An open quote at the end of the file (`complete`)
 * is csv-parse's "Quote Not Closed" error, as with the streaming parser.
 */
export function parseQuotedRecords(
  text: string,
  settings: Pick<CsvSettings, "delimiter" | "quote">,
  complete: boolean,
): QuotedRecord[] | null {
  let rows: ParsedWithInfo[];
  try {
    rows = parse(text, {
      ...csvParseOptions(settings),
      raw: true,
      info: true,
    }) as unknown as ParsedWithInfo[];
  } catch (error) {
    if (!complete && (error as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED") return null;
    throw error;
  }
  return rows.map((row) => ({ fields: row.record, raw: row.raw, line: row.info.lines }));
}
