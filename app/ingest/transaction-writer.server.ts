/**
 * Transactions: upserted on (workspace, transaction_key), each linked to the customer
 * profile whose source record has the row's customer id (the oldest, when ids repeat
 * across sources). Anonymous sales (no customer id) and returns (negative amounts,
 * is_return) are kept like any other row. Records are staged as they are read, most of
 * them through the fast lane (transaction-lane.ts), and published after the last one (in
 * chunks for very large files): see transaction-stage.server.ts. Each line's key comes
 * from transaction-keys.ts, one instance per file shared by both paths.
 */
import { isMissing } from "./field-parsers";
import { createLineKeys, type LineKeys } from "./transaction-keys";
import { createTransactionLane, keyColumnsOf } from "./transaction-lane";
import { createTransactionStage } from "./transaction-stage.server";
import { emptyCounts, type RowWriter, type WriterContext } from "./writer-context";

/**
 * Staged rows published per write transaction. A publish holds SQLite's write lock for
 * about 2.5 s per million rows, and other writers (a log-in, an upload) give up after the
 * busy timeout (15 s); files up to this size are published at once, which also lets the
 * indexes be rebuilt by sorting, larger ones chunk by chunk with the indexes kept up.
 */
const PUBLISH_CHUNK_ROWS = 3_000_000;
/** SQLite's busy handler polls every 100 ms at most; a pause longer than that lets it in. */
const PAUSE_BETWEEN_CHUNKS_MS = 250;

export function transactionWriter(context: WriterContext): RowWriter<"transactions"> {
  const stage = createTransactionStage(context.scope, context.datasetId);
  let keys: LineKeys = createLineKeys({ transactionId: null, orderId: null, lineNumber: null });
  /** The order a rejected record names, when it would be keyed by its position in it. */
  let positionedOrderOf: (fields: readonly string[]) => string | null = () => null;
  return {
    recordTaker(headers, mapping, settings) {
      const columns = keyColumnsOf(headers, mapping);
      keys = createLineKeys(columns);
      const at = (header: string | null) => (header === null ? -1 : headers.lastIndexOf(header));
      const idAt = at(columns.transactionId);
      const orderAt = at(columns.orderId);
      const lineAt = at(columns.lineNumber);
      const present = (text: string | undefined) =>
        text === undefined || text.trim() === "" || isMissing(text) ? null : text.trim();
      positionedOrderOf = (fields) => {
        if (orderAt === -1 || present(fields[idAt]) !== null || present(fields[lineAt]) !== null) {
          return null;
        }
        return present(fields[orderAt]);
      };
      const lane = createTransactionLane(headers, mapping, settings, keys);
      const lineKeys = keys;
      return lane && ((fields, line) => stage.addRecord(lane, lineKeys, fields, line));
    },
    admit: () => null,
    add: (row, line) => stage.addRow(row, keys, line),
    rejected(fields) {
      const orderId = positionedOrderOf(fields);
      if (orderId !== null) keys.skipPosition(orderId);
    },
    write() {
      // Every row went to `add` or the lane; what they staged is written now.
      stage.flush();
      // New, updated and unchanged are known once the rows are published.
      return emptyCounts();
    },
    finish: () =>
      stage.publish({
        chunkRows: context.publishChunkRows ?? PUBLISH_CHUNK_ROWS,
        betweenChunks: async (published) => {
          // Other connections' writers, waiting in their busy handler, get their turn.
          await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_CHUNKS_MS));
          context.signal?.throwIfAborted();
          await context.onPublishChunk?.(published);
        },
        inEachTransaction: context.assertOwned,
        inLastTransaction: context.onPublished,
      }),
    discard: () => stage.discard(),
  };
}
