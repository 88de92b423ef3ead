/**
 * Removing what an import added, when it fails or before a retry starts over. Rows that
 * existed before and were only updated by the import are NOT reverted: their earlier values
 * are not kept anywhere.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { DatasetKind } from "./kinds";

const FACT_TABLES = {
  transactions: "transactions",
  products: "products",
  campaigns: "campaigns",
  channel_audiences: "channel_audiences",
  responses: "responses",
} as const;

/**
 * Customer source records are matched on (dataset, id above the watermark): the merge
 * stamps a record it updates with the updating dataset, so the dataset alone would also
 * catch records that existed before the import. Profiles left with no other record were
 * created by the import and go too; their transactions are unlinked first, because
 * deleting a profile cascades to its transactions.
 */
const ADDED_PROFILES = `
  SELECT DISTINCT a.customer_id FROM customer_sources a
  WHERE a.workspace_id = @workspace AND a.dataset_id = @datasetId AND a.id > @after
    AND NOT EXISTS (
      SELECT 1 FROM customer_sources o
      WHERE o.workspace_id = @workspace AND o.customer_id = a.customer_id
        AND NOT (o.dataset_id IS @datasetId AND o.id > @after))`;

/** The highest customer source id now: records the import inserts get higher ids. */
export function customerSourcesWatermark(scope: WorkspaceScope): number {
  return scope
    .sql("SELECT coalesce(max(id), 0) FROM customer_sources WHERE workspace_id = @workspace")
    .pluck()
    .get() as number;
}

/**
 * Deletes the dataset's rejected rows, its cell warnings and the rows it inserted into its kind's table(s).
 * `customerSourcesAfter`: the watermark taken when the import started (see
 * customerSourcesWatermark; 0 = unknown, then records it updated would go as well).
 */
export function removeDatasetRows(
  scope: WorkspaceScope,
  datasetId: number,
  kind: DatasetKind,
  customerSourcesAfter = 0,
): void {
  const params = { datasetId, after: customerSourcesAfter };
  scope.db.$client.transaction(() => {
    scope
      .sql("DELETE FROM rejected_rows WHERE workspace_id = @workspace AND dataset_id = ?")
      .run(datasetId);
    // The cell warnings of rows that are going (the count is reset with the others).
    scope
      .sql("DELETE FROM cell_warnings WHERE workspace_id = @workspace AND dataset_id = ?")
      .run(datasetId);
    if (kind !== "customers") {
      scope
        .sql(`DELETE FROM ${FACT_TABLES[kind]} WHERE workspace_id = @workspace AND dataset_id = ?`)
        .run(datasetId);
      // A transactions import also creates profiles for ids no profile had (see
      // customers/transaction-customers.server.ts): those go like a customers import's.
      if (kind !== "transactions") return;
    }
    scope
      .sql(
        `UPDATE transactions SET customer_id = NULL
         WHERE workspace_id = @workspace AND customer_id IN (${ADDED_PROFILES})`,
      )
      .run(params);
    scope
      .sql(`DELETE FROM customers WHERE workspace_id = @workspace AND id IN (${ADDED_PROFILES})`)
      .run(params);
    scope
      .sql(
        `DELETE FROM customer_sources
         WHERE workspace_id = @workspace AND dataset_id = @datasetId AND id > @after`,
      )
      .run(params);
  })();
}
