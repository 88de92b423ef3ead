/**
 * `dataset list` and `dataset delete`: the workspace's uploads and imports, for operators
 * and scripts. Both first settle imports whose process died (stale-imports.server.ts), so
 * what they show and delete is never a dead import's "importing".
 */
import { z } from "zod";
import { customerProfileCount, datasetRowCounts } from "~/datasets/dataset-contents.server";
import { deleteDataset, getDataset, listDatasets } from "~/datasets/queries.server";
import { recoverAtStart } from "~/datasets/stale-imports.server";
import { getDb, schema, scopeTo } from "~/db.server";
import { isBeingImported } from "~/ingest/import-job.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

export const datasetList: Command = {
  name: "dataset list",
  usage: "--workspace S",
  options: { workspace: { type: "string" } },
  run(flags) {
    const args = z.object({ workspace: z.string() }).parse(flags);
    const scope = scopeTo(getDb(), workspaceIdBySlug(args.workspace));
    recoverAtStart(getDb());
    const warnings = new Map(
      scope.select(schema.datasets).map((row) => [row.id, row.cellWarnings] as const),
    );
    const datasets = listDatasets(scope).map((dataset) => ({
      id: dataset.id,
      kind: dataset.kind,
      file: dataset.fileName,
      status: dataset.status,
      rows_read: dataset.rowsRead,
      rows_loaded: dataset.rowsLoaded,
      rows_rejected: dataset.rowsRejected,
      rows_new: dataset.rowsNew,
      rows_updated: dataset.rowsUpdated,
      rows_unchanged: dataset.rowsUnchanged,
      cell_warnings: warnings.get(dataset.id) ?? 0,
      created_at: dataset.createdAt.toISOString(),
      error: dataset.error,
    }));
    return { datasets };
  },
};

export const datasetDelete: Command = {
  name: "dataset delete",
  usage: "--workspace S --id N",
  options: { workspace: { type: "string" }, id: { type: "string" } },
  run(flags) {
    const args = z
      .object({ workspace: z.string(), id: z.coerce.number().int().positive() })
      .parse(flags);
    const db = getDb();
    const scope = scopeTo(db, workspaceIdBySlug(args.workspace));
    recoverAtStart(db);
    const dataset = getDataset(scope, args.id);
    if (!dataset) throw new Error(`No dataset ${args.id} in workspace "${args.workspace}"`);
    if (isBeingImported(db, dataset)) {
      throw new Error(
        `Dataset ${args.id} (${dataset.fileName}) is being imported; delete it when the import has finished`,
      );
    }
    const rows = datasetRowCounts(scope, args.id);
    const profilesBefore = customerProfileCount(scope);
    // The CLI is the operator's tool, so no user is recorded as the actor.
    deleteDataset(scope, args.id, null);
    return {
      deleted: {
        id: dataset.id,
        kind: dataset.kind,
        file: dataset.fileName,
        status: dataset.status,
        rows_removed: { ...rows, customers: profilesBefore - customerProfileCount(scope) },
        stored_upload_removed: dataset.storedPath !== null,
      },
    };
  },
};
