/**
 * Everything that can be learnt about a CSV file from its first bytes: whether it is a
 * CSV at all, its encoding, delimiter, quote, decimal mark, header and sample rows.
 */

import { parse } from "csv-parse/sync";
import { message } from "~/i18n/message-code";
import { detectBinary, detectKnownFormat } from "./binary";
import { csvParseOptions } from "./csv-options";
import { decodeBuffer, type TextEncoding } from "./decode";
import { type Delimiter, detectDialect, type QuoteChar } from "./dialect";
import { bomOf, detectEncoding } from "./encoding";
import { headerProblem, uniqueHeaders, withoutTrailingEmpty } from "./header";
import { crlfInFields, lineBreaks } from "./line-count";
import { type DecimalMark, detectDecimalMark } from "./numbers";
import { type IngestProblem, problem } from "./problems";
import type { CsvSettings } from "./settings";

/** How much of a file the upload screen reads to sniff and preview it. */
export const SAMPLE_BYTES = 64 * 1024;

export interface SniffOptions {
  /** The sample is only the head of the file; default: it is as long as SAMPLE_BYTES. */
  truncated?: boolean;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  quote?: QuoteChar;
  decimalMark?: DecimalMark;
}

export interface RecordLines {
  first: number;
  last: number;
}

export interface SniffResult {
  ok: true;
  settings: CsvSettings;
  /** Why this encoding, in a sentence. */
  encodingReason: string;
  headers: string[];
  /** Every data row of the sample, as read with `csvParseOptions(settings)`. */
  rows: string[][];
  /** The file's lines each row starts and ends on (a quoted line break spans several). */
  rowLines: RecordLines[];
  warnings: string[];
}

/** A sample cut mid-file ends in a partial line; only whole lines are kept. */
function wholeLines(text: string): string {
  const lastBreak = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text;
}

function readRecords(
  text: string,
  settings: Pick<CsvSettings, "delimiter" | "quote">,
  truncated: boolean,
): { records: string[][]; lines: RecordLines[]; warning: string | null } {
  const records: string[][] = [];
  const lines: RecordLines[] = [];
  // csv-parse counts a CRLF inside a quoted field as two lines (see line-count.ts).
  let drift = 0;
  try {
    parse(text, {
      ...csvParseOptions(settings),
      on_record: (record: string[], context: { lines: number }) => {
        drift += crlfInFields(record);
        const last = context.lines - drift;
        const inside = record.reduce((sum, field) => sum + lineBreaks(field), 0);
        records.push(record);
        lines.push({ first: last - inside, last });
        return record;
      },
    });
  } catch (error) {
    // The sample may end inside a quoted multi-line field; that is no fault of the file.
    const cutInQuotes = truncated && (error as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED";
    if (!cutInQuotes)
      return {
        records,
        lines,
        warning: message("messages:ingest.preview.readFailed", { error: (error as Error).message }),
      };
  }
  return { records, lines, warning: null };
}

function raggedWarning(headers: readonly string[], rows: readonly string[][]): string | null {
  const short = rows.filter((row) => row.length < headers.length).length;
  const long = rows.filter((row) =>
    row.slice(headers.length).some((cell) => cell.trim() !== ""),
  ).length;
  if (short === 0 && long === 0) return null;
  return message("messages:ingest.preview.ragged", { short, long });
}

export function sniffCsv(
  sample: Uint8Array,
  options: SniffOptions = {},
): SniffResult | IngestProblem {
  if (sample.length === 0) return problem("empty", message("messages:ingest.file.empty"));
  const known = detectKnownFormat(sample);
  if (known) return known;
  const detected = options.encoding
    ? {
        encoding: options.encoding,
        bom: bomOf(sample) === options.encoding,
        reason: message("messages:ingest.encoding.chosenByUser"),
      }
    : detectEncoding(sample);
  if (!detected.encoding.startsWith("utf-16")) {
    const binary = detectBinary(sample);
    if (binary) return binary;
  }
  const truncated = options.truncated ?? sample.length >= SAMPLE_BYTES;
  const decoded = decodeBuffer(sample, detected.encoding, { truncated });
  const text = truncated ? wholeLines(decoded) : decoded;
  if (text.trim() === "") return problem("empty", message("messages:ingest.file.blank"));
  const kib = Math.round(sample.length / 1024);
  if (truncated && !/[\r\n]/.test(decoded)) {
    return problem("unreadable", message("messages:ingest.file.firstLineTooLong", { kib }));
  }
  // A line that runs past the sample is left out: say so, when it is not just the last one.
  const cutLine =
    truncated && decoded.length - text.length > decoded.length / 2
      ? message("messages:ingest.preview.cutLine", { line: lineBreaks(text) + 1, kib })
      : null;

  const dialect = detectDialect(text, {
    delimiter: options.delimiter,
    quote: options.quote,
    truncated,
  });
  const { records, lines, warning } = readRecords(text, dialect, truncated);
  const [first, ...rows] = records;
  if (!first) return problem("unreadable", warning ?? message("messages:ingest.file.noRow"));
  const noHeader = headerProblem(first);
  if (noHeader) return noHeader;

  const headers = uniqueHeaders(withoutTrailingEmpty(first));
  const decimal = options.decimalMark ?? detectDecimalMark(rows.flat(), dialect.delimiter).mark;
  const warnings = [warning, cutLine, raggedWarning(headers, rows)].filter(
    (w): w is string => w !== null,
  );
  if (rows.length === 0) warnings.push(message("messages:ingest.preview.noDataRows"));
  headers.forEach((header, index) => {
    const written = (first[index] ?? "").trim();
    if (written && header !== written)
      warnings.push(message("messages:ingest.preview.duplicateColumn", { written, header }));
  });
  return {
    ok: true,
    settings: {
      encoding: detected.encoding,
      bom: detected.bom,
      delimiter: dialect.delimiter,
      quote: dialect.quote,
      decimalMark: decimal,
    },
    encodingReason: detected.reason,
    headers,
    rows,
    rowLines: lines.slice(1),
    warnings,
  };
}
