/**
 * Transactions: upserted on (workspace, transaction_key), each linked to the customer
 * profile whose source record has the row's customer id. Anonymous sales (no customer id)
 * and returns (negative amounts, is_return) are kept like any other row.
 */
import type Database from "better-sqlite3";
import { batchKeyedUpsert, hashValues, type KeyedRow } from "./keyed-upsert.server";
import { naturalKeyOf, type TransactionRow } from "./schemas";
import type { BatchCounts, RowWriter, WriterContext } from "./writer-context";

/** Past this many cached ids the cache starts over, so memory stays flat on huge files. */
const MAX_CACHED_CUSTOMERS = 200_000;

/**
 * The profile for an external id, cached for the import. Ids are per source, so one id may
 * name records in two sources; the oldest profile is taken, as the merge does for e-mails.
 */
export function customerLookup(sqlite: Database.Database, workspaceId: number) {
  const find = sqlite
    .prepare(
      "SELECT min(customer_id) FROM customer_sources WHERE workspace_id = ? AND external_id = ?",
    )
    .pluck();
  const cache = new Map<string, number | null>();
  return (externalId: string | null): number | null => {
    if (externalId === null) return null;
    let id = cache.get(externalId);
    if (id === undefined) {
      id = (find.get(workspaceId, externalId) as number | null) ?? null;
      if (cache.size >= MAX_CACHED_CUSTOMERS) cache.clear();
      cache.set(externalId, id);
    }
    return id;
  };
}

/** The file's id, or (no id column) a hash of the whole row; see naturalKeyOf. */
export function transactionKey(row: TransactionRow): string {
  return row.transaction_id ?? naturalKeyOf("transactions", row);
}

export function transactionWriter(context: WriterContext): RowWriter<"transactions"> {
  const { db, workspaceId, datasetId } = context;
  const upsert = batchKeyedUpsert(db.$client, workspaceId, datasetId, {
    table: "transactions",
    keyColumn: "transaction_key",
    valueColumns: [
      "customer_external_id",
      "occurred_at",
      "product_code",
      "product_name",
      "category",
      "quantity",
      "unit_price",
      "amount",
      "currency",
      "channel",
      "is_return",
      // Last, and not hashed: it follows from the customer id and may be filled in later.
      "customer_id",
    ],
  });
  const customerOf = customerLookup(db.$client, workspaceId);
  return {
    write(rows): BatchCounts {
      const keyed: KeyedRow[] = [];
      for (const row of rows) {
        const values: unknown[] = [
          row.customer_external_id,
          Date.parse(row.occurred_at),
          row.product_code,
          row.product_name,
          row.category,
          row.quantity,
          row.unit_price,
          row.amount,
          row.currency,
          row.channel,
          row.is_return ? 1 : 0,
        ];
        const rowHash = hashValues(values);
        values.push(customerOf(row.customer_external_id));
        keyed.push({ key: transactionKey(row), values, rowHash });
      }
      return upsert.upsertAll(keyed);
    },
  };
}
