/**
 * The customers an analysis may use: those with recorded data-processing consent
 * (consent_data_processing = 1). Everyone else is left out by default and counted, so each
 * result can say how many were excluded (see app/customers/consent.server.ts).
 */
import type { Db } from "#db/client";
import { createIdIndex, type IdIndex } from "./id-index";

export interface ConsentedCustomers {
  index: IdIndex;
  /** Customers of the workspace without data-processing consent (false or unknown). */
  excludedWithoutConsent: number;
}

export function loadConsentedCustomers(db: Db, workspaceId: number): ConsentedCustomers {
  const sqlite = db.$client;
  const ids = sqlite
    .prepare(
      `SELECT id FROM customers
       WHERE workspace_id = ? AND consent_data_processing = 1 ORDER BY id`,
    )
    .pluck()
    .all(workspaceId) as number[];
  const all = sqlite
    .prepare("SELECT count(*) FROM customers WHERE workspace_id = ?")
    .pluck()
    .get(workspaceId) as number;
  return { index: createIdIndex(ids), excludedWithoutConsent: all - ids.length };
}
