/**
 * The transaction row schema. The amount is derived from quantity × unit price when not
 * given; a negative quantity or amount marks a return, kept with both signs negative so
 * that sums of amounts and quantities net returns out.
 */

import { z } from "zod";
import { message } from "~/i18n/message-code";
import {
  type CellContext,
  currencyCell,
  dateCell,
  type Money,
  moneyCell,
  numberCell,
  rowIssue,
  sourceCell,
  textCell,
} from "./field-parsers";
import type { FieldOf } from "./kinds";

function transactionFields(context: CellContext) {
  return {
    transaction_id: textCell(),
    order_id: textCell(),
    line_number: numberCell(context, { min: 0, integer: true }),
    customer_external_id: textCell(),
    occurred_at: dateCell(context, true),
    product_code: textCell(),
    product_name: textCell(),
    category: textCell(),
    quantity: numberCell(context),
    unit_price: moneyCell(context),
    amount: moneyCell(context),
    currency: currencyCell(),
    channel: sourceCell(),
  } satisfies Record<FieldOf<"transactions">, z.ZodType>;
}

export interface TransactionRow {
  /** Null when the file has none; the natural key is then a hash of the row. */
  transaction_id: string | null;
  /** The order, receipt or invoice the line belongs to; null when the file names none. */
  order_id: string | null;
  /** The line's number within its order, when the file has such a column. */
  line_number: number | null;
  /** Null for an anonymous sale. */
  customer_external_id: string | null;
  occurred_at: string;
  product_code: string | null;
  product_name: string | null;
  category: string | null;
  quantity: number | null;
  unit_price: number | null;
  amount: number;
  currency: string | null;
  channel: string | null;
  is_return: boolean;
}

/** Products of prices carry binary noise (3 × 19.99); money needs no more than 6 decimals. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The cells of a transaction row, each read by its field's cell schema. */
export interface TransactionFields {
  transaction_id: string | null;
  order_id: string | null;
  line_number: number | null;
  customer_external_id: string | null;
  occurred_at: string | null;
  product_code: string | null;
  product_name: string | null;
  category: string | null;
  quantity: number | null;
  unit_price: Money | null;
  amount: Money | null;
  currency: string | null;
  channel: string | null;
}

export type FinishedTransaction =
  | { ok: true; row: TransactionRow }
  | { ok: false; field: FieldOf<"transactions">; message: string };

/**
 * The row-level rules, once every cell has been read. The import's fast lane applies the
 * same rules to plain values (transaction-lane.ts); its tests hold the two to one result.
 */
export function finishTransaction(fields: TransactionFields): FinishedTransaction {
  const { occurred_at, quantity, unit_price, amount } = fields;
  if (!occurred_at) {
    return {
      ok: false,
      field: "occurred_at",
      message: message("messages:ingest.row.saleDateEmpty"),
    };
  }
  const derived =
    amount?.value ??
    (quantity !== null && unit_price !== null ? roundMoney(quantity * unit_price.value) : null);
  if (derived === null) {
    return {
      ok: false,
      field: "amount",
      message: message("messages:ingest.row.amountEmpty"),
    };
  }
  const isReturn = derived < 0 || (quantity ?? 0) < 0;
  return {
    ok: true,
    row: {
      ...fields,
      occurred_at,
      quantity: quantity === null ? null : isReturn ? -Math.abs(quantity) : quantity,
      unit_price: unit_price === null ? null : Math.abs(unit_price.value),
      amount: isReturn ? -Math.abs(derived) : derived,
      currency: fields.currency ?? amount?.currency ?? unit_price?.currency ?? null,
      is_return: isReturn,
    },
  };
}

export function transactionRowSchema(context: CellContext) {
  return z
    .object({ fields: z.object(transactionFields(context)) })
    .transform(({ fields }, ctx): TransactionRow => {
      const finished = finishTransaction(fields);
      if (finished.ok) return finished.row;
      rowIssue(ctx, finished.field, finished.message);
      return z.NEVER;
    });
}
