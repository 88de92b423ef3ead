/**
 * The right to erasure: one person out of every table of the workspace, in one
 * transaction. Rows about them are deleted; free text elsewhere that names them (import
 * errors, job results, audit details) has their identifiers replaced by "[erased]".
 * SQLite's secure_delete zeroes the freed bytes and the WAL is truncated afterwards, so
 * the values do not linger in the database file either. When readers keep the WAL from
 * being truncated, the result and the audit entry say so (`walCheckpointed: false`), so an
 * operator knows the -wal file still holds old copies until the next full checkpoint.
 */
import type { WorkspaceScope } from "#db/scoped";
import { dataChanged } from "~/segments/run-views.server";
import { assertNoImportRunning, deleteUploadsMentioning } from "./erase-uploads.server";
import { type PersonIdentifiers, personMatcher } from "./identifiers";
import { truncateWal } from "./truncate-wal.server";

export { ErasureBlockedError } from "./erase-uploads.server";

export class CustomerNotFoundError extends Error {}

export interface ErasureResult {
  removed: {
    customers: number;
    customer_sources: number;
    transactions: number;
    /** Messages sent to them and what came of them (filed under their ids). */
    responses: number;
    rejected_rows: number;
    /** Cell warnings whose column, value or reason mentioned the person. */
    cell_warnings: number;
    /** Stored uploads (not imported, or failed) that mentioned the person: deleted. */
    stored_uploads: number;
  };
  /** Values in other tables (dataset errors, job results, audit details) blanked out. */
  redacted: number;
  /**
   * False when other connections were reading and the write-ahead log could not be emptied:
   * it still holds the erased values until a later `PRAGMA wal_checkpoint(TRUNCATE)`
   * completes (or the last connection closes).
   */
  walCheckpointed: boolean;
}

/** Free-text columns that may quote a customer's values; JSON ones are walked value by value. */
const REDACTED_COLUMNS = [
  // settings and mapping hold file formats and header names, never cell values.
  { table: "datasets", columns: ["file_name", "error"], json: [] },
  { table: "jobs", columns: ["error"], json: ["payload", "progress", "result"] },
  { table: "audit_log", columns: ["target"], json: ["details"] },
] as const;

/**
 * The profile that has `externalId` in some source (optionally only in `source`).
 * Ids are per source, so one id may name two people; that needs `#<internal id>` instead.
 */
export function findCustomerByExternalId(
  scope: WorkspaceScope,
  externalId: string,
  source?: string,
): number | undefined {
  const rows = scope
    .sql(
      `SELECT DISTINCT customer_id FROM customer_sources
       WHERE workspace_id = @workspace AND external_id = ? AND (? IS NULL OR source = ?)`,
    )
    .all<{ customer_id: number }>(externalId, source ?? null, source ?? null);
  if (rows.length > 1) {
    throw new Error(
      `Customer id "${externalId}" belongs to ${rows.length} different profiles (one per source); erase by internal id instead`,
    );
  }
  return rows[0]?.customer_id;
}

function identifiersOf(scope: WorkspaceScope, customerId: number): PersonIdentifiers {
  const profile = scope
    .sql("SELECT name, email, phone FROM customers WHERE id = ? AND workspace_id = @workspace")
    .get<{ name: string | null; email: string | null; phone: string | null }>(customerId);
  if (!profile) throw new CustomerNotFoundError(`No customer #${customerId} in this workspace`);
  const sources = scope
    .sql(
      "SELECT external_id, record FROM customer_sources WHERE customer_id = ? AND workspace_id = @workspace",
    )
    .all<{ external_id: string; record: string }>(customerId);
  const records = sources.map((s) => JSON.parse(s.record) as Record<string, unknown>);
  const all = (field: "name" | "email" | "phone") =>
    [profile[field], ...records.map((r) => r[field])].filter(
      (v): v is string => typeof v === "string" && v.length > 0,
    );
  return {
    externalIds: sources.map((s) => s.external_id),
    emails: all("email"),
    phones: all("phone"),
    names: all("name"),
  };
}

function redactColumns(scope: WorkspaceScope, matcher: ReturnType<typeof personMatcher>) {
  let redacted = 0;
  for (const { table, columns, json } of REDACTED_COLUMNS) {
    for (const column of [...columns, ...json]) {
      const isJson = (json as readonly string[]).includes(column);
      const rows = scope
        .sql(
          `SELECT id, "${column}" AS value FROM ${table}
           WHERE workspace_id = @workspace AND "${column}" IS NOT NULL`,
        )
        .all<{ id: number; value: string }>();
      const update = scope.sql(
        `UPDATE ${table} SET "${column}" = ? WHERE id = ? AND workspace_id = @workspace`,
      );
      for (const { id, value } of rows) {
        // Compared in the same serialisation, so only real changes are written.
        const original = isJson ? JSON.stringify(JSON.parse(value)) : value;
        const cleaned = isJson
          ? JSON.stringify(matcher.redactJson(JSON.parse(value)))
          : matcher.redact(value);
        if (cleaned === original) continue;
        update.run(cleaned, id);
        redacted += 1;
      }
    }
  }
  return redacted;
}

/**
 * Cell warnings quote one cell of a kept row (an e-mail that could not be read): those that
 * mention the person go, like their rejected rows.
 */
