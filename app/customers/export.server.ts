/**
 * A workspace's data as CSV, made row by row (see export-rows.server.ts). Customers the
 * workspace's legal basis leaves out of analyses (analysable.server.ts), and the sales
 * linked to them, are left out unless the caller asks otherwise, and the count is reported.
 */
import {
  and,
  asc,
  count,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import * as schema from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { englishMessage } from "~/i18n/english";
import type { DatasetKind } from "~/ingest/kinds";
import {
  analysableCustomerFilter,
  countExcludedFromAnalysis,
  notAnalysableSql,
  processingBasisOf,
} from "./analysable.server";
import { csvLines, csvStream } from "./csv";
import {
  CAMPAIGN_COLUMNS,
  customerCells,
  customerHeader,
  type ExportedCustomer,
  PRODUCT_COLUMNS,
  RESPONSE_HEADER,
  TRANSACTION_HEADER,
} from "./export-columns";
import { audiencesCsv, plainCsv } from "./export-plain.server";
import { type CsvExport, PAGE, pagesOf, rowsOf } from "./export-rows.server";

export type { CsvExport } from "./export-rows.server";

function* customersWithSources(scope: WorkspaceScope, includeUnconsented: boolean) {
  const { customers, customerSources } = schema;
  const profiles = pagesOf((afterId) =>
    scope.db
      .select()
      .from(customers)
      .where(
        and(
          analysableCustomerFilter(scope, { includeAll: includeUnconsented }),
          gt(customers.id, afterId),
        ),
      )
      .orderBy(asc(customers.id))
      .limit(PAGE)
      .all(),
  );
  let batch: (typeof customers.$inferSelect)[] = [];
  const flush = function* (): Generator<ExportedCustomer> {
    const ids = batch.map((c) => c.id);
    const sources = scope.select(customerSources, inArray(customerSources.customerId, ids));
    for (const customer of batch) {
      const own = sources.filter((s) => s.customerId === customer.id);
      yield { ...customer, sources: own.map((s) => `${s.source}:${s.externalId}`).join("; ") };
    }
    batch = [];
  };
  for (const profile of profiles) {
    batch.push(profile);
    if (batch.length === PAGE) yield* flush();
  }
  yield* flush();
}

function customersCsv(scope: WorkspaceScope, includeUnconsented: boolean): CsvExport {
  const attributeNames = scope
    .select(schema.attributeDefinitions, eq(schema.attributeDefinitions.kind, "customers"))
    .map((d) => d.name)
    .sort();
  return {
    fileName: "customers.csv",
    excluded: includeUnconsented ? 0 : countExcludedFromAnalysis(scope),
    lines: csvLines(
      customerHeader(attributeNames),
      customersWithSources(scope, includeUnconsented),
      (customer) => customerCells(customer, attributeNames),
    ),
  };
}

/** Sales linked to a customer the basis leaves out, by profile or (not yet linked) by their ids. */
function linkedToUnconsented(scope: WorkspaceScope): SQL {
  const t = schema.transactions;
  const basis = processingBasisOf(scope);
  const unconsented = sql.raw(notAnalysableSql(basis, "c"));
  // The "is not null" guards keep anonymous sales out of SQL's NULL logic (NOT NULL is NULL).
  return or(
    and(
      isNotNull(t.customerId),
      sql`${t.customerId} in (select c.id from customers c
        where ${scope.owns("c")} and ${unconsented})`,
    ),
    and(
      isNull(t.customerId),
      isNotNull(t.customerExternalId),
      sql`${t.customerExternalId} in (select s.external_id from customer_sources s
        join customers c on c.id = s.customer_id
        where ${scope.owns("s")} and ${unconsented})`,
    ),
  ) as SQL;
}

/** Responses filed under an id of a customer the basis leaves out. */
function sentToUnconsented(scope: WorkspaceScope): SQL {
  const r = schema.responses;
  const basis = processingBasisOf(scope);
  const unconsented = sql.raw(notAnalysableSql(basis, "c"));
  return sql`${r.customerExternalId} in (select s.external_id from customer_sources s
    join customers c on c.id = s.customer_id
    where ${scope.owns("s")} and ${unconsented})`;
}

function responsesCsv(scope: WorkspaceScope, includeUnconsented: boolean): CsvExport {
  const r = schema.responses;
  const hidden = includeUnconsented ? undefined : sentToUnconsented(scope);
  const excluded = hidden
    ? (scope.db.select({ n: count() }).from(r).where(scope.where(r, hidden)).get()?.n ?? 0)
    : 0;
  const rows = rowsOf(scope, r, hidden ? not(hidden) : undefined);
  return {
    fileName: "responses.csv",
    excluded,
    lines: csvLines(RESPONSE_HEADER, rows, (row) => [
      row.responseKey,
      row.customerExternalId,
      row.campaignId,
      row.channel,
      row.sentAt,
      row.offer,
      row.productCode,
      row.category,
      row.delivered,
      row.opened,
      row.clicked,
      row.converted,
      row.revenue,
    ]),
  };
}

function transactionsCsv(scope: WorkspaceScope, includeUnconsented: boolean): CsvExport {
  const t = schema.transactions;
  const hidden = includeUnconsented ? undefined : linkedToUnconsented(scope);
  const excluded = hidden
    ? (scope.db.select({ n: count() }).from(t).where(scope.where(t, hidden)).get()?.n ?? 0)
    : 0;
  const rows = rowsOf(scope, t, hidden ? not(hidden) : undefined);
  return {
    fileName: "transactions.csv",
    excluded,
    lines: csvLines(TRANSACTION_HEADER, rows, (r) => [
      r.transactionKey,
      r.customerExternalId,
      r.customerId,
      r.occurredAt,
      r.productCode,
      r.productName,
      r.category,
      r.quantity,
      r.unitPrice,
      r.amount,
      r.currency,
      r.channel,
      r.isReturn,
    ]),
  };
}

export function exportCsv(
  scope: WorkspaceScope,
  kind: DatasetKind,
  options: { includeUnconsented?: boolean } = {},
): CsvExport {
  const include = options.includeUnconsented === true;
  switch (kind) {
    case "customers":
      return customersCsv(scope, include);
    case "transactions":
      return transactionsCsv(scope, include);
    case "campaigns":
      return plainCsv(scope, schema.campaigns, "campaigns.csv", CAMPAIGN_COLUMNS);
    case "products":
      return plainCsv(scope, schema.products, "products.csv", PRODUCT_COLUMNS);
    case "channel_audiences":
      return audiencesCsv(scope);
    case "responses":
      return responsesCsv(scope, include);
  }
}

/** Puts a stored reason (a message code) into words; English unless the reader is known. */
export type ReasonWords = (reason: string) => string;

/**
 * A dataset's rejected rows (line, column, reason, raw text), neutralised like any export;
 * the reason in the reader's words (`words`), the headers stay as they are.
 */
export function rejectedRowsLines(
  scope: WorkspaceScope,
  datasetId: number,
  words: ReasonWords = englishMessage,
): Iterable<string> {
  const table = schema.rejectedRows;
  const rows = rowsOf(scope, table, eq(table.datasetId, datasetId));
  return csvLines(["line", "column", "reason", "raw"], rows, (r) => [
    r.lineNumber,
    r.column,
    words(r.reason),
    r.raw,
  ]);
}

/** The rejected rows as a response body (an empty file with a header for another workspace). */
export function rejectedRowsCsv(
  scope: WorkspaceScope,
  datasetId: number,
  words: ReasonWords = englishMessage,
): ReadableStream<Uint8Array> {
  return csvStream(rejectedRowsLines(scope, datasetId, words));
}

/** A dataset's cell warnings (line, column, value, reason), neutralised like any export. */
export function cellWarningsLines(
  scope: WorkspaceScope,
  datasetId: number,
  words: ReasonWords = englishMessage,
): Iterable<string> {
  const table = schema.cellWarnings;
  const rows = rowsOf(scope, table, eq(table.datasetId, datasetId));
  return csvLines(["line", "column", "value", "reason"], rows, (r) => [
    r.lineNumber,
    r.column,
    r.value,
    words(r.reason),
  ]);
}

/** The cell warnings as a response body (an empty file with a header for another workspace). */
export function cellWarningsCsv(
  scope: WorkspaceScope,
  datasetId: number,
  words: ReasonWords = englishMessage,
): ReadableStream<Uint8Array> {
  return csvStream(cellWarningsLines(scope, datasetId, words));
}

/** The whole file as one string (the CLI; the web streams `lines` instead). */
export function csvText(file: CsvExport): string {
  return [...file.lines].join("");
}
