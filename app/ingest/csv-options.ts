/**
 * The csv-parse options for a file's settings, shared by the preview (sync API on the
 * sample) and the loader (streaming API on the whole file), so both read a file alike.
 */
import type { Options } from "csv-parse";
import type { CsvSettings } from "./settings";

/**
 * csv-parse refuses longer records to catch a wrong delimiter early; real files have
 * long free-text fields (10 MB notes seen), so the guard is set far above its default.
 */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/**
 * Every line ending ends a record outside quotes. Left to itself csv-parse takes the first
 * break it meets as the only record delimiter, so in a CRLF file the lines that end in LF
 * alone were merged into their neighbours (a CRLF/LF/CR mix lost 3 of 4 rows). CRLF comes
 * first so that it is one break, not two.
 */
export const RECORD_DELIMITERS = ["\r\n", "\n", "\r"];

/**
 * Records come out as arrays of strings (no `columns`): the first record is the header,
 * named with `uniqueHeaders`, and rows are zipped with `zipRecord`. Add `info: true` for
 * line numbers.
 */
export function csvParseOptions(settings: Pick<CsvSettings, "delimiter" | "quote">): Options {
  return {
    delimiter: settings.delimiter,
    quote: settings.quote,
    escape: settings.quote,
    record_delimiter: [...RECORD_DELIMITERS],
    bom: true,
    // Ragged rows are read, not fatal: the zipper reports missing and extra fields.
    relax_column_count: true,
    // A stray quote inside an unquoted field (12" screen) stays part of the text.
    relax_quotes: true,
    skip_empty_lines: true,
    // Lines of delimiters only (";;;;") are blank rows exported by spreadsheets.
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
    cast: false,
  };
}

export interface ZippedRecord {
  /** Field text by header; a missing trailing field reads as "". */
  values: Record<string, string>;
  /** Non-empty fields beyond the header's width (a trailing delimiter adds only empty ones). */
  extra: string[];
  /** How many fields the row lacks compared with the header. */
  missing: number;
}

export function zipRecord(headers: readonly string[], fields: readonly string[]): ZippedRecord {
  const values: Record<string, string> = {};
  headers.forEach((header, index) => {
    values[header] = fields[index] ?? "";
  });
  return {
    values,
    extra: fields.slice(headers.length).filter((field) => field.trim() !== ""),
    missing: Math.max(0, headers.length - fields.length),
  };
}
