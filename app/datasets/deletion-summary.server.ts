/**
 * What deleting a dataset removes, counted without removing anything: the rows it still
 * owns by table (dataset-contents.server.ts), the customer profiles left with no record, the
 * segment runs computed after it was imported (they stay as computed, with its rows), the
 * reports showing those runs or reading its kind of data live, and its stored upload.
 */
import type { WorkspaceScope } from "#db/scoped";
import { TRANSACTIONS_SOURCE } from "~/customers/transaction-customers.server";
import { type DeletionSummary, nonEmptyRows } from "~/deletion/summary";
import type { ReportKindId } from "~/reports/report-kinds";
import { liveReportsOfKinds, mergeReports, reportsOfRuns } from "~/reports/reports-showing.server";
import { datasetRowCounts } from "./dataset-contents.server";
import type { getDataset } from "./queries.server";

type Dataset = NonNullable<ReturnType<typeof getDataset>>;

/** Kinds of data segment runs are computed from (customers for consent, sales for RFM). */
const READ_BY_RUNS = new Set(["customers", "transactions"]);

/** Live reports that read a kind of data directly (not through a run). */
const LIVE_REPORTS_READING: Record<string, ReportKindId[]> = {
  campaigns: ["campaign-roi", "forecast", "offer-cost"],
  responses: ["offer-cost"],
  channel_audiences: ["channel-match"],
  products: ["product-match"],
};

/**
 * Profiles deleteDataset removes: every record of the profile comes from this dataset, and
 * it is not a profile made from sales that a later dataset still holds (those are taken
 * over by that dataset, see deleteDataset).
 */
function profilesRemoved(scope: WorkspaceScope, datasetId: number): number {
  return scope
    .sql(
      `SELECT count(*) FROM customers c
       WHERE c.workspace_id = @workspace
         AND EXISTS (SELECT 1 FROM customer_sources s
           WHERE s.customer_id = c.id AND s.dataset_id = @id)
         AND NOT EXISTS (SELECT 1 FROM customer_sources s
           WHERE s.customer_id = c.id AND (s.dataset_id IS NOT @id OR (s.source = @source
             AND EXISTS (SELECT 1 FROM transactions t WHERE t.workspace_id = c.workspace_id
               AND t.customer_id = c.id AND t.dataset_id <> @id))))`,
    )
    .pluck()
    .get<number>({ id: datasetId, source: TRANSACTIONS_SOURCE }) as number;
}

/** Segment runs that started after the dataset's import had finished. */
function runsAfter(scope: WorkspaceScope, dataset: Dataset): DeletionSummary["runs"] {
  if (!READ_BY_RUNS.has(dataset.kind) || dataset.status !== "succeeded" || !dataset.finishedAt)
    return [];
  const rows = scope
    .sql(
      `SELECT id, kind, created_at AS createdAt FROM analysis_runs
       WHERE workspace_id = @workspace AND kind IN ('rfm', 'cluster') AND status = 'succeeded'
         AND created_at >= ?
       ORDER BY id`,
    )
    .all<{ id: number; kind: string; createdAt: number }>(dataset.finishedAt.getTime());
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

export function datasetDeletionSummary(scope: WorkspaceScope, dataset: Dataset): DeletionSummary {
  const counts = datasetRowCounts(scope, dataset.id);
  const runs = runsAfter(scope, dataset);
  return {
    rows: nonEmptyRows({ ...counts, customers: profilesRemoved(scope, dataset.id) }),
    runs,
    reports: mergeReports(
      reportsOfRuns(
        scope,
        runs.map((r) => r.id),
      ),
      liveReportsOfKinds(scope, LIVE_REPORTS_READING[dataset.kind] ?? []),
    ),
    storedUpload: dataset.storedPath
      ? { fileName: dataset.fileName, bytes: dataset.fileBytes }
      : null,
  };
}
