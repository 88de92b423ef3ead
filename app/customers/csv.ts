/**
 * CSV writing for exports that open safely in Excel, LibreOffice and Google Sheets:
 * UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page),
 * "," between cells, CRLF line ends, and RFC 4180 quoting.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or tab / carriage
 * return, which some programs skip before looking) as a formula, so a customer named
 * `=HYPERLINK(...)` could act when the file is opened. Such TEXT cells get a leading `'`,
 * which spreadsheets read as "this is text". NUMBERS are written as numbers: -12.5 in an
 * amount column is a value, not a formula, and prefixing it would turn it into text that
 * sums and charts ignore. So the decision rests on the value's type, not its first character.
 */

export const BOM = "\uFEFF";

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * An E.164 phone number ("+905321234567") starts with "+" but is only digits: it cannot
 * call a function or reference a cell, and SMS tools reject it with a quote in front.
 */
const E164_PHONE = /^\+[1-9]\d{6,14}$/;

/** Text as a spreadsheet will show it, never as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !E164_PHONE.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // 15 significant digits drop binary noise from sums (153432.18999999997 → 153432.19)
  // while keeping every digit a stored amount or rate really has.
  if (typeof value === "number")
    return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  const text = neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A header line (with the byte-order mark) followed by one line per row, made lazily. */
export function* csvLines<T>(
  header: readonly string[],
  rows: Iterable<T>,
  cells: (row: T) => readonly CsvValue[],
): Generator<string> {
  yield BOM + csvLine(header);
  for (const row of rows) yield csvLine(cells(row));
}

/**
 * Lines as a byte stream for an HTTP response, pulled as the client reads (about 64 KB per
 * chunk), so a large export is never held in memory whole.
 */
export function csvStream(lines: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = lines[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = "";
      while (chunk.length < 65_536) {
        const next = iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      iterator.return?.();
    },
  });
}
