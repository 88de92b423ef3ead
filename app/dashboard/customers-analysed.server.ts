/**
 * "Customers analysed": how many of the workspace's customers its legal basis for analytics
 * lets analyses use, and how many it leaves out. The rule itself lives in
 * customers/analysable.server.ts; this only counts with it.
 *
 * Counting reads every profile of the workspace, so the answer is kept under the data marks
 * that an import, a merge, an erasure, a recorded objection or a change of basis moves.
 */
import { count } from "drizzle-orm";
import { customers } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import {
  analysableCustomerFilter,
  type ProcessingBasis,
  processingBasisOf,
} from "~/customers/analysable.server";
import {
  createWorkspaceCache,
  marksKey,
  type WorkspaceDataMarks,
  workspaceDataMarks,
} from "~/workspace-cache.server";

export interface CustomersAnalysed {
  basis: ProcessingBasis;
  /** Every customer profile of the workspace. */
  total: number;
  analysed: number;
  excluded: number;
}

function countCustomers(scope: WorkspaceScope): CustomersAnalysed {
  const countWhere = (where: ReturnType<typeof scope.where>) =>
    scope.db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
  const total = countWhere(scope.where(customers));
  const analysed = countWhere(analysableCustomerFilter(scope));
  return {
    basis: processingBasisOf(scope),
    total,
    analysed,
    excluded: total - analysed,
  };
}

const kept = createWorkspaceCache<CustomersAnalysed>();

export function customersAnalysed(
  scope: WorkspaceScope,
  marks: WorkspaceDataMarks = workspaceDataMarks(scope),
): CustomersAnalysed {
  const key = marksKey(marks);
  return kept.get(scope.workspaceId, key, () => countCustomers(scope));
}
