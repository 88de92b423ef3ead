/** What the customer pages read: a searchable list, one profile, and consent counts. */
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  type like,
  max,
  or,
  type SQL,
  sql,
  sum,
} from "drizzle-orm";
import { customerSources, customers, transactions } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { foldCase } from "~/ingest/normalise";
import { createWorkspaceCache, marksKey, workspaceDataMarks } from "~/workspace-cache.server";
import {
  analysableCustomerFilter,
  countExcludedFromAnalysis,
  exclusionWording,
  isAnalysable,
  processingBasisOf,
} from "./analysable.server";

export interface CustomerListOptions {
  search?: string;
  limit: number;
  offset: number;
  /** Owners may look at everyone; by default those the basis leaves out are hidden. */
  includeUnconsented?: boolean;
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeEscaped = (column: Parameters<typeof like>[0], text: string) =>
  sql`${column} like ${contains(text)} escape '\\'`;

function searchCondition(scope: WorkspaceScope, search: string): SQL {
  const text = search.trim();
  const digits = text.replace(/\D/g, "");
  return or(
    sql`fold_case(${customers.name}) like ${contains(foldCase(text))} escape '\\'`,
    likeEscaped(customers.email, text.toLowerCase()),
    // Phones are stored as +905321234567; "0532 123 45 67" finds them by its digits.
    digits.length >= 4 ? likeEscaped(customers.phone, digits.replace(/^0+/, "")) : undefined,
    sql`${customers.id} in (select customer_id from customer_sources
      where ${scope.owns("customer_sources")} and external_id = ${text})`,
  ) as SQL;
}

export function listCustomers(scope: WorkspaceScope, options: CustomerListOptions) {
  const { search, limit, offset, includeUnconsented } = options;
  const rows = scope.db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      city: customers.city,
      consentDataProcessing: customers.consentDataProcessing,
      /**
       * The customer's own id (from the file), lowest of their sources' ids. The unary +
       * keeps SQLite off the (workspace, external id) index, which walked all of the
       * workspace's sources for every customer (1.5 s a page on the demo, 20 ms without).
       */
      externalId: sql<string | null>`(select min(s.external_id) from customer_sources s
        where s.customer_id = "customers"."id" and ${scope.owns("s", { notIndexed: true })})`,
      // Spelled out: drizzle writes a bare "id" here, which would bind to s.id.
      sources: sql<string>`(select group_concat(s.source || ':' || s.external_id, ', ')
        from customer_sources s where s.customer_id = "customers"."id"
        and ${scope.owns("s", { notIndexed: true })})`,
    })
    .from(customers)
    .where(
      and(
        analysableCustomerFilter(scope, { includeAll: includeUnconsented }),
        search?.trim() ? searchCondition(scope, search) : undefined,
      ),
    )
    .orderBy(asc(customers.id))
    .limit(limit)
    .offset(offset)
    .all();
  return rows.map((row) => ({ ...row, sources: row.sources ?? "" }));
}

function consentOf(value: boolean | null, at: string | null, source: string | null) {
  return { value, at, source };
}