function deleteCellWarningsMentioning(
  scope: WorkspaceScope,
  matcher: ReturnType<typeof personMatcher>,
): number {
  const mentioning = scope
    .sql(
      `SELECT id, dataset_id AS datasetId,
              coalesce("column", '') || ' ' || value || ' ' || reason AS text
       FROM cell_warnings WHERE workspace_id = @workspace`,
    )
    .all<{ id: number; datasetId: number; text: string }>()
    .filter((row) => matcher.mentions(row.text));
  const remove = scope.sql("DELETE FROM cell_warnings WHERE workspace_id = @workspace AND id = ?");
  // The datasets' counts stay equal to their warnings.
  const lower = scope.sql(
    "UPDATE datasets SET cell_warnings = max(0, cell_warnings - 1) WHERE workspace_id = @workspace AND id = ?",
  );
  for (const { id, datasetId } of mentioning) {
    remove.run(id);
    lower.run(datasetId);
  }
  return mentioning.length;
}

function eraseInTransaction(
  scope: WorkspaceScope,
  customerId: number,
  actorUserId: number | null,
): { result: Omit<ErasureResult, "walCheckpointed">; auditId: number } {
  // Stored run views may name the person: they go, and are computed again on the queue.
  dataChanged(scope, { removesPeople: true });
  const person = identifiersOf(scope, customerId);
  const matcher = personMatcher(person);
  // Sales filed under one of their ids but already linked to someone else (the same id in
  // another source) belong to that other person and stay.
  const transactions = scope
    .sql(
      // The workspace in each branch lets SQLite use both partial indexes (multi-index OR).
      `DELETE FROM transactions WHERE (workspace_id = @workspace AND customer_id = ?) OR (
         workspace_id = @workspace AND customer_id IS NULL
         AND customer_external_id IN (SELECT value FROM json_each(?)))`,
    )
    .run(customerId, JSON.stringify(person.externalIds)).changes;
  // A send log names people by their ids only; every id of theirs goes, as for unlinked sales.
  const responses = scope
    .sql(
      `DELETE FROM responses WHERE workspace_id = @workspace
         AND customer_external_id IN (SELECT value FROM json_each(?))`,
    )
    .run(JSON.stringify(person.externalIds)).changes;
  const customerSources = scope
    .sql("DELETE FROM customer_sources WHERE workspace_id = @workspace AND customer_id = ?")
    .run(customerId).changes;
  const customers = scope
    .sql("DELETE FROM customers WHERE workspace_id = @workspace AND id = ?")
    .run(customerId).changes;

  const rejectedIds: number[] = [];
  const rejected = scope.sql(
    `SELECT id, coalesce("column", '') || ' ' || reason || ' ' || raw AS text
     FROM rejected_rows WHERE workspace_id = @workspace`,
  );
  for (const row of rejected.iterate<{ id: number; text: string }>()) {
    if (matcher.mentions(row.text)) rejectedIds.push(row.id);
  }
  const deleteRejected = scope.sql(
    "DELETE FROM rejected_rows WHERE workspace_id = @workspace AND id = ?",
  );
  for (const id of rejectedIds) deleteRejected.run(id);
  const cellWarnings = deleteCellWarningsMentioning(scope, matcher);

  const redacted = redactColumns(scope, matcher);
  const removed = {
    customers,
    customer_sources: customerSources,
    transactions,
    responses,
    rejected_rows: rejectedIds.length,
    cell_warnings: cellWarnings,
    stored_uploads: deleteUploadsMentioning(scope, matcher),
  };
  // Only counts and the internal number, which identifies no one once the profile is gone.
  const audit = scope
    .sql(
      `INSERT INTO audit_log (workspace_id, actor_user_id, action, target, details)
       VALUES (@workspace, ?, 'customer.erased', ?, ?)`,
    )
    .run(actorUserId, `customer:${customerId}`, JSON.stringify({ removed, redacted }));
  return { result: { removed, redacted }, auditId: Number(audit.lastInsertRowid) };
}

/** Erases one customer, found by internal id or by an external id in any source. */
export function eraseCustomer(
  scope: WorkspaceScope,
  target: { customerId?: number; externalId?: string },
  actorUserId?: number | null,
): ErasureResult {
  const sqlite = scope.db.$client;
  const previous = sqlite.pragma("secure_delete", { simple: true });
  sqlite.pragma("secure_delete = ON");
  try {
    const { result, auditId } = sqlite.transaction(() => {
      assertNoImportRunning(scope);
      const customerId =
        target.customerId ??
        (target.externalId === undefined
          ? undefined
          : findCustomerByExternalId(scope, target.externalId));
      if (customerId === undefined) {
        throw new CustomerNotFoundError(
          `No customer with id "${target.externalId ?? ""}" in this workspace`,
        );
      }
      return eraseInTransaction(scope, customerId, actorUserId ?? null);
    })();
    // Old page images in the write-ahead log would still hold the erased values.
    const walCheckpointed = truncateWal(sqlite);
    if (!walCheckpointed) {
      sqlite
        .prepare(
          `UPDATE audit_log SET details = json_set(details, '$.walCheckpointed', json('false'))
           WHERE id = ?`,
        )
        .run(auditId);
    }
    return { ...result, walCheckpointed };
  } finally {
    sqlite.pragma(`secure_delete = ${Number(previous)}`);
  }
}
