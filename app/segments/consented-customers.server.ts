/**
 * The customers an analysis may use, by the workspace's legal basis (the rule is in
 * app/customers/analysable.server.ts). Everyone else is left out and counted, so each
 * result can say how many were excluded, and why when nobody is left.
 */
import type { Db } from "#db/client";
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

export function loadConsentedCustomers(db: Db, workspaceId: number): ConsentedCustomers {
  const sqlite = db.$client;
  const basis = processingBasisOf(db, workspaceId);
  const ids = sqlite
    .prepare(
      `SELECT id FROM customers
       WHERE workspace_id = ? AND ${analysableSql(basis)} ORDER BY id`,
    )
    .pluck()
    .all(workspaceId) as number[];
  const all = sqlite
    .prepare("SELECT count(*) FROM customers WHERE workspace_id = ?")
    .pluck()
    .get(workspaceId) as number;
  const excluded = all - ids.length;
  return {
    index: createIdIndex(ids),
    basis,
    excludedWithoutConsent: excluded,
    exclusion: analysisExclusion(basis, ids.length, excluded),
  };
}
