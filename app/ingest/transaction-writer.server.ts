/**
 * Transactions: upserted on (workspace, transaction_key), each linked to the customer
 * profile whose source record has the row's customer id (the oldest, when ids repeat
 * across sources). Anonymous sales (no customer id) and returns (negative amounts,
 * is_return) are kept like any other row. Records are staged as they are read, most of
 * them through the fast lane (transaction-lane.ts), and published after the last one: see
 * transaction-stage.server.ts.
 */
import { createTransactionLane } from "./transaction-lane";
import { createTransactionStage } from "./transaction-stage.server";
import { emptyCounts, type RowWriter, type WriterContext } from "./writer-context";

export function transactionWriter(context: WriterContext): RowWriter<"transactions"> {
  const stage = createTransactionStage(context.db.$client, context.workspaceId, context.datasetId);
  return {
    recordTaker(headers, mapping, settings) {
      const lane = createTransactionLane(headers, mapping, settings);
      return lane && ((fields) => stage.addRecord(lane, fields));
    },
    add: (row) => stage.addRow(row),
    write(rows) {
      for (const row of rows) stage.addRow(row);
      stage.flush();
      // New, updated and unchanged are known once the rows are published.
      return emptyCounts();
    },
    finish: () => stage.publish(),
    discard: () => stage.discard(),
  };
}
