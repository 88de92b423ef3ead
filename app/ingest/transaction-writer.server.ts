/**
 * Transactions: upserted on (workspace, transaction_key), each linked to the customer
 * profile whose source record has the row's customer id (the oldest, when ids repeat
 * across sources). Anonymous sales (no customer id) and returns (negative amounts,
 * is_return) are kept like any other row. Rows are staged batch by batch and published
 * after the last one: see transaction-stage.server.ts.
 */
import type { TransactionRow } from "./schemas";
import { createTransactionStage } from "./transaction-stage.server";
import { emptyCounts, type RowWriter, type WriterContext } from "./writer-context";

export function transactionWriter(context: WriterContext): RowWriter<"transactions"> {
  const stage = createTransactionStage(context.db.$client, context.workspaceId, context.datasetId);
  return {
    write(rows) {
      stage.add(rows as TransactionRow[]);
      // New, updated and unchanged are known once the rows are published.
      return emptyCounts();
    },
    finish: () => stage.publish(),
    discard: () => stage.discard(),
  };
}
