/**
 * Bytes that are not valid UTF-8 in a file read as UTF-8: counted in the sample (to decide
 * the encoding, see encoding.ts) and found line by line while a file is imported, so that
 * each damaged line becomes a cell warning instead of a silent U+FFFD (issue 9, point 5).
 *
 * The import checks each chunk with node's native `isUtf8` and does the byte-level work
 * below only on the rare chunk that fails it; lines are counted as line-count.ts counts
 * them (CRLF, CR and LF are one break each).
 */

import { isUtf8 } from "node:buffer";
import { message } from "~/i18n/message-code";
import type { CellWarning } from "./cell-warnings.server";

const LF = 0x0a;
const CR = 0x0d;

/** One stretch of bytes that decodes to one U+FFFD (WHATWG's "maximal subpart"). */
export interface InvalidRange {
  start: number;
  end: number;
}

export interface Utf8Scan {
  /** Multi-byte sequences that are valid. */
  valid: number;
  /** Stretches that are not (each becomes one U+FFFD). */
  invalid: InvalidRange[];
}

/** The bytes a lead byte needs after it, and the range allowed for the first of them. */
function sequenceOf(lead: number): [need: number, low: number, high: number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f];
  return null;
}

/** Valid multi-byte sequences and invalid stretches of `bytes`, as a UTF-8 decoder sees them. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const invalid: InvalidRange[] = [];
  let valid = 0;
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const sequence = sequenceOf(lead);
    if (!sequence) {
      invalid.push({ start: at, end: at + 1 });
      at++;
      continue;
    }
    const [need, low, high] = sequence;
    let taken = 1;
    while (taken <= need && at + taken < bytes.length) {
      const byte = bytes[at + taken] as number;
      const [min, max] = taken === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) break;
      taken++;
    }
    if (taken === need + 1) valid++;
    else invalid.push({ start: at, end: at + taken });
    at += taken;
  }
  return { valid, invalid };
}

/** `\xC3\x28`-style text of some bytes. */
export function hexBytes(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += `\\x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return text;
}

/** The text of `bytes` with the invalid stretches shown as `\xNN` instead of U+FFFD. */
export function showInvalidBytes(bytes: Uint8Array): string {
  const { invalid } = scanUtf8(bytes);
  const decoder = new TextDecoder("utf-8");
  let text = "";
  let from = 0;
  for (const range of invalid) {
    text += decoder.decode(bytes.subarray(from, range.start));
    text += hexBytes(bytes.subarray(range.start, range.end));
    from = range.end;
  }
  return text + decoder.decode(bytes.subarray(from));
}

/** Line number (1-based) of each offset in `offsets` (ascending) within `bytes`. */
export function linesOfOffsets(bytes: Uint8Array, offsets: readonly number[], first = 1): number[] {
  const lines: number[] = [];
  let line = first;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) {
      const byte = bytes[at];
      if (byte === LF || (byte === CR && bytes[at + 1] !== LF)) line++;
    }
    lines.push(line);
  }
  return lines;
}

/** A cell (or, when its fields cannot be told, a line) with bytes that are not UTF-8. */
export interface InvalidBytesLine {
  /** The file's line (1 = the header). */
  line: number;
  /** The damaged bytes of the line, as `\xC3\x28`. */
  bytes: string;
  /** Index of the field holding the first damaged byte, if the line starts a record. */
  fieldIndex: number | null;
  /**
   * That field (or, without one, the line) with the damaged bytes as `\xNN`; it ends with the
   * chunk the damage was found in when its line runs on into the next (1 MiB or 64 KiB).
   */
  shown: string;
}

/** Bytes of a line's start kept from the chunk before: enough to show it and find its field. */
const MAX_LINE_HEAD = 64 * 1024;

function isBreak(byte: number | undefined): boolean {
  return byte === LF || byte === CR;
}

/**
 * The field of a line (bytes from the line's start) that holds `offset`: delimiters outside
 * quotes are counted as csv-parse would on a line that starts a record.
 */
function fieldAt(
  line: Uint8Array,
  offset: number,
  delimiter: number,
  quote: number,
): { index: number; start: number; end: number } {
  let index = 0;
  let start = 0;
  let quoted = false;
  for (let at = 0; at < offset; at++) {
    const byte = line[at];
    if (byte === quote) quoted = !quoted;
    else if (byte === delimiter && !quoted) {
      index++;
      start = at + 1;
    }
  }
  let end = offset;
  while (end < line.length && (quoted || line[end] !== delimiter) && !isBreak(line[end])) {
    if (line[end] === quote) quoted = !quoted;
    end++;
  }
  return { index, start, end };
}

/**
 * Finds the lines with invalid UTF-8 in a file fed to it chunk by chunk (`check`), then
 * `end`. `take` hands over (and forgets) the lines found so far.
 */
export function createInvalidUtf8Finder(
  settings: { delimiter: string; quote: string },
  /**
   * The line the next chunk starts on, when the caller counts lines anyway (the line
   * reader): counting them here again cost a few per cent of a large import.
   */
  lineAtChunkStart?: () => number,
) {
  const delimiter = settings.delimiter.charCodeAt(0);
  const quote = settings.quote.charCodeAt(0);
  /** Line number at the start of the next chunk. */
  let line = 1;
  let lastWasCr = false;
  /** A multi-byte character cut by the end of the last chunk. */
  let carry: Buffer = Buffer.alloc(0);
  /** The last chunk's unfinished line, for showing a damaged line that starts there. */
  let head: Buffer = Buffer.alloc(0);
  let found: InvalidBytesLine[] = [];

  const countBreaks = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    // A CRLF cut between chunks: the CR was counted as a break, so the LF is not.
    let start = 0;
    if (lastWasCr && bytes[0] === LF) start = 1;
    for (let at = bytes.indexOf(LF, start); at !== -1; at = bytes.indexOf(LF, at + 1)) line++;
    for (let at = bytes.indexOf(CR, start); at !== -1; at = bytes.indexOf(CR, at + 1)) {
      if (bytes[at + 1] !== LF) line++;
    }
    // A CR at the very end was counted; if a LF follows in the next chunk it is skipped.
    lastWasCr = bytes[bytes.length - 1] === CR;
  };

  const keepHead = (bytes: Buffer) => {
    let last = bytes.length - 1;
    while (last >= 0 && !isBreak(bytes[last])) last--;
    const tail = bytes.subarray(last + 1);
    const joined = last >= 0 ? tail : Buffer.concat([head, tail]);
    head = Buffer.from(joined.subarray(0, MAX_LINE_HEAD));
  };

  const report = (bytes: Buffer, ranges: InvalidRange[]) => {
    // A LF that ends a CRLF cut by the chunk's start was counted with its CR already.
    const firstLine = lineAtChunkStart
      ? lineAtChunkStart()
      : lastWasCr && bytes[0] === LF
        ? line - 1
        : line;
    const lines = linesOfOffsets(
      bytes,
      ranges.map((range) => range.start),
      firstLine,
    );
    let index = 0;
    while (index < ranges.length) {
      const number = lines[index] as number;
      const same: InvalidRange[] = [];
      while (index < ranges.length && lines[index] === number)
        same.push(ranges[index++] as InvalidRange);
      const first = same[0] as InvalidRange;
      let lineStart = first.start;
      while (lineStart > 0 && !isBreak(bytes[lineStart - 1])) lineStart--;
      let lineEnd = first.start;
      while (lineEnd < bytes.length && !isBreak(bytes[lineEnd])) lineEnd++;
      const whole =
        lineStart === 0
          ? Buffer.concat([head, bytes.subarray(0, lineEnd)])
          : bytes.subarray(lineStart, lineEnd);
      const shift = lineStart === 0 ? head.length - lineStart : -lineStart;
      const wholeLine = lineStart > 0 || head.length < MAX_LINE_HEAD;
      // One warning per damaged cell (per line when the line's fields cannot be told).
      const cells = new Map<
        number,
        { field: ReturnType<typeof fieldAt> | null; ranges: InvalidRange[] }
      >();
      for (const range of same) {
        const field = wholeLine ? fieldAt(whole, range.start + shift, delimiter, quote) : null;
        const key = field ? field.index : -1;
        const cell = cells.get(key);
        if (cell) cell.ranges.push(range);
        else cells.set(key, { field, ranges: [range] });
      }
      for (const { field, ranges: inCell } of cells.values()) {
        found.push({
          line: number,
          bytes: inCell.map((range) => hexBytes(bytes.subarray(range.start, range.end))).join(" "),
          fieldIndex: field ? field.index : null,
          shown: showInvalidBytes(field ? whole.subarray(field.start, field.end) : whole),
        });
      }
    }
  };

  return {
    check(chunk: Buffer): void {
      let data = chunk;
      if (carry.length > 0) {
        // The character cut by the last chunk is checked alone when it is whole again, not
        // by copying the chunk after it (a copy per chunk was most of this check's cost).
        const rest = (sequenceOf(carry[0] as number)?.[0] ?? 0) + 1 - carry.length;
        const joined = Buffer.concat([carry, chunk.subarray(0, rest)]);
        const fine = rest > 0 && rest <= chunk.length && isUtf8(joined);
        if (fine) keepHead(joined);
        data = fine ? chunk.subarray(rest) : Buffer.concat([carry, chunk]);
      }
      const end = completeLength(data);
      const body = data.subarray(0, end);
      carry = Buffer.from(data.subarray(end));
      if (!isUtf8(body)) report(body, scanUtf8(body).invalid);
      if (!lineAtChunkStart) countBreaks(body);
      keepHead(body);
    },
    /** The file ended: a character still cut is damage too. */
    end(): void {
      if (carry.length > 0) report(carry, [{ start: 0, end: carry.length }]);
      carry = Buffer.alloc(0);
    },
    take(): InvalidBytesLine[] {
      const taken = found;
      found = [];
      return taken;
    },
  };
}

export type InvalidUtf8Finder = ReturnType<typeof createInvalidUtf8Finder>;

/** Length of `bytes` without a multi-byte character that the chunk's end cut in half. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const sequence = sequenceOf(byte);
      return sequence && sequence[0] >= back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/** The cell warnings of damaged lines, with the column named by the file's headers. */
export function invalidBytesWarnings(
  lines: readonly InvalidBytesLine[],
  headers: readonly string[],
): CellWarning[] {
  return lines.map((found) => ({
    lineNumber: found.line,
    column: found.fieldIndex === null ? null : (headers[found.fieldIndex] ?? null),
    value: found.shown,
    reason: message("messages:ingest.cell.invalidUtf8", { bytes: found.bytes }),
  }));
}
