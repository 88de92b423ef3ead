/**
 * Delimiter and quote character of a CSV sample. Each candidate pair is tried with
 * csv-parse itself (so quoted delimiters and quoted newlines count as they will when
 * loading), and scored on how consistently it splits the records into several fields.
 */
import { parse } from "csv-parse/sync";

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
}

/** Enough records to judge; more only costs time. */
const MAX_PROBE_RECORDS = 500;

interface Probe {
  /** Field count of each record csv-parse read before it stopped. */
  counts: number[];
  /** It stopped inside a quoted field that never closed. */
  unclosedQuote: boolean;
}

export function probeRecords(text: string, delimiter: string, quote: string): Probe {
  const counts: number[] = [];
  try {
    parse(text, {
      delimiter,
      quote,
      escape: quote,
      relax_column_count: true,
      skip_empty_lines: true,
      to: MAX_PROBE_RECORDS,
      on_record: (record: string[]) => {
        counts.push(record.length);
        return record;
      },
    });
  } catch (error) {
    // A dialect that makes csv-parse fail keeps the records read so far; the failure
    // itself shows up as a lower score below.
    return { counts, unclosedQuote: (error as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED" };
  }
  return { counts, unclosedQuote: false };
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

/** Records in the sample (not counting blank lines), for the share of records parsed. */
function roughRecordCount(text: string): number {
  return Math.min(MAX_PROBE_RECORDS, text.split(/\r\n|\r|\n/).filter((l) => l.trim()).length);
}

function score(
  text: string,
  delimiter: Delimiter,
  quote: QuoteChar,
): DialectGuess & { rank: number[] } {
  const { counts, unclosedQuote } = probeRecords(text, delimiter, quote);
  const fieldCount = counts.length > 0 ? modeOf(counts) : 1;
  const regular = counts.filter((count) => count === fieldCount).length;
  const consistency = counts.length > 0 ? regular / counts.length : 0;
  const expected = roughRecordCount(text);
  // Multi-line quoted fields make fewer records than lines; only a big shortfall (a parse
  // error early on) means the dialect is wrong. A quote still open at the end consumed the
  // rest legitimately when the sample was cut inside a quoted field.
  const parsedShare = unclosedQuote || expected === 0 ? 1 : Math.min(1, counts.length / expected);
  // The standard double quote wins ties before field counts do: reading '"a, b"' with the
  // wrong quote splits it and so yields more fields, not fewer.
  const rank = [
    fieldCount > 1 ? 1 : 0,
    Math.round(parsedShare * 10) / 10,
    Math.round(consistency * 20) / 20,
    quote === '"' ? 1 : 0,
    fieldCount,
  ];
  return { delimiter, quote, fieldCount, consistency, rank };
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
 * comes back as comma-delimited with one field.
 */
export function detectDialect(
  text: string,
  fixed: { delimiter?: Delimiter; quote?: QuoteChar } = {},
): DialectGuess {
  const candidates = delimiters
    .filter((delimiter) => !fixed.delimiter || delimiter === fixed.delimiter)
    .flatMap((delimiter) =>
      quoteChars
        .filter((quote) => !fixed.quote || quote === fixed.quote)
        .map((quote) => score(text, delimiter, quote)),
    );
  let best = candidates[0] ?? score(text, ",", '"');
  for (const candidate of candidates) {
    if (compareRanks(candidate.rank, best.rank) > 0) best = candidate;
  }
  const { rank: _rank, ...guess } = best;
  return guess;
}
