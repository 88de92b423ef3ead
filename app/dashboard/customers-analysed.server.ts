/**
 * "Customers analysed": how many of the workspace's customers its legal basis for analytics
 * lets analyses use, and how many it leaves out. The rule itself lives in
 * customers/analysable.server.ts; this only counts with it.
 */
import { count } from "drizzle-orm";
import { customers } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import {
  analysableCustomerFilter,
  type ProcessingBasis,
  processingBasisOf,
} from "~/customers/analysable.server";

export interface CustomersAnalysed {
  basis: ProcessingBasis;
  /** Every customer profile of the workspace. */
  total: number;
  analysed: number;
  excluded: number;
}

export function customersAnalysed(scope: WorkspaceScope): CustomersAnalysed {
  const countWhere = (where: ReturnType<typeof scope.where>) =>
    scope.db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
  const total = countWhere(scope.where(customers));
  const analysed = countWhere(analysableCustomerFilter(scope));
  return {
    basis: processingBasisOf(scope.db, scope.workspaceId),
    total,
    analysed,
    excluded: total - analysed,
  };
}
