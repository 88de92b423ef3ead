/**
 * The key of each transaction line of one file (`transactions.transaction_key`).
 *
 * - The file's transaction id, when it has one: it names exactly one line.
 * - Else the order id (an order, receipt or invoice number repeats on each of its lines):
 *   the order's first line is keyed by the order id alone, its n-th line `${orderId}#${n}`,
 *   n being the line-number column when the file has one, else the line's position among
 *   that order's lines in the file, counted in file order. A file whose order ids never
 *   repeat thus gets the keys it got when they were read as transaction ids, re-importing a
 *   file gives every line the key it had, and a corrected re-export updates lines instead
 *   of merging them (docs/decisions/012-order-line-keys.md).
 * - Else null: the row is keyed by a hash of all its values (naturalKeyOf).
 *
 * A rejected line of an order takes its position too (`skipPosition`), so fixing it in a
 * re-export adds that line without moving the keys of the order's later lines. Keys are
 * given in file order by both the fast lane and the slow path, through one instance per file.
 */
import { message } from "~/i18n/message-code";

export interface LineKeys {
  /** A line with a transaction id. */
  byId(transactionId: string): string;
  /** A line of an order, numbered by the file or by its position (advancing the order's count). */
  byOrderLine(orderId: string, lineNumber: number | null): string;
  /** A line with neither: `hashKey` is the hash of its values. */
  byHash(hashKey: string): string;
  /** A rejected line of this order: it keeps its position, though it gets no key. */
  skipPosition(orderId: string): void;
  /** How the last key was formed, for a message about it ("transaction id \"T9\""). */
  describeLast(): { column: string | null; what: string };
}

/** The headers the key was read from, for messages; null when the file has no such column. */
export interface KeyColumns {
  transactionId: string | null;
  orderId: string | null;
  lineNumber: string | null;
}

export function createLineKeys(columns: KeyColumns): LineKeys {
  const linesOfOrder = new Map<string, number>();
  // The last key's parts, in plain variables: keys are made for every line of the file.
  let lastBy: "id" | "order" | "hash" = "hash";
  let lastId = "";
  let lastLine = 0;
  let lastNumbered = false;
  return {
    byId(transactionId) {
      lastBy = "id";
      lastId = transactionId;
      return transactionId;
    },
    byOrderLine(orderId, lineNumber) {
      let line = lineNumber;
      if (line === null) {
        line = (linesOfOrder.get(orderId) ?? 0) + 1;
        linesOfOrder.set(orderId, line);
      }
      lastBy = "order";
      lastId = orderId;
      lastLine = line;
      lastNumbered = lineNumber !== null;
      return line === 1 ? orderId : `${orderId}#${line}`;
    },
    byHash(hashKey) {
      lastBy = "hash";
      return hashKey;
    },
    skipPosition(orderId) {
      linesOfOrder.set(orderId, (linesOfOrder.get(orderId) ?? 0) + 1);
    },
    describeLast() {
      if (lastBy === "id") {
        return {
          column: columns.transactionId,
          what: message("messages:ingest.key.transactionId", { id: lastId }),
        };
      }
      if (lastBy === "order") {
        const column = lastNumbered ? columns.lineNumber : columns.orderId;
        return {
          column,
          what: message("messages:ingest.key.orderLine", { line: lastLine, order: lastId }),
        };
      }
      return {
        column: null,
        what: message("messages:ingest.key.sameSale"),
      };
    },
  };
}
