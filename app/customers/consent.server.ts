/**
 * Data-processing consent as a query condition. Analyses and exports leave out every
 * customer whose consent_data_processing is not true (false or unknown): without a
 * recorded "yes" we may not process the person's data. They say how many were left out.
 */
import { count, eq, type SQL } from "drizzle-orm";
import { customers } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";

/** The consent condition alone, for joins that already filter the workspace. */
export const hasDataProcessingConsent: SQL = eq(customers.consentDataProcessing, true);

/** The same condition for hand-written SQL over `customers` aliased as `alias`. */
export function hasDataProcessingConsentSql(alias = "customers"): string {
  return `${alias}.consent_data_processing = 1`;
}

/**
 * This workspace's customers that analyses may use. `includeUnconsented` is for the
 * owner's explicit choice (e.g. an export for a data request), never a default.
 */
export function consentedCustomerFilter(
  scope: WorkspaceScope,
  options: { includeUnconsented?: boolean } = {},
): SQL {
  return scope.where(customers, options.includeUnconsented ? undefined : hasDataProcessingConsent);
}

/** How many customers of the workspace the consent filter leaves out. */
export function countExcludedForConsent(scope: WorkspaceScope): number {
  const all = scope.db.select({ n: count() }).from(customers).where(scope.where(customers)).get();
  const consented = scope.db
    .select({ n: count() })
    .from(customers)
    .where(consentedCustomerFilter(scope))
    .get();
  return (all?.n ?? 0) - (consented?.n ?? 0);
}
