/**
 * What a deletion would remove, counted before anything is removed, for the confirmation
 * step (components/ConfirmDelete.tsx). Client-safe: each domain's `*-deletion.server.ts`
 * fills it in, the component only renders it.
 */

/** Tables whose rows a deletion can remove; common:deletion.tables.<name> words each. */
export const DELETED_TABLES = [
  "transactions",
  "products",
  "campaigns",
  "channel_audiences",
  "responses",
  "customer_sources",
  "customers",
  "rejected_rows",
  "cell_warnings",
  "observations",
  "scrape_runs",
  "segment_assignments",
] as const;
export type DeletedTable = (typeof DELETED_TABLES)[number];

export interface DeletionSummary {
  /** Rows removed, by table; tables with no rows are left out. */
  rows: { table: DeletedTable; count: number }[];
  /** Segment runs computed from the rows that go: they stay as computed. */
  runs: { id: number; kind: string; createdAt: string }[];
  /** Saved reports that show what goes (live ones lose it, snapshots keep their figures). */
  reports: { id: number; title: string; mode: "snapshot" | "live" }[];
  /** The uploaded file kept on the server, removed with it. */
  storedUpload: { fileName: string; bytes: number } | null;
}

/** Keeps only the tables that have rows, in the order given. */
export function nonEmptyRows(
  counts: Partial<Record<DeletedTable, number>>,
): DeletionSummary["rows"] {
  return DELETED_TABLES.flatMap((table) => {
    const count = counts[table] ?? 0;
    return count > 0 ? [{ table, count }] : [];
  });
}

/** The hidden field a confirmation form sends; a delete request without it removes nothing. */
export const CONFIRM_FIELD = "confirmed";
export const CONFIRM_VALUE = "yes";

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRM_FIELD) === CONFIRM_VALUE;
}
