/**
 * Settling a date column by the whole file, not by its first bytes (issue 9, point 3). A
 * retail export whose first thousands of rows all have days ≤ 12 fits dd/mm and mm/dd; a
 * "13/01/2011" further down settles it. When the sample leaves columns ambiguous, the rest of
 * the file is streamed with the file's own reader, only those columns' cells are looked at,
 * and reading stops as soon as every such column is settled, or at a bound (bytes, time):
 * then the user is asked, as before.
 */
import { locateRecord, readRecordBatches } from "./csv-reader.server";
import type { DateFormat } from "./dates";
import { parseDate } from "./dates";
import { isMissing } from "./field-parsers";
import { uniqueHeaders, withoutTrailingEmpty } from "./header";
import type { CsvSettings } from "./settings";

export interface AmbiguousDateColumn {
  column: string;
  candidates: DateFormat[];
}

/** The format a column turned out to have, and the cell that showed it. */
export interface DateSettlement {
  format: DateFormat;
  /** The file's line of the record (1 = the header). */
  line: number;
  value: string;
}

export interface SettleBounds {
  /** Stop after reading this many bytes of the file; default 200 MB. */
  maxBytes: number;
  /** Stop after this many milliseconds (by `now`); default 30 s. */
  maxMs: number;
  /** The clock the time bound is measured by; default performance.now (tests pass their own). */
  now?: () => number;
  /** Records per batch read; default 2,000. */
  batchSize?: number;
}

export const DEFAULT_SETTLE_BOUNDS: SettleBounds = { maxBytes: 200 * 1024 ** 2, maxMs: 30_000 };

export interface SettleResult {
  /** The columns that were settled, by header. */
  settled: Record<string, DateSettlement>;
  /** Why reading ended: every column settled, the end of the file, or a bound. */
  stoppedBy: "settled" | "end" | "bytes" | "time";
}

/** Thrown inside the reader's consumer to end reading early; never escapes this module. */
class StopReading extends Error {
  constructor(readonly reason: "settled" | "bytes" | "time") {
    super(reason);
  }
}

interface OpenColumn {
  column: string;
  index: number;
  candidates: DateFormat[];
}

/**
 * Narrows each column's candidates with every cell of the file: a cell that fits some but
 * not all of them drops the others (a cell that fits none is a typo and says nothing), and
 * a column is settled by the cell that leaves one.
 */
export async function settleDateFormats(
  file: string,
  settings: Pick<CsvSettings, "encoding" | "delimiter" | "quote">,
  ambiguous: readonly AmbiguousDateColumn[],
  bounds: SettleBounds = DEFAULT_SETTLE_BOUNDS,
): Promise<SettleResult> {
  const settled: Record<string, DateSettlement> = {};
  if (ambiguous.length === 0) return { settled, stoppedBy: "settled" };
  const now = bounds.now ?? (() => performance.now());
  const started = now();
  let bytesRead = 0;
  let open: OpenColumn[] | undefined;

  const consume = (records: string[][], raws: string[], endLines: number[]) => {
    let first = 0;
    if (!open) {
      const headers = uniqueHeaders(withoutTrailingEmpty(records[0] ?? []));
      open = ambiguous.flatMap(({ column, candidates }) => {
        const index = headers.indexOf(column);
        return index >= 0 ? [{ column, index, candidates: [...candidates] }] : [];
      });
      first = 1;
    }
    for (let row = first; row < records.length && open.length > 0; row++) {
      const fields = records[row] as string[];
      for (const column of open) {
        const raw = fields[column.index];
        if (raw === undefined || isMissing(raw)) continue;
        const value = raw.trim();
        const fitting = column.candidates.filter((format) => parseDate(value, format).ok);
        if (fitting.length === 0 || fitting.length === column.candidates.length) continue;
        column.candidates = fitting;
        if (fitting.length === 1) {
          const { line } = locateRecord(raws[row] ?? "", endLines[row] ?? 0);
          settled[column.column] = { format: fitting[0] as DateFormat, line, value };
        }
      }
      open = open.filter((column) => column.candidates.length > 1);
    }
    if (open.length === 0) throw new StopReading("settled");
    if (bytesRead > bounds.maxBytes) throw new StopReading("bytes");
    if (now() - started > bounds.maxMs) throw new StopReading("time");
  };

  try {
    await readRecordBatches(
      file,
      settings,
      { batchSize: bounds.batchSize ?? 2_000, onBytesRead: (bytes) => (bytesRead = bytes) },
      (batch) => consume(batch.records, batch.raws, batch.endLines),
    );
  } catch (error) {
    if (error instanceof StopReading) return { settled, stoppedBy: error.reason };
    throw error;
  }
  return { settled, stoppedBy: "end" };
}

/** "settled by line 48213 (value 13/01/2011)", for the preview and the command line. */
export function describeSettlement(settlement: DateSettlement): string {
  return `settled by line ${settlement.line} (value ${settlement.value})`;
}
