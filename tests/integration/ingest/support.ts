import fs from "node:fs";
/** A test database with one workspace, and the `import` command run in-process on it. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "#db/client";
import * as schema from "#db/schema";
import { scopeTo, type WorkspaceScope } from "#db/scoped";
import { planImport } from "~/ingest/import-plan.server";
import type { DatasetKind } from "~/ingest/kinds";
import { readSample, storeUpload } from "~/ingest/upload.server";
import { runCli } from "../../../cli/run";
import { setUpTestDb } from "../../helpers/test-db";

const fixtures = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** Path of a fixture: "ingest/transactions.csv" or "csv/delimiter-comma.csv". */
export function fixture(name: string): string {
  return path.join(fixtures, name);
}

export interface ImportSummary {
  dataset_id: number;
  kind: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_duplicate_key: number;
  rows_new: number;
  rows_updated: number;
  rows_unchanged: number;
  cell_warnings: number;
  encoding: string;
  delimiter: string;
  decimal: string;
  date_formats: Record<string, string>;
  date_settled_by?: Record<string, { line: number; value: string; format: string }>;
  seconds: number;
}

export function setUpIngest(slug = "acme") {
  const { db, dir } = setUpTestDb();
  const workspace = db.insert(schema.workspaces).values({ slug, name: slug }).returning().get();
  const scope = scopeTo(db, workspace.id);

  /** `import --workspace <slug> --kind <kind> --file <file> ...extra`, as the CLI runs it. */
  async function cliImport(kind: string, file: string, ...extra: string[]) {
    return runCli(["import", "--workspace", slug, "--kind", kind, "--file", file, ...extra]);
  }

  /** Like cliImport, but the import must succeed; returns the printed summary. */
  async function importOk(kind: string, file: string, ...extra: string[]): Promise<ImportSummary> {
    const result = await cliImport(kind, file, ...extra);
    if (result.code !== 0) throw new Error(`import failed: ${result.stderr}`);
    return JSON.parse(result.stdout ?? "") as ImportSummary;
  }

  return { db, dir, scope, workspaceId: workspace.id, cliImport, importOk };
}

/** Rows of a table in this workspace (raw SQL keeps the assertions close to the schema). */
export function rowsOf<T = Record<string, unknown>>(
  db: Db,
  table: string,
  workspaceId: number,
  orderBy = "id",
): T[] {
  return db.$client
    .prepare(`SELECT * FROM ${table} WHERE workspace_id = ? ORDER BY ${orderBy}`)
    .all(workspaceId) as T[];
}

export function countOf(db: Db, table: string, workspaceId: number): number {
  return db.$client
    .prepare(`SELECT count(*) FROM ${table} WHERE workspace_id = ?`)
    .pluck()
    .get(workspaceId) as number;
}

/** Stores a file and plans its import as the CLI does, for tests that drive importDataset. */
export async function storedForImport(scope: WorkspaceScope, kind: DatasetKind, file: string) {
  const dataset = await storeUpload(scope, {
    fileName: path.basename(file),
    stream: fs.createReadStream(file),
    uploadedBy: null,
    kind,
  });
  const sample = await readSample(dataset.storedPath as string);
  return { dataset, options: planImport(scope, kind, sample, dataset.fileBytes) };
}
