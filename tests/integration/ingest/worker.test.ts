/** The import job run by the real worker loop, in-process. */

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { datasets } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { importDatasetHandler } from "#jobs/handlers/import-dataset";
import { waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { enqueueImport } from "~/ingest/import-job.server";
import type { DatasetKind } from "~/ingest/kinds";
import { english } from "../../helpers/english";
import { countOf, fixture, setUpIngest, storedForImport } from "./support";

const { db, dir, scope, workspaceId } = setUpIngest();

const upload = (kind: DatasetKind, file: string) => storedForImport(scope, kind, file);

/** Runs the worker until the job has finished. */
async function work(jobId: number) {
  const stop = new AbortController();
  const handlers = new HandlerRegistry([importDatasetHandler]);
  const done = runWorker({
    db,
    workerId: "test",
    handlers,
    signal: stop.signal,
    pollMs: 10,
    log: () => {},
  });
  const job = await waitForJob(db, jobId, 20_000);
  stop.abort();
  await done;
  return job;
}

function dataset(id: number) {
  return scope.first(datasets, eq(datasets.id, id));
}

describe("import-dataset job", () => {
  const many = path.join(dir, "many-products.csv");
  const rows = Array.from(
    { length: 12_000 },
    (_, index) => `P${index},Item ${index},${index % 90}.50`,
  );
  fs.writeFileSync(many, `code,name,price\n${rows.join("\n")}\n`);

  it("queues the dataset, then loads it in the worker with progress", async () => {
    const { dataset: uploaded, options } = await upload("products", many);
    const jobId = enqueueImport(scope, uploaded.id, options);
    expect(english(dataset(uploaded.id))).toMatchObject({
      status: "queued",
      jobId,
      mapping: options.mapping,
    });
    expect(english(() => enqueueImport(scopeTo(db, workspaceId), uploaded.id, options))).toThrow(
      "many-products.csv is already being imported",
    );

    const job = await work(jobId);
    expect(english(job)).toMatchObject({
      status: "succeeded",
      result: { datasetId: uploaded.id, kind: "products", rowsRead: 12_000, rowsNew: 12_000 },
      progress: { rows: 12_000, percent: 100, message: "importing" },
    });
    expect(english((job.progress as { rate: number }).rate)).toBeGreaterThan(0);
    expect(english(dataset(uploaded.id))).toMatchObject({
      status: "succeeded",
      rowsLoaded: 12_000,
    });
  });

  it("a retry after a worker died mid-import replaces the rows of the dead attempt", async () => {
    const file = path.join(dir, "more-products.csv");
    const codes = Array.from({ length: 100 }, (_, index) => `Q${index}`);
    fs.writeFileSync(
      file,
      `code,name\n${codes.map((code) => `${code},Item ${code}`).join("\n")}\n`,
    );
    const { dataset: uploaded, options } = await upload("products", file);
    const jobId = enqueueImport(scope, uploaded.id, options);
    // The dead attempt had started and committed a first batch, with other values.
    scope.update(
      datasets,
      { status: "importing", startedAt: new Date() },
      eq(datasets.id, uploaded.id),
    );
    const insert = db.$client.prepare(
      "INSERT INTO products (workspace_id, dataset_id, code, name, row_hash) VALUES (?, ?, ?, 'stale', 'x')",
    );
    for (const code of codes.slice(0, 40)) insert.run(workspaceId, uploaded.id, code);

    const job = await work(jobId);
    // Its own rows were removed first, so they are loaded as new, not "updated".
    expect(english(job.result)).toMatchObject({ rowsNew: 100, rowsUpdated: 0, rowsUnchanged: 0 });
    const names = db.$client
      .prepare("SELECT count(*) FROM products WHERE workspace_id = ? AND name = 'stale'")
      .pluck()
      .get(workspaceId);
    expect(english(names)).toBe(0);
    expect(english(countOf(db, "products", workspaceId))).toBe(12_000 + 100);
    // Imported: the stored upload is gone.
    expect(english(dataset(uploaded.id)?.storedPath)).toBeNull();
    expect(english(fs.existsSync(uploaded.storedPath as string))).toBe(false);
  });

  it("a file that cannot be imported fails the job at once, with the reason", async () => {
    const { dataset: uploaded, options } = await upload(
      "products",
      fixture("csv/delimiter-comma.csv"),
    );
    fs.writeFileSync(uploaded.storedPath as string, "1,2,3\n4,5,6\n");
    const job = await work(enqueueImport(scope, uploaded.id, options));
    expect(english(job)).toMatchObject({ status: "dead", attempts: 1 });
    expect(english(job.error)).toContain("delimiter-comma.csv: The first row");
    expect(english(dataset(uploaded.id))).toMatchObject({ status: "failed" });
  });
});
