/**
 * Merges validated customer rows into one profile per person (rules in merge-rules.ts).
 * Runs inside the loader's per-batch transaction, so it opens none itself. Statements are
 * prepared once per connection and e-mails/phones of a batch are looked up in one query
 * each, because a file holds tens of thousands of customers.
 */
import { createHash } from "node:crypto";
import type { WorkspaceScope } from "#db/scoped";
import type { CustomerRow } from "~/ingest/schemas";
import {
  consentKinds,
  emptyProfile,
  mergeRecord,
  type Profile,
  profileFields,
  profilesDiffer,
  stableJson,
} from "./merge-rules";

import { TRANSACTIONS_SOURCE } from "./transaction-customers.server";

export { MERGE_RULES } from "./merge-rules";

export interface MergeCounts {
  new: number;
  updated: number;
  unchanged: number;
}

const booleanColumns = consentKinds.map((kind) => `consent_${kind}`);
const storedColumns = [
  ...profileFields,
  ...consentKinds.flatMap((k) => [`consent_${k}`, `consent_${k}_at`, `consent_${k}_source`]),
  "attributes",
];

/**
 * The merge's statements, through the scope (`@workspace` bound by it). `scope.sql` keeps
 * each text prepared per connection, so building these per batch prepares nothing again.
 */
