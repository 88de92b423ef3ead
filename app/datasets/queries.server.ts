/** Reading and deleting a workspace's datasets (uploads). */

import fs from "node:fs";
import { and, desc, eq, sql } from "drizzle-orm";
import { audit } from "~/audit.server";
import {
  createProfilesFromTransactions,
  TRANSACTIONS_SOURCE,
} from "~/customers/transaction-customers.server";
import { schema, type WorkspaceScope } from "~/db.server";
import { dataChanged } from "~/segments/run-views.server";

export function listDatasets(scope: WorkspaceScope) {
  return scope.db
    .select({
      id: schema.datasets.id,
      kind: schema.datasets.kind,
      fileName: schema.datasets.fileName,
      fileBytes: schema.datasets.fileBytes,
      status: schema.datasets.status,
      rowsRead: schema.datasets.rowsRead,
      rowsLoaded: schema.datasets.rowsLoaded,
      rowsRejected: schema.datasets.rowsRejected,
      cellWarnings: schema.datasets.cellWarnings,
      rowsNew: schema.datasets.rowsNew,
      rowsUpdated: schema.datasets.rowsUpdated,
      rowsUnchanged: schema.datasets.rowsUnchanged,
      error: schema.datasets.error,
      createdAt: schema.datasets.createdAt,
      uploadedBy: schema.users.email,
    })
    .from(schema.datasets)
    .leftJoin(schema.users, eq(schema.users.id, schema.datasets.uploadedBy))
    .where(scope.where(schema.datasets))
    .orderBy(desc(schema.datasets.createdAt), desc(schema.datasets.id))
    .all();
}

export function getDataset(scope: WorkspaceScope, id: number) {
  return scope.first(schema.datasets, eq(schema.datasets.id, id));
}

export function listRejectedRows(scope: WorkspaceScope, datasetId: number, limit = 100) {
  return scope.db
    .select()
    .from(schema.rejectedRows)
    .where(scope.where(schema.rejectedRows, eq(schema.rejectedRows.datasetId, datasetId)))
    .orderBy(schema.rejectedRows.lineNumber)
    .limit(limit)
    .all();
}

/** The first `limit` cells a dataset's import left empty in rows it kept, by line. */
export function listCellWarnings(scope: WorkspaceScope, datasetId: number, limit = 100) {
  return scope.db
    .select()
    .from(schema.cellWarnings)
    .where(scope.where(schema.cellWarnings, eq(schema.cellWarnings.datasetId, datasetId)))
    .orderBy(schema.cellWarnings.lineNumber, schema.cellWarnings.id)
    .limit(limit)
    .all();
}

/**
 * Deletes a dataset with every row it still owns. A row belongs to the newest dataset that
 * holds it (a later import of the same row takes it over, see keyed-upsert.server.ts), so
 * rows a later dataset also loaded stay. Rows of the fact tables cascade on dataset_id;
 * customer records owned by this dataset are removed, and so are profiles left with no
 * record from any source; sales that other datasets own keep (or get) a profile. Its
 * rejected rows and cell warnings cascade.
 */
export function deleteDataset(
  scope: WorkspaceScope,
  id: number,
  actorUserId: number | null,
): boolean {
  const dataset = getDataset(scope, id);
  if (!dataset) return false;
  let relinkAfter = false;
  const params = { id };
  scope.db.transaction((tx) => {
    // A profile made from sales (source "transactions") lives with its sales: while a later
    // dataset still holds some of them, the newest such dataset takes its record over.
    scope
      .sql(
        `UPDATE customer_sources SET dataset_id = (
           SELECT max(t.dataset_id) FROM transactions t
           WHERE t.workspace_id = customer_sources.workspace_id
             AND t.customer_id = customer_sources.customer_id AND t.dataset_id <> @id)
         WHERE workspace_id = @workspace AND dataset_id = @id AND source = @source
           AND EXISTS (SELECT 1 FROM transactions t
             WHERE t.workspace_id = customer_sources.workspace_id
               AND t.customer_id = customer_sources.customer_id AND t.dataset_id <> @id)`,
      )
      .run({ ...params, source: TRANSACTIONS_SOURCE });
    tx.delete(schema.customerSources)
      .where(scope.where(schema.customerSources, eq(schema.customerSources.datasetId, id)))
      .run();
    // Deleting a profile cascades to its sales: sales other datasets own are unlinked
    // first, and get a profile of their own below, so they are never lost with it.
    const unlinked = scope
      .sql(
        `UPDATE transactions SET customer_id = NULL
         WHERE workspace_id = @workspace AND dataset_id IS NOT @id AND customer_id IN (
           SELECT c.id FROM customers c WHERE c.workspace_id = @workspace
             AND NOT EXISTS (SELECT 1 FROM customer_sources s WHERE s.customer_id = c.id))`,
      )
      .run(params).changes;
    if (unlinked > 0) relinkAfter = true;
    tx.delete(schema.customers)
      .where(
        and(
          scope.where(schema.customers),
          sql`not exists (select 1 from customer_sources s where s.customer_id = ${schema.customers.id})`,
        ),
      )
      .run();
    tx.delete(schema.datasets)
      .where(scope.where(schema.datasets, eq(schema.datasets.id, id)))
      .run();
    // Profiles and sales went with it: stored run views may name them.
    dataChanged(scope, { removesPeople: true });
  });
  if (relinkAfter) {
    const newest = scope
      .sql(
        `SELECT max(dataset_id) FROM transactions
         WHERE workspace_id = @workspace AND customer_id IS NULL AND customer_external_id IS NOT NULL`,
      )
      .pluck()
      .get<number | null>() as number | null;
    if (newest !== null) createProfilesFromTransactions(scope, newest);
  }
  if (dataset.storedPath) fs.rmSync(dataset.storedPath, { force: true });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId,
    action: "dataset.deleted",
    target: `dataset:${id}`,
    details: { kind: dataset.kind, rows: dataset.rowsLoaded },
  });
  return true;
}
