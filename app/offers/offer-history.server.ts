/**
 * The queries behind the offer-cost calculator: the product catalogue a target is chosen
 * from, the span of the sales history, and for each analysable customer the day they
 * joined and the day they first bought the target. Everything is read for one workspace
 * through its scope; who may be analysed is decided in app/customers/analysable.server.ts.
 */
import type { WorkspaceScope } from "#db/scoped";
import {
  analysableSql,
  type ProcessingBasis,
  processingBasisOf,
} from "~/customers/analysable.server";
import type { CatalogueEntry, ProductTarget } from "./product-target";

/** Products of the products file, then what sales name that the file does not. */
export function productCatalogue(
  scope: WorkspaceScope,
  { includeSales = true } = {},
): CatalogueEntry[] {
  const listed = scope
    .sql("SELECT code, name, category FROM products WHERE workspace_id = @workspace ORDER BY code")
    .all<CatalogueEntry>();
  if (!includeSales) return listed;
  const sold = scope
    .sql(
      `SELECT DISTINCT product_code AS code, product_name AS name, category FROM transactions
       WHERE workspace_id = @workspace AND (product_code IS NOT NULL OR product_name IS NOT NULL
         OR category IS NOT NULL)`,
    )
    .all<CatalogueEntry>();
  return [...listed, ...sold];
}

/** First and last day (UTC, YYYY-MM-DD) of the workspace's sales, or null without sales. */
export function salesSpan(scope: WorkspaceScope): { from: string; to: string } | null {
  const row = scope
    .sql(
      "SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM transactions WHERE workspace_id = @workspace",
    )
    .get<{ first: number | null; last: number | null }>();
  if (!row || row.first === null || row.last === null) return null;
  return { from: isoDay(row.first), to: isoDay(row.last) };
}

export interface CustomerActivation {
  /** Recorded sign-up date (YYYY-MM-DD), or null. */
  signup: string | null;
  /** Day of the first sale of any product, or null without sales. */
  firstSeen: string | null;
  /** Day of the first sale (not a return) of the target, or null. */
  firstPurchase: string | null;
}

/** Each analysable customer's sign-up, first sale and first purchase of the target. */
export function customerActivations(
  scope: WorkspaceScope,
  target: ProductTarget,
): { customers: CustomerActivation[]; excluded: number; basis: ProcessingBasis } {
  const basis = processingBasisOf(scope);
  const list = (values: string[]) => values.map(() => "?").join(", ") || "NULL";
  const rows = scope
    .sql(
      `SELECT c.signup_date AS signup, min(t.occurred_at) AS firstSeen,
         min(CASE WHEN t.is_return = 0 AND (t.product_code IN (${list(target.codes)})
           OR t.product_name IN (${list(target.names)}) OR t.category IN (${list(target.categories)}))
           THEN t.occurred_at END) AS firstPurchase
       FROM customers c
       LEFT JOIN transactions t ON t.workspace_id = c.workspace_id AND t.customer_id = c.id
       WHERE c.workspace_id = @workspace AND ${analysableSql(basis, "c")}
       GROUP BY c.id`,
    )
    .all<{ signup: string | null; firstSeen: number | null; firstPurchase: number | null }>(
      ...target.codes,
      ...target.names,
      ...target.categories,
    );
  const all = scope
    .sql("SELECT count(*) FROM customers WHERE workspace_id = @workspace")
    .pluck()
    .get<number>() as number;
  return {
    customers: rows.map((r) => ({
      signup: r.signup && /^\d{4}-\d{2}-\d{2}/.test(r.signup) ? r.signup.slice(0, 10) : null,
      firstSeen: r.firstSeen === null ? null : isoDay(r.firstSeen),
      firstPurchase: r.firstPurchase === null ? null : isoDay(r.firstPurchase),
    })),
    excluded: all - rows.length,
    basis,
  };
}

/** A stored sale time (ms since 1970, UTC) as its UTC day. */
function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
