/**
 * Row validation for every dataset kind: a mapped CSV row (text per field, with the header
 * it came from) in, a typed row or a list of errors naming the original column out.
 *
 * The schemas depend on the file (its decimal mark, each column's date format), so they
 * are built per settings object and cached on it: pass the same settings object for every
 * row of a file.
 */

import { createHash } from "node:crypto";
import type { CountryCode } from "libphonenumber-js";
import type { z } from "zod";
import { clauseList, message } from "~/i18n/message-code";
import type { AttributeType } from "./attributes";
import type { DateFormat } from "./dates";
import type { CellContext, CellIssue } from "./field-parsers";
import { type DatasetKind, naturalKeys } from "./kinds";
import type { MappedRecord } from "./mapping";
import type { DecimalMark } from "./numbers";
import { type ChannelAudienceRow, channelAudienceRowSchema } from "./schema-audiences";
import {
  type CampaignRow,
  campaignRowSchema,
  type ProductRow,
  productRowSchema,
} from "./schema-campaigns";
import { type CustomerRow, customerRowSchema } from "./schema-customers";
import { type ResponseRow, responseRowSchema } from "./schema-responses";
import { type TransactionRow, transactionRowSchema } from "./schema-transactions";

export type {
  CampaignRow,
  ChannelAudienceRow,
  CustomerRow,
  ProductRow,
  ResponseRow,
  TransactionRow,
};

export interface RowSettings {
  decimalMark: DecimalMark;
  /** Date format per original header, for every column read as a date. */
  dateFormats?: Readonly<Record<string, DateFormat>>;
  /** Customers only: the type of each column kept as an attribute (default: category). */
  attributeTypes?: Readonly<Record<string, AttributeType>>;
  /** Country for phone numbers written without a country code; default TR. */
  defaultCountry?: CountryCode;
}

export interface RowByKind {
  customers: CustomerRow;
  transactions: TransactionRow;
  campaigns: CampaignRow;
  products: ProductRow;
  channel_audiences: ChannelAudienceRow;
  responses: ResponseRow;
}

export interface RowError {
  /** The header as it is written in the file. */
  column: string;
  /** The canonical field, or "attribute" for a customer attribute column. */
  field: string;
  reason: string;
}

/** A cell of a kept row that was left empty: its column, its text as written, and why. */
export interface RowWarning extends RowError {
  value: string;
}

export type RowResult<K extends DatasetKind> =
  | {
      ok: true;
      value: RowByKind[K];
      /** Cells left empty (see `lenient` in field-parsers.ts); absent when there are none. */
      warnings?: RowWarning[];
    }
  | { ok: false; errors: RowError[] };

type RowSchemas = { [K in DatasetKind]: z.ZodType<RowByKind[K]> };

/** The schemas of one file, and the context whose `warnings` their lenient cells fill. */
interface FileSchemas {
  schemas: RowSchemas;
  context: CellContext & { warnings: CellIssue[] };
}

/** What the cell parsers need to know of the file. */
export function cellContextOf(settings: RowSettings): CellContext {
  return {
    decimalMark: settings.decimalMark,
    dateFormats: settings.dateFormats ?? {},
    defaultCountry: settings.defaultCountry ?? "TR",
  };
}

function buildSchemas(settings: RowSettings): FileSchemas {
  const context = { ...cellContextOf(settings), warnings: [] as CellIssue[] };
  return {
    context,
    schemas: {
      customers: customerRowSchema(context, settings.attributeTypes ?? {}),
      transactions: transactionRowSchema(context),
      campaigns: campaignRowSchema(context),
      products: productRowSchema(context),
      channel_audiences: channelAudienceRowSchema(context),
      responses: responseRowSchema(context),
    },
  };
}

const schemaCache = new WeakMap<RowSettings, FileSchemas>();

function fileSchemas(settings: RowSettings): FileSchemas {
  let built = schemaCache.get(settings);
  if (!built) {
    built = buildSchemas(settings);
    schemaCache.set(settings, built);
  }
  return built;
}

/** The zod schema of one row of `kind` under these file settings. */
export function rowSchema<K extends DatasetKind>(kind: K, settings: RowSettings): RowSchemas[K] {
  return fileSchemas(settings).schemas[kind];
}

function toRowWarnings(issues: readonly CellIssue[], mapped: MappedRecord): RowWarning[] {
  return issues.map((issue) => {
    const { value, reason } = issue;
    if ("column" in issue) {
      const field =
        Object.entries(mapped.fields).find(([, cell]) => cell?.column === issue.column)?.[0] ??
        "attribute";
      return { column: issue.column, field, value, reason };
    }
    const column = mapped.fields[issue.field]?.column ?? issue.field;
    return { column, field: issue.field, value, reason };
  });
}

function toRowErrors(issues: readonly z.core.$ZodIssue[], mapped: MappedRecord): RowError[] {
  return issues.map((issue) => {
    const [scope, key] = issue.path;
    if (scope === "attributes" && typeof key === "string") {
      return { column: key, field: "attribute", reason: issue.message };
    }
    const field = typeof key === "string" ? key : "row";
    return { column: mapped.fields[field]?.column ?? field, field, reason: issue.message };
  });
}

export function validateRow<K extends DatasetKind>(
  kind: K,
  mapped: MappedRecord,
  settings: RowSettings,
): RowResult<K> {
  const { schemas, context } = fileSchemas(settings);
  // Parsing is synchronous: the warnings gathered now are this row's only.
  context.warnings.length = 0;
  const parsed = schemas[kind].safeParse(mapped);
  if (!parsed.success) return { ok: false, errors: toRowErrors(parsed.error.issues, mapped) };
  if (context.warnings.length === 0) return { ok: true, value: parsed.data };
  return { ok: true, value: parsed.data, warnings: toRowWarnings(context.warnings, mapped) };
}

/** `Column "Tutar": "abc" is not a number`, as a message code, for lists and logs. */
export function formatRowError(error: RowError): string {
  return message("messages:ingest.row.column", { column: error.column, reason: error.reason });
}

/** The errors of one rejected row as one reason, read as "a; b" (see clauseList). */
export function formatRowErrors(errors: readonly RowError[]): string {
  return clauseList(errors.map(formatRowError));
}

/**
 * The natural key of a typed row, as one string. A transaction without a transaction id
 * or order id (see transaction-keys.ts) is keyed by a hash of all its values, so
 * re-uploading the same file does not duplicate it (of two identical anonymous sales in one
 * file the second is rejected as a repeated key; a file that can have those needs an id).
 */
export function naturalKeyOf<K extends DatasetKind>(kind: K, row: RowByKind[K]): string {
  const values: Record<string, unknown> = { ...row };
  if (kind === "transactions" && values.transaction_id === null) {
    // Fields added later are left out while empty, so files without them keep their keys.
    for (const field of ["order_id", "line_number"]) {
      if (values[field] === null) delete values[field];
    }
    const canonical = JSON.stringify(
      Object.keys(values)
        .sort()
        .map((key) => [key, values[key]]),
    );
    return `row:${createHash("sha256").update(canonical).digest("hex").slice(0, 32)}`;
  }
  const keyFields: readonly string[] = naturalKeys[kind];
  return JSON.stringify(keyFields.map((field) => values[field] ?? ""));
}