export function getCustomerProfile(scope: WorkspaceScope, id: number) {
  const customer = scope.first(customers, eq(customers.id, id));
  if (!customer) return undefined;
  const sources = scope.db
    .select({
      source: customerSources.source,
      externalId: customerSources.externalId,
      matchedBy: customerSources.matchedBy,
      datasetId: customerSources.datasetId,
    })
    .from(customerSources)
    .where(scope.where(customerSources, eq(customerSources.customerId, id)))
    .orderBy(asc(customerSources.id))
    .all();
  const theirs = salesOf(
    scope,
    id,
    sources.map((s) => s.externalId),
  );
  // A purchase line as RFM reads one (analytics/rfm.ts): not flagged a return, amount ≥ 0.
  const purchase = sql`${transactions.isReturn} = 0 and ${transactions.amount} >= 0`;
  const summary = scope.db
    .select({
      count: count(),
      revenue: sum(transactions.amount).mapWith(Number),
      lastPurchase: max(
        sql<number>`case when ${transactions.isReturn} = 0 then ${transactions.occurredAt} end`,
      ),
      // Orders as RFM counts them: distinct order ids among purchase lines, plus each purchase
      // line without an order id on its own (docs/analytics.md §1).
      orders: sql<number>`count(distinct case when ${purchase} then ${transactions.orderId} end)
        + coalesce(sum(case when ${purchase} and ${transactions.orderId} is null then 1 end), 0)`.mapWith(
        Number,
      ),
    })
    .from(transactions)
    .where(scope.where(transactions, theirs))
    .get();
  const orders = summary?.orders ?? 0;
  const revenue = summary?.revenue ?? 0;
  return {
    customer,
    /** Whether the workspace's legal basis lets analyses use this person. */
    analysable: isAnalysable(processingBasisOf(scope), customer.consentDataProcessing),
    sources,
    consent: {
      dataProcessing: consentOf(
        customer.consentDataProcessing,
        customer.consentDataProcessingAt,
        customer.consentDataProcessingSource,
      ),
      email: consentOf(customer.consentEmail, customer.consentEmailAt, customer.consentEmailSource),
      sms: consentOf(customer.consentSms, customer.consentSmsAt, customer.consentSmsSource),
    },
    purchases: {
      /** Sale lines, returns included. */
      count: summary?.count ?? 0,
      orders,
      revenue,
      /** Net revenue per order; null without an order. */
      averageOrderValue: orders === 0 ? null : revenue / orders,
      lastPurchase:
        summary?.lastPurchase == null ? null : new Date(Number(summary.lastPurchase)).toISOString(),
    },
  };
}

/**
 * The profile's sales: linked to it, or filed under one of its ids and not yet linked. The
 * workspace is repeated inside each branch so that SQLite reads each through its own partial
 * index (a multi-index OR) instead of scanning the workspace's sales.
 */
function salesOf(scope: WorkspaceScope, id: number, externalIds: string[]) {
  const inWorkspace = eq(transactions.workspaceId, scope.workspaceId);
  return or(
    and(inWorkspace, eq(transactions.customerId, id)),
    externalIds.length
      ? and(
          inWorkspace,
          isNull(transactions.customerId),
          inArray(transactions.customerExternalId, externalIds),
        )
      : undefined,
  );
}

/**
 * The profile's latest sale lines, newest first, the lines of one order next to each other
 * (same time, then order id, then file order), for the sales list of the customer page.
 */
export function recentSaleLines(
  scope: WorkspaceScope,
  id: number,
  externalIds: string[],
  limit = 50,
) {
  return scope.db
    .select({
      id: transactions.id,
      occurredAt: transactions.occurredAt,
      orderId: transactions.orderId,
      productCode: transactions.productCode,
      productName: transactions.productName,
      quantity: transactions.quantity,
      amount: transactions.amount,
      isReturn: transactions.isReturn,
    })
    .from(transactions)
    .where(scope.where(transactions, salesOf(scope, id, externalIds)))
    .orderBy(desc(transactions.occurredAt), asc(transactions.orderId), asc(transactions.id))
    .limit(limit)
    .all()
    .map((line) => ({ ...line, occurredAt: line.occurredAt.toISOString() }));
}

/**
 * Counted over all of the workspace's customers (two counts, about 20 ms on the demo and
 * more while an import writes), so kept per workspace under its data marks: an import's
 * publish, an objection, an erasure or the legal basis moves them.
 */
const counts = createWorkspaceCache<ReturnType<typeof countCustomers>>();

export function customerCounts(scope: WorkspaceScope) {
  const key = marksKey(workspaceDataMarks(scope));
  return counts.get(scope.workspaceId, key, () => countCustomers(scope));
}

function countCustomers(scope: WorkspaceScope) {
  const total =
    scope.db.select({ n: count() }).from(customers).where(scope.where(customers)).get()?.n ?? 0;
  const excluded = countExcludedFromAnalysis(scope);
  const basis = processingBasisOf(scope);
  return {
    total,
    withDataProcessingConsent: total - excluded,
    excluded,
    basis,
    /** "without data-processing consent" or "who objected to processing". */
    excludedAs: exclusionWording(basis),
  };
}
