/** How many rows of each table a dataset holds: what deleting it removes. */
import type { WorkspaceScope } from "~/db.server";

/** Tables whose rows carry the dataset that loaded them. */
const TABLES = [
  "transactions",
  "products",
  "campaigns",
  "channel_audiences",
  "responses",
  "customer_sources",
  "rejected_rows",
  "cell_warnings",
] as const;

export type DatasetRowCounts = Record<(typeof TABLES)[number], number>;

export function datasetRowCounts(scope: WorkspaceScope, datasetId: number): DatasetRowCounts {
  const counts = {} as DatasetRowCounts;
  for (const table of TABLES) {
    counts[table] = scope
      .sql(`SELECT count(*) FROM ${table} WHERE workspace_id = @workspace AND dataset_id = ?`)
      .pluck()
      .get<number>(datasetId) as number;
  }
  return counts;
}

/** Customer profiles of the workspace (a deletion removes those left with no record). */
export function customerProfileCount(scope: WorkspaceScope): number {
  return scope
    .sql("SELECT count(*) FROM customers WHERE workspace_id = @workspace")
    .pluck()
    .get<number>() as number;
}
