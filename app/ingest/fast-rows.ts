/**
 * The import's fast path: a CSV record (fields by position) straight to a typed row, with
 * plain cell parsers chosen once per file instead of a zod object and a mapped record per
 * row. It uses the very parsers and row rules the zod schemas wrap (field-parsers.ts,
 * finishTransaction), and only ever accepts: a row it cannot accept gives null, and the
 * loader then validates it with `validateRow`, so rejections read exactly as before.
 */
import {
  type CellContext,
  type CellParser,
  dateParser,
  moneyParser,
  numberParser,
  type Parsed,
  parseCurrency,
  parseSource,
  parseText,
  readCell,
} from "./field-parsers";
import type { DatasetKind, FieldOf } from "./kinds";
import type { ColumnMapping } from "./mapping";
import { finishTransaction } from "./schema-transactions";
import { cellContextOf, type RowByKind, type RowSettings } from "./schemas";

/** A record of the header's width in, its typed row out, or null to take the slow path. */
export type FastRow<K extends DatasetKind = DatasetKind> = (
  fields: readonly string[],
) => RowByKind[K] | null;

type CellReader<T> = (fields: readonly string[]) => Parsed<T | null>;

const EMPTY: Parsed<null> = { ok: true, value: null };
const unmapped: CellReader<never> = () => EMPTY;

/** Where each field is read from: the last column mapped to it, as the row mapper does. */
function fieldColumns(headers: readonly string[], mapping: ColumnMapping): Map<string, number> {
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) columns.set(field, index);
  });
  return columns;
}

function transactionFastRow(
  headers: readonly string[],
  mapping: ColumnMapping,
  context: CellContext,
): FastRow<"transactions"> {
  const columns = fieldColumns(headers, mapping);
  const reader = <T>(field: FieldOf<"transactions">, parse: CellParser<T>): CellReader<T> => {
    const index = columns.get(field);
    if (index === undefined) return unmapped;
    const column = headers[index] as string;
    return (fields) => readCell(parse, fields[index] as string, column);
  };
  const transactionId = reader("transaction_id", parseText);
  const customerId = reader("customer_external_id", parseText);
  const occurredAt = reader("occurred_at", dateParser(context, true));
  const productCode = reader("product_code", parseText);
  const productName = reader("product_name", parseText);
  const category = reader("category", parseText);
  const quantity = reader("quantity", numberParser(context));
  const unitPrice = reader("unit_price", moneyParser(context));
  const amount = reader("amount", moneyParser(context));
  const currency = reader("currency", parseCurrency);
  const channel = reader("channel", parseSource);

  return (fields) => {
    const cells = [
      transactionId(fields),
      customerId(fields),
      occurredAt(fields),
      productCode(fields),
      productName(fields),
      category(fields),
      quantity(fields),
      unitPrice(fields),
      amount(fields),
      currency(fields),
      channel(fields),
    ] as const;
    for (const cell of cells) if (!cell.ok) return null;
    const value = <T>(cell: Parsed<T | null>) => (cell.ok ? cell.value : null);
    const finished = finishTransaction({
      transaction_id: value(cells[0]),
      customer_external_id: value(cells[1]),
      occurred_at: value(cells[2]),
      product_code: value(cells[3]),
      product_name: value(cells[4]),
      category: value(cells[5]),
      quantity: value(cells[6]),
      unit_price: value(cells[7]),
      amount: value(cells[8]),
      currency: value(cells[9]),
      channel: value(cells[10]),
    });
    return finished.ok ? finished.row : null;
  };
}

/** The fast path for rows of `kind` in a file with these headers, or null where none exists. */
export function createFastRow(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: ColumnMapping,
  settings: RowSettings,
): FastRow | null {
  if (kind === "transactions") return transactionFastRow(headers, mapping, cellContextOf(settings));
  return null;
}
