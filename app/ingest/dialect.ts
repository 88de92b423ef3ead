/**
 * Delimiter and quote character of a CSV sample. Each candidate pair is tried with
 * csv-parse itself, with the loader's own options (so quoted delimiters and quoted newlines
 * count as they will when loading), and ranked on whether its quotes close, whether its
 * records have the header's width, and how consistently it splits them into fields.
 */
import { parse } from "csv-parse/sync";
import { csvParseOptions } from "./csv-options";
import { lineBreaks } from "./line-count";

export const delimiters = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof delimiters)[number];
export const quoteChars = ['"', "'"] as const;
export type QuoteChar = (typeof quoteChars)[number];

export interface DialectGuess {
  delimiter: Delimiter;
  quote: QuoteChar;
  /** Field count most records have under this dialect. */
  fieldCount: number;
  /** Share of records with that field count (1 = perfectly regular). */
  consistency: number;
  /** Share of data records as wide as the header (trailing empty fields aside). */
  headerWidthShare: number;
}

/** Enough records to judge; more only costs time. */
const MAX_PROBE_RECORDS = 500;

interface Probe {
  /** Field count of each record csv-parse read before it stopped (the header first). */
  counts: number[];
  /** Per data record: as wide as the header, or wider by empty trailing fields only. */
  fits: boolean[];
  /** csv-parse stopped with this error code (a quote that never closed, or closed badly). */
  error: string | null;
  /** Lines of the text the records read so far end on. */
  linesRead: number;
}

function fitsWidth(record: readonly string[], width: number): boolean {
  if (record.length < width) return false;
  for (let index = width; index < record.length; index++) {
    if ((record[index] as string).trim() !== "") return false;
  }
  return true;
}

export function probeRecords(text: string, delimiter: Delimiter, quote: QuoteChar): Probe {
  const probe: Probe = { counts: [], fits: [], error: null, linesRead: 0 };
  let width = -1;
  try {
    parse(text, {
      ...csvParseOptions({ delimiter, quote }),
      to: MAX_PROBE_RECORDS,
      on_record: (record: string[], context: { lines: number }) => {
        probe.counts.push(record.length);
        if (width < 0) width = record.length;
        else probe.fits.push(fitsWidth(record, width));
        probe.linesRead = context.lines;
        return record;
      },
    });
  } catch (error) {
    // A dialect that makes csv-parse fail keeps the records read so far; the failure
    // itself shows up as a lower rank below.
    probe.error = (error as { code?: string }).code ?? "error";
  }
  return probe;
}

function modeOf(values: number[]): number {
  const frequency = new Map<number, number>();
  for (const value of values) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  let best = 1;
  let bestCount = 0;
  for (const [value, count] of frequency) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 1);
const rounded = (value: number, steps: number) => Math.round(value * steps) / steps;

function score(
  text: string,
  totalLines: number,
  delimiter: Delimiter,
  quote: QuoteChar,
  truncated: boolean,
): DialectGuess & { rank: number[] } {
  const { counts, fits, error, linesRead } = probeRecords(text, delimiter, quote);
  const fieldCount = counts.length > 0 ? modeOf(counts) : 1;
  const consistency = share(counts.filter((count) => count === fieldCount).length, counts.length);
  const headerWidthShare = share(fits.filter(Boolean).length, fits.length);
  // A sample cut from a longer file may end inside a quoted multi-line field: that quote
  // is open legitimately. Any other failure means this quote does not close where it should.
  const cutInQuotes = truncated && error === "CSV_QUOTE_NOT_CLOSED";
  const quotesClose = error === null || cutInQuotes ? 1 : 0;
  // How far into the sample the records read reach (all of it unless csv-parse stopped, or
  // it read its fill of probe records); a wrong quote that swallows the rest reaches less.
  const reach = error === null || cutInQuotes ? 1 : share(linesRead, totalLines);
  // Order of evidence: the dialect splits the file at all; its quotes close; it reads the
  // whole sample; its records are as wide as the header (a wrong quote turns a quoted
  // multi-line note into short junk records); they are regular. Only then the standard
  // double quote wins ties, before more fields do: reading '"a, b"' with the wrong quote
  // splits it and so yields more fields, not fewer.
  const rank = [
    fieldCount > 1 ? 1 : 0,
    quotesClose,
    rounded(reach, 10),
    rounded(headerWidthShare, 20),
    rounded(consistency, 20),
    quote === '"' ? 1 : 0,
    fieldCount,
  ];
  return { delimiter, quote, fieldCount, consistency, headerWidthShare, rank };
}

/**
 * Whether some field of `text` starts with a single quote. A single quote that opens no
 * field quotes nothing, so it is no candidate: reading a file with a broken double quote
 * "with ' as the quote" would only hide the break.
 */
function quotesAField(text: string, delimiter: Delimiter): boolean {
  const escaped = delimiter === "|" ? "\\|" : delimiter;
  return new RegExp(`(^|[\\r\\n${escaped}])[ \\t]*'`).test(text);
}

function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The best delimiter and quote for `text`. A one-column file (no candidate splits it)
 * comes back as comma-delimited with one field. `truncated`: the text is the head of a
 * longer file (whole lines, but perhaps cut inside a quoted field).
 */
export function detectDialect(
  text: string,
  fixed: { delimiter?: Delimiter; quote?: QuoteChar; truncated?: boolean } = {},
): DialectGuess {
  const totalLines = lineBreaks(text.trimEnd()) + 1;
  const truncated = fixed.truncated ?? false;
  const candidates = delimiters
    .filter((delimiter) => !fixed.delimiter || delimiter === fixed.delimiter)
    .flatMap((delimiter) =>
      quoteChars
        .filter((quote) =>
          fixed.quote ? quote === fixed.quote : quote === '"' || quotesAField(text, delimiter),
        )
        .map((quote) => score(text, totalLines, delimiter, quote, truncated)),
    );
  let best = candidates[0] ?? score(text, totalLines, ",", '"', truncated);
  for (const candidate of candidates) {
    if (compareRanks(candidate.rank, best.rank) > 0) best = candidate;
  }
  const { rank: _rank, ...guess } = best;
  return guess;
}
