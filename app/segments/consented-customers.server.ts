/**
 * The customers an analysis may use, by the workspace's legal basis (the rule is in
 * app/customers/analysable.server.ts). Everyone else is left out and counted, so each
 * result can say how many were excluded, and why when nobody is left.
 */
import type { WorkspaceScope } from "#db/scoped";
import {
  type AnalysisExclusion,
  analysableSql,
  analysisExclusion,
  type ProcessingBasis,
  processingBasisOf,
} from "~/customers/analysable.server";
import { createIdIndex, type IdIndex } from "./id-index";

export interface ConsentedCustomers {
  index: IdIndex;
  basis: ProcessingBasis;
  /** Customers of the workspace the basis leaves out (no consent, or objected). */
  excludedWithoutConsent: number;
  /** For the result: the basis, the count left out and why an empty result is empty. */
  exclusion: AnalysisExclusion;
}

export function loadConsentedCustomers(scope: WorkspaceScope): ConsentedCustomers {
  const basis = processingBasisOf(scope);
  const ids = scope
    .sql(
      `SELECT id FROM customers
       WHERE workspace_id = @workspace AND ${analysableSql(basis)} ORDER BY id`,
    )
    .pluck()
    .all() as number[];
  const all = scope
    .sql("SELECT count(*) FROM customers WHERE workspace_id = @workspace")
    .pluck()
    .get() as number;
  const excluded = all - ids.length;
  return {
    index: createIdIndex(ids),
    basis,
    excludedWithoutConsent: excluded,
    exclusion: analysisExclusion(basis, ids.length, excluded),
  };
}
