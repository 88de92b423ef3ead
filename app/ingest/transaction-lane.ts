/**
 * The import's fast lane for transactions: a CSV record (fields by position) straight to
 * the staging table's columns, with no row object, no zod and no intermediate result per
 * cell. Readers are chosen once per file. The lane only ever accepts: a cell it does not
 * read at a glance goes to the same parser the zod schema uses (field-parsers.ts), and a
 * row it cannot accept gives false, after which the loader validates the record with
 * `validateRow`, so every rejection reads exactly as on the slow path.
 * tests/unit/ingest/transaction-lane.test.ts checks both paths agree cell for cell.
 */

import { dateToMs } from "./dates";
import {
  type CellContext,
  type CellParser,
  isMissing,
  moneyParser,
  numberParser,
  parseCurrency,
  parseSource,
} from "./field-parsers";
import type { FieldOf } from "./kinds";
import type { ColumnMapping } from "./mapping";
import { roundMoney } from "./schema-transactions";
import { cellContextOf, naturalKeyOf, type RowSettings, type TransactionRow } from "./schemas";
import type { KeyColumns, LineKeys } from "./transaction-keys";

/** Writes one record's staging columns into `out` from `at`; false: take the slow path. */
export type TransactionLane = (fields: readonly string[], out: unknown[], at: number) => boolean;

/**
 * What a transaction stores besides its key, in the order the lane and writeRowColumns
 * write them after the key: the staging table's columns (transaction-stage.server.ts).
 */
export const STAGED_VALUE_COLUMNS = [
  "order_id",
  "customer_external_id",
  "occurred_at",
  "product_code",
  "product_name",
  "category",
  "quantity",
  "unit_price",
  "amount",
  "currency",
  "channel",
  "is_return",
] as const;

/** Columns written per record: the key, then STAGED_VALUE_COLUMNS. */
export const LANE_COLUMNS = 1 + STAGED_VALUE_COLUMNS.length;

/**
 * A row validated by the slow path into the same columns the lane writes: its key (the
 * transaction id, else its order and line, else a hash of the whole row: see
 * transaction-keys.ts), the sale's time in epoch ms.
 */
export function writeRowColumns(
  row: TransactionRow,
  keys: LineKeys,
  out: unknown[],
  at: number,
): void {
  out[at] =
    row.transaction_id !== null
      ? keys.byId(row.transaction_id)
      : row.order_id !== null
        ? keys.byOrderLine(row.order_id, row.line_number)
        : keys.byHash(naturalKeyOf("transactions", row));
  out[at + 1] = row.order_id;
  out[at + 2] = row.customer_external_id;
  out[at + 3] = Date.parse(row.occurred_at);
  out[at + 4] = row.product_code;
  out[at + 5] = row.product_name;
  out[at + 6] = row.category;
  out[at + 7] = row.quantity;
  out[at + 8] = row.unit_price;
  out[at + 9] = row.amount;
  out[at + 10] = row.currency;
  out[at + 11] = row.channel;
  out[at + 12] = row.is_return ? 1 : 0;
}

/** A cell the lane leaves to the slow path. */
const DECLINE = Symbol("decline");
type Read<T> = (fields: readonly string[]) => T | null | typeof DECLINE;

const MAX_TEXT = 1000;

/** Printable ASCII at both ends: nothing for trim() to remove (the common case). */
function isTrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** Turkish letters beyond ASCII: none folds to a letter that starts a "no value" marker. */
const TURKISH_LETTERS = new Set([..."çğıİöşüÇĞÖŞÜ"].map((letter) => letter.charCodeAt(0)));

/**
 * Whether a cell starting with this character is a value for certain: digits, and Latin,
 * Turkish and Cyrillic letters, but not n/N or н/Н ("n/a", "нет данных"), which isMissing
 * must look at. Anything else (dashes, "#", spaces, accented letters that fold to n) too.
 */
function cannotStartMissing(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return code !== 78 && code !== 110;
  if (code >= 0x410 && code <= 0x44f) return code !== 0x41d && code !== 0x43d;
  return code === 0x401 || code === 0x451 || TURKISH_LETTERS.has(code);
}

