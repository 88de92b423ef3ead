/**
 * Customers: each batch is merged into profiles by `upsertCustomerBatch` (app/customers),
 * then transactions loaded earlier with these customer ids, and so far unlinked, are linked
 * to their profiles.
 */
import { upsertCustomerBatch } from "~/customers/merge.server";
import type { CustomerRow } from "./schemas";
import type { RowWriter, WriterContext } from "./writer-context";

export function customerWriter(context: WriterContext): RowWriter<"customers"> {
  const { db, workspaceId, datasetId, defaultSource } = context;
  // json_each takes the batch's ids as one parameter, so one prepared statement serves all.
  const linkTransactions = db.$client.prepare(
    `UPDATE transactions SET customer_id = (
       SELECT min(s.customer_id) FROM customer_sources s
       WHERE s.workspace_id = transactions.workspace_id
         AND s.external_id = transactions.customer_external_id)
     WHERE workspace_id = ? AND customer_id IS NULL
       AND customer_external_id IN (SELECT value FROM json_each(?))`,
  );
  return {
    write(rows: CustomerRow[]) {
      const counts = upsertCustomerBatch(db, workspaceId, datasetId, rows, defaultSource);
      const ids = [...new Set(rows.map((row) => row.external_id))];
      if (ids.length > 0) linkTransactions.run(workspaceId, JSON.stringify(ids));
      return counts;
    },
  };
}
