/**
 * How a dataset's rows stand against other datasets. A row belongs to the newest dataset
 * that holds it (a later import of the same rows takes them over), so deleting a dataset
 * removes only the rows it still owns: the page says how many of its rows a later import
 * holds now, and how many rows of its file repeated the key of an earlier row of the file.
 */
import type { WorkspaceScope } from "~/db.server";
import { DUPLICATE_KEY_REASON_LIKE } from "~/ingest/file-keys";

/** Where each kind's rows are owned (customers: per source record). */
const OWNED_IN = {
  customers: "customer_sources",
  transactions: "transactions",
  campaigns: "campaigns",
  products: "products",
  channel_audiences: "channel_audiences",
  responses: "responses",
} as const;

export interface RowSharing {
  /** Rows the dataset loaded that a later dataset owns now (deleting this one keeps them). */
  heldElsewhere: number;
  /** Rows rejected because an earlier row of the same file had their key. */
  duplicateKeys: number;
}

/** Rows of the dataset that it loaded minus those it still owns; 0 unless it succeeded. */
export function rowsHeldElsewhere(
  scope: WorkspaceScope,
  dataset: { id: number; kind: string; status: string; rowsLoaded: number },
): number {
  const table = OWNED_IN[dataset.kind as keyof typeof OWNED_IN];
  if (!table || dataset.status !== "succeeded") return 0;
  const owned = scope
    .sql(`SELECT count(*) FROM ${table} WHERE workspace_id = @workspace AND dataset_id = ?`)
    .pluck()
    .get<number>(dataset.id) as number;
  return Math.max(0, dataset.rowsLoaded - owned);
}

/** Rows of the dataset's file refused for a key an earlier row of the file had. */
export function duplicateKeyRows(scope: WorkspaceScope, datasetId: number): number {
  return scope
    .sql(
      `SELECT count(*) FROM rejected_rows
       WHERE workspace_id = @workspace AND dataset_id = ? AND (reason LIKE ? OR reason LIKE ?)`,
    )
    .pluck()
    .get<number>(datasetId, ...DUPLICATE_KEY_REASON_LIKE) as number;
}

export function rowSharingOf(
  scope: WorkspaceScope,
  dataset: { id: number; kind: string; status: string; rowsLoaded: number },
): RowSharing {
  return {
    heldElsewhere: rowsHeldElsewhere(scope, dataset),
    duplicateKeys: duplicateKeyRows(scope, dataset.id),
  };
}