/** The cell's trimmed text, or null for an empty or "no value" cell (as `cell` reads it). */
function presentText(raw: string): string | null {
  if (raw === "") return null;
  if (!cannotStartMissing(raw.charCodeAt(0)) && isMissing(raw)) return null;
  return isTrimmed(raw) ? raw : raw.trim();
}

/** "-12.50"-shaped text (with this file's decimal mark) as a number, else undefined. */
function plainNumber(text: string, decimalComma: boolean): number | undefined {
  const mark = decimalComma ? 44 : 46;
  let at = text.charCodeAt(0) === 45 ? 1 : 0;
  const digitsFrom = at;
  let markAt = -1;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) continue;
    if (code !== mark || markAt !== -1) return undefined;
    markAt = at;
  }
  if (markAt === digitsFrom || markAt === text.length - 1 || text.length === digitsFrom) {
    return undefined;
  }
  const value = Number(decimalComma && markAt !== -1 ? text.replace(",", ".") : text);
  if (!Number.isFinite(value)) return undefined;
  return value === 0 ? 0 : value;
}

interface Readers {
  text: (field: FieldOf<"transactions">) => Read<string>;
  number: (field: FieldOf<"transactions">) => Read<number>;
  /** A whole number, 0 or more (a line number). */
  count: (field: FieldOf<"transactions">) => Read<number>;
  money: (field: FieldOf<"transactions">) => Read<{ value: number; currency: string | null }>;
  date: (field: FieldOf<"transactions">) => Read<number>;
  word: (field: FieldOf<"transactions">, parse: typeof parseCurrency) => Read<string>;
}

function readersFor(
  headers: readonly string[],
  columns: ReadonlyMap<string, number>,
  context: CellContext,
): Readers {
  const decimalComma = context.decimalMark === ",";
  const at = (field: string) => columns.get(field);
  const none = () => null;
  /** A plain number read at a glance, anything else by the schema's own parser. */
  const numeric = <T>(
    field: string,
    fromPlain: (value: number) => T | typeof DECLINE,
    parse: CellParser<T>,
  ): Read<T> => {
    const index = at(field);
    if (index === undefined) return none;
    const column = headers[index] as string;
    return (fields) => {
      const text = presentText(fields[index] as string);
      if (text === null) return null;
      const plain = plainNumber(text, decimalComma);
      if (plain !== undefined) return fromPlain(plain);
      const parsed = parse(text, column);
      return parsed.ok ? parsed.value : DECLINE;
    };
  };
  return {
    text(field) {
      const index = at(field);
      if (index === undefined) return none;
      return (fields) => {
        const text = presentText(fields[index] as string);
        return text !== null && text.length > MAX_TEXT ? DECLINE : text;
      };
    },
    number: (field) => numeric(field, (value) => value, numberParser(context)),
    count: (field) =>
      numeric(
        field,
        (value) => (Number.isInteger(value) && value >= 0 ? value : DECLINE),
        numberParser(context, { min: 0, integer: true }),
      ),
    money: (field) => numeric(field, (value) => ({ value, currency: null }), moneyParser(context)),
    date(field) {
      const index = at(field);
      const format = index === undefined ? undefined : context.dateFormats[headers[index] ?? ""];
      // A column whose format the sample did not settle is read value by value: slow path.
      if (index === undefined || format === undefined) return () => DECLINE;
      return (fields) => {
        const text = presentText(fields[index] as string);
        if (text === null) return null;
        const ms = dateToMs(text, format);
        return ms === null ? DECLINE : ms;
      };
    },
    word(field, parse) {
      const index = at(field);
      if (index === undefined) return none;
      const column = headers[index] as string;
      const known = new Map<string, string | typeof DECLINE>();
      return (fields) => {
        const text = presentText(fields[index] as string);
        if (text === null) return null;
        let word = known.get(text);
        if (word === undefined) {
          const parsed = parse(text, column);
          word = parsed.ok ? parsed.value : DECLINE;
          // A file has a handful of currencies and channels; a runaway column is not cached.
          if (known.size < 1000) known.set(text, word);
        }
        return word;
      };
    },
  };
}