function prepareStatements(scope: WorkspaceScope) {
  const assignments = storedColumns.map((c) => `${c} = @${c}`).join(", ");
  return {
    findSource: scope.sql(
      `SELECT id, customer_id, row_hash FROM customer_sources
       WHERE workspace_id = @workspace AND source = ? AND external_id = ?`,
    ),
    insertSource: scope.sql(
      `INSERT INTO customer_sources
         (workspace_id, customer_id, source, external_id, dataset_id, matched_by, record, row_hash)
       VALUES (@workspace, @customerId, @source, @externalId, @datasetId, @matchedBy, @record, @rowHash)`,
    ),
    updateSource: scope.sql(
      `UPDATE customer_sources SET dataset_id = @datasetId, record = @record, row_hash = @rowHash
       WHERE id = @id AND workspace_id = @workspace`,
    ),
    // A profile made from a transactions file, for a record with the same customer id.
    findTransactionsProfile: scope.sql(
      `SELECT customer_id FROM customer_sources
       WHERE workspace_id = @workspace AND source = ? AND external_id = ?`,
    ),
    otherSources: scope
      .sql(
        `SELECT count(*) FROM customer_sources
         WHERE workspace_id = @workspace AND customer_id = ? AND source != ?`,
      )
      .pluck(),
    moveSales: scope.sql(
      "UPDATE transactions SET customer_id = @to WHERE workspace_id = @workspace AND customer_id = @from",
    ),
    moveSources: scope.sql(
      "UPDATE customer_sources SET customer_id = @to WHERE workspace_id = @workspace AND customer_id = @from",
    ),
    deleteProfile: scope.sql(
      "DELETE FROM customers WHERE workspace_id = @workspace AND id = @from",
    ),
    getProfile: scope.sql(
      `SELECT ${storedColumns.join(", ")} FROM customers WHERE id = ? AND workspace_id = @workspace`,
    ),
    insertProfile: scope.sql(
      `INSERT INTO customers (workspace_id, ${storedColumns.join(", ")}, updated_at)
       VALUES (@workspace, ${storedColumns.map((c) => `@${c}`).join(", ")}, @updatedAt)`,
    ),
    updateProfile: scope.sql(
      `UPDATE customers SET ${assignments}, updated_at = @updatedAt
       WHERE id = @id AND workspace_id = @workspace`,
    ),
    // json_each lets one prepared statement take a whole batch of keys.
    profilesByEmail: scope.sql(
      `SELECT id, email AS key FROM customers
       WHERE workspace_id = @workspace AND email IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    profilesByPhone: scope.sql(
      `SELECT id, phone AS key FROM customers
       WHERE workspace_id = @workspace AND phone IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    defineAttribute: scope.sql(
      `INSERT INTO attribute_definitions (workspace_id, kind, name, type)
       VALUES (@workspace, 'customers', ?, ?) ON CONFLICT DO NOTHING`,
    ),
  };
}

interface KeyRow {
  id: number;
  key: string;
}

interface SourceRecord {
  id: number;
  customer_id: number;
  row_hash: string;
}

function fromRow(row: Record<string, unknown>): Profile {
  const profile = { ...emptyProfile(), ...row } as Record<string, unknown>;
  for (const column of booleanColumns) {
    if (profile[column] !== null) profile[column] = profile[column] === 1;
  }
  profile.attributes = row.attributes ? JSON.parse(row.attributes as string) : {};
  return profile as unknown as Profile;
}

function toParams(profile: Profile): Record<string, unknown> {
  const params: Record<string, unknown> = { ...profile };
  for (const column of booleanColumns) {
    if (params[column] !== null) params[column] = params[column] ? 1 : 0;
  }
  params.attributes = Object.keys(profile.attributes).length
    ? stableJson(profile.attributes)
    : null;
  return params;
}

/** First profile per key (oldest wins, so the choice does not depend on batch order). */
function keyMap(rows: { id: number; key: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const { id, key } of rows) if (!map.has(key)) map.set(key, id);
  return map;
}

export function rowHash(row: CustomerRow): string {
  return createHash("sha256").update(stableJson(row)).digest("hex");
}

/**
 * Merges one batch of validated rows. `source` is the file's source, used for rows whose
 * own source column is empty. Counts are per source record.
 */
export function upsertCustomerBatch(
  scope: WorkspaceScope,
  datasetId: number,
  rows: CustomerRow[],
  source: string,
  options: { now?: Date } = {},
): MergeCounts {
  const sql = prepareStatements(scope);
  const now = options.now ?? new Date();
  const loadedAt = now.toISOString();
  const counts: MergeCounts = { new: 0, updated: 0, unchanged: 0 };
  const defined = new Set<string>();
  const distinct = (values: (string | null)[]) =>
    JSON.stringify([...new Set(values.filter((v): v is string => v !== null))]);
  const byEmail = keyMap(sql.profilesByEmail.all<KeyRow>(distinct(rows.map((r) => r.email))));
  const byPhone = keyMap(sql.profilesByPhone.all<KeyRow>(distinct(rows.map((r) => r.phone))));

  const saveProfile = (id: number | undefined, before: Profile, after: Profile): number => {
    const params = { ...toParams(after), updatedAt: now.getTime() };
    if (id === undefined) {
      id = Number(sql.insertProfile.run(params).lastInsertRowid);
    } else if (profilesDiffer(before, after)) {
      sql.updateProfile.run({ ...params, id });
    }
    if (after.email && !byEmail.has(after.email)) byEmail.set(after.email, id);
    if (after.phone && !byPhone.has(after.phone)) byPhone.set(after.phone, id);
    return id;
  };

  for (const row of rows) {
    const recordSource = row.source ?? source;
    const hash = rowHash(row);
    const record = stableJson(row);
    const known = sql.findSource.get<SourceRecord>(recordSource, row.external_id);
    if (known?.row_hash === hash) {
      counts.unchanged += 1;
      continue;
    }
    let customerId = known?.customer_id;
    let matchedBy = "external_id";
    if (customerId === undefined) {
      customerId = (row.email && byEmail.get(row.email)) || undefined;
      matchedBy = "email";
    }
    if (customerId === undefined) {
      customerId = (row.phone && byPhone.get(row.phone)) || undefined;
      matchedBy = "phone";
    }
    // A profile made from sales with this id (transaction-customers.server.ts) is taken up:
    // the record joins it, or, when the record matched a profile by e-mail or phone, the
    // sales and the id move there and the empty profile goes (it has nothing else).
    const fromSales =
      known || recordSource === TRANSACTIONS_SOURCE
        ? undefined
        : sql.findTransactionsProfile.get<{ customer_id: number }>(
            TRANSACTIONS_SOURCE,
            row.external_id,
          )?.customer_id;
    if (fromSales !== undefined && customerId === undefined) {
      customerId = fromSales;
      matchedBy = "external_id";
    } else if (
      fromSales !== undefined &&
      customerId !== fromSales &&
      sql.otherSources.get(fromSales, TRANSACTIONS_SOURCE) === 0
    ) {
      const move = { from: fromSales, to: customerId };
      sql.moveSales.run(move);
      sql.moveSources.run(move);
      sql.deleteProfile.run(move);
    }
    if (customerId === undefined) matchedBy = "new";

    const stored =
      customerId === undefined
        ? undefined
        : sql.getProfile.get<Record<string, unknown>>(customerId);
    const before = stored ? fromRow(stored) : emptyProfile();
    customerId = saveProfile(customerId, before, mergeRecord(before, row, recordSource, loadedAt));
    for (const [name, attribute] of Object.entries(row.attributes)) {
      if (defined.has(name)) continue;
      // The first type recorded for a column stays (the loader reads later files with it).
      sql.defineAttribute.run(name, attribute.type);
      defined.add(name);
    }

    if (known) {
      sql.updateSource.run({ id: known.id, datasetId, record, rowHash: hash });
      counts.updated += 1;
    } else {
      sql.insertSource.run({
        customerId,
        source: recordSource,
        externalId: row.external_id,
        datasetId,
        matchedBy,
        record,
        rowHash: hash,
      });
      counts.new += 1;
    }
  }
  return counts;
}
