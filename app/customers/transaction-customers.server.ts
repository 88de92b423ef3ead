/**
 * Customers known only from their purchases: after a transactions import, each customer id
 * of the workspace's sales that no profile carries (in any source) gets a profile of its
 * own — source "transactions", the file's customer id as its id there, consent unknown —
 * and its sales are linked to it. RFM, clustering on RFM features and the customer list
 * then work from a transactions file alone; whether these people are analysed is the legal
 * basis's decision (analysable.server.ts: under "consent" they lack consent and are left
 * out). A customers file loaded later with the same id joins this profile (merge.server.ts),
 * and an erasure removes it like any other.
 *
 * Set-based SQL, so a file of a million sales costs a few statements: the new ids are
 * collected into a numbered TEMP table, one INSERT … SELECT creates their profiles, one
 * their source records, one UPDATE links the sales. Runs in one write transaction.
 */
import type { WorkspaceScope } from "#db/scoped";

export const TRANSACTIONS_SOURCE = "transactions";

const NEW_IDS = "temp.transaction_only_customer_ids";

/** Creates the missing profiles; returns how many. `datasetId`: the import that found them. */
export function createProfilesFromTransactions(
  scope: WorkspaceScope,
  datasetId: number,
  now = new Date(),
): number {
  return createProfilesFor(scope, datasetId, now, null);
}

/**
 * The same for the customer ids of a transactions import's staging table, inside its first
 * publish transaction: the publish then links each sale to its profile as it inserts it,
 * instead of a second UPDATE moving every sale from one partial index to the other.
 */
export function createProfilesForStaged(
  scope: WorkspaceScope,
  datasetId: number,
  staging: string,
): number {
  return createProfilesFor(scope, datasetId, new Date(), staging);
}

function createProfilesFor(
  scope: WorkspaceScope,
  datasetId: number,
  now: Date,
  staging: string | null,
): number {
  const idsOfSales = staging
    ? `SELECT DISTINCT t.customer_external_id FROM ${staging} t
       WHERE t.customer_external_id IS NOT NULL`
    : `SELECT DISTINCT t.customer_external_id FROM transactions t
       WHERE t.workspace_id = @workspace AND t.customer_id IS NULL
         AND t.customer_external_id IS NOT NULL`;
  const sqlite = scope.db.$client;
  return sqlite
    .transaction(() => {
      sqlite.exec(`DROP TABLE IF EXISTS ${NEW_IDS}`);
      sqlite.exec(`CREATE TABLE ${NEW_IDS} (n INTEGER PRIMARY KEY, external_id TEXT NOT NULL)`);
      try {
        // Unlinked sales sit in the partial index (workspace, customer_external_id), and
        // the ids with a record in some source were linked when the file was published.
        const found = scope
          .sql(
            `INSERT INTO ${NEW_IDS} (external_id)
             SELECT ids.customer_external_id FROM (${idsOfSales}) ids
             WHERE NOT EXISTS (SELECT 1 FROM customer_sources s
               WHERE s.workspace_id = @workspace AND s.external_id = ids.customer_external_id)
             ORDER BY ids.customer_external_id`,
          )
          .run().changes;
        if (found === 0) return 0;
        const created = scope
          .sql(
            `INSERT INTO customers (workspace_id, updated_at)
             SELECT @workspace, @now FROM ${NEW_IDS} ORDER BY n`,
          )
          .run({ now: now.getTime() });
        // One INSERT under the write lock numbers its rows consecutively (AUTOINCREMENT
        // takes the largest id + 1 for each), so row n of the id table got first + n − 1.
        const first = Number(created.lastInsertRowid) - created.changes + 1;
        const numbered = scope
          .sql(
            "SELECT count(*) FROM customers WHERE workspace_id = @workspace AND id BETWEEN ? AND ?",
          )
          .pluck()
          .get(first, Number(created.lastInsertRowid));
        if (numbered !== found) throw new Error("New customer profiles were not numbered in order");
        scope
          .sql(
            `INSERT INTO customer_sources
               (workspace_id, customer_id, source, external_id, dataset_id, matched_by, record, row_hash)
             SELECT @workspace, @first + n - 1, @source, external_id, @datasetId, 'new',
                    json_object('external_id', external_id), @source
             FROM ${NEW_IDS} ORDER BY n`,
          )
          .run({ first, source: TRANSACTIONS_SOURCE, datasetId });
        scope
          .sql(
            `UPDATE transactions SET customer_id = (
               SELECT min(s.customer_id) FROM customer_sources s
               WHERE s.workspace_id = transactions.workspace_id
                 AND s.external_id = transactions.customer_external_id)
             WHERE workspace_id = @workspace AND customer_id IS NULL
               AND customer_external_id IN (SELECT external_id FROM ${NEW_IDS})`,
          )
          .run();
        return found;
      } finally {
        sqlite.exec(`DROP TABLE IF EXISTS ${NEW_IDS}`);
      }
    })
    .immediate();
}