/** Where each field is read from: the last column mapped to it, as the row mapper does. */
function fieldColumns(headers: readonly string[], mapping: ColumnMapping) {
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) columns.set(field, index);
  });
  return columns;
}

/** The headers a file's line keys are read from (for messages about a key). */
export function keyColumnsOf(headers: readonly string[], mapping: ColumnMapping): KeyColumns {
  const columns = fieldColumns(headers, mapping);
  const header = (field: string) => {
    const index = columns.get(field);
    return index === undefined ? null : (headers[index] ?? null);
  };
  return {
    transactionId: header("transaction_id"),
    orderId: header("order_id"),
    lineNumber: header("line_number"),
  };
}

/**
 * The lane for a file with these headers, or null when it has none: without a transaction
 * id or order id column each row's key is a hash of the whole row, which only the slow path
 * computes. `keys` gives each line taken its key, in file order (shared with the slow path).
 */
export function createTransactionLane(
  headers: readonly string[],
  mapping: ColumnMapping,
  settings: RowSettings,
  keys: LineKeys,
): TransactionLane | null {
  const columns = fieldColumns(headers, mapping);
  if (!columns.has("transaction_id") && !columns.has("order_id")) return null;
  const read = readersFor(headers, columns, cellContextOf(settings));
  const transactionId = read.text("transaction_id");
  const orderIdOf = read.text("order_id");
  const lineNumberOf = read.count("line_number");
  const customerId = read.text("customer_external_id");
  const occurredAt = read.date("occurred_at");
  const productCode = read.text("product_code");
  const productName = read.text("product_name");
  const category = read.text("category");
  const quantityOf = read.number("quantity");
  const unitPriceOf = read.money("unit_price");
  const amountOf = read.money("amount");
  const currencyOf = read.word("currency", parseCurrency);
  const channel = read.word("channel", parseSource);

  return (fields, out, at) => {
    const id = transactionId(fields);
    const orderId = orderIdOf(fields);
    // A line with neither id is keyed by a hash of its values: the slow path's job.
    if (id === DECLINE || orderId === DECLINE || (id === null && orderId === null)) return false;
    const lineNumber = lineNumberOf(fields);
    if (lineNumber === DECLINE) return false;
    const occurred = occurredAt(fields);
    const quantity = quantityOf(fields);
    const unitPrice = unitPriceOf(fields);
    const amount = amountOf(fields);
    const currency = currencyOf(fields);
    if (occurred === null || occurred === DECLINE) return false;
    if (quantity === DECLINE || unitPrice === DECLINE || amount === DECLINE) return false;
    if (currency === DECLINE) return false;
    // The rules of finishTransaction (schema-transactions.ts), on plain values.
    const derived =
      amount?.value ??
      (quantity !== null && unitPrice !== null ? roundMoney(quantity * unitPrice.value) : null);
    if (derived === null) return false;
    const isReturn = derived < 0 || (quantity ?? 0) < 0;
    const customer = customerId(fields);
    const code = productCode(fields);
    const name = productName(fields);
    const group = category(fields);
    const channelName = channel(fields);
    if (customer === DECLINE || code === DECLINE || name === DECLINE || group === DECLINE) {
      return false;
    }
    if (channelName === DECLINE) return false;
    // Keyed last: the line is taken, and only a taken line counts in its order.
    out[at] = id !== null ? keys.byId(id) : keys.byOrderLine(orderId as string, lineNumber);
    out[at + 1] = orderId;
    out[at + 2] = customer;
    out[at + 3] = occurred;
    out[at + 4] = code;
    out[at + 5] = name;
    out[at + 6] = group;
    out[at + 7] = quantity === null ? null : isReturn ? -Math.abs(quantity) : quantity;
    out[at + 8] = unitPrice === null ? null : Math.abs(unitPrice.value);
    out[at + 9] = isReturn ? -Math.abs(derived) : derived;
    out[at + 10] = currency ?? amount?.currency ?? unitPrice?.currency ?? null;
    out[at + 11] = channelName;
    out[at + 12] = isReturn ? 1 : 0;
    return true;
  };
}
