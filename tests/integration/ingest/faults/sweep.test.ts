/**
 * The sweep of dead imports and partial uploads, in-process: an import that was only slow
 * and lost its lease, a worker's import whose job will be retried, `.part` files of live and
 * dead processes, and `dataset delete`.
 */

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { datasets } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { claimNext, enqueue } from "#jobs/queue";
import { recoverExpiredImports, STOPPED_IMPORT_ERROR } from "~/datasets/stale-imports.server";
import { englishMessage } from "~/i18n/english";
import { importDataset, STORED_COPY_REMOVED } from "~/ingest/load.server";
import { removeAbandonedUploads, uploadDir } from "~/ingest/upload.server";
import { runCli } from "../../../../cli/run";
import { english } from "../../../helpers/english";
import { countOf, fixture, setUpIngest, storedForImport } from "../support";

/** What the CLI and pages in English say of an import whose process died. */
const STOPPED_AND_REMOVED = `${englishMessage(STOPPED_IMPORT_ERROR)} ${STORED_COPY_REMOVED}`;

const { db, dir, scope, workspaceId, importOk } = setUpIngest("acme");

function datasetRow(id: number) {
  return scope.first(datasets, eq(datasets.id, id));
}

function expireLease(id: number) {
  db.$client.prepare("UPDATE datasets SET lease_expires_at = 1 WHERE id = ?").run(id);
}

describe("the sweep of dead imports", () => {
  it("a slow import that lost its lease to the sweep writes nothing after it", async () => {
    const lines = Array.from({ length: 9 }, (_, i) => `P${i},Product ${i},${i}.00`);
    const file = path.join(dir, "slow.csv");
    fs.writeFileSync(file, `code,name,price\n${lines.join("\n")}\n`);
    const { dataset, options } = await storedForImport(scope, "products", file);
    let batches = 0;
    const run = importDataset(scopeTo(db, workspaceId), {
      datasetId: dataset.id,
      ...options,
      batchSize: 3,
      onProgress: () => {
        batches += 1;
        if (batches > 1) return;
        // As if this process had stalled past its lease and another one swept meanwhile.
        expireLease(dataset.id);
        expect(english(recoverExpiredImports(db).map((s) => s.status))).toEqual(["failed"]);
      },
    });
    await expect(english(run)).rejects.toThrow("another process took the dataset over");
    expect(english(batches)).toBe(1);
    expect(english(countOf(db, "products", workspaceId))).toBe(0);
    expect(english(datasetRow(dataset.id))).toMatchObject({
      status: "failed",
      error: STOPPED_AND_REMOVED,
      rowsLoaded: 0,
      storedPath: null,
      leaseOwner: null,
    });
    expect(english(fs.existsSync(dataset.storedPath as string))).toBe(false);
  });

  it("a transactions import swept just before its publish publishes nothing", async () => {
    const { dataset, options } = await storedForImport(
      scope,
      "transactions",
      fixture("ingest/transactions.csv"),
    );
    const run = importDataset(scopeTo(db, workspaceId), {
      datasetId: dataset.id,
      ...options,
      // Called once the lease was extended for the publish, right before it starts.
      onLongWrite: () => {
        expireLease(dataset.id);
        expect(english(recoverExpiredImports(db).map((s) => s.status))).toEqual(["failed"]);
      },
    });
    await expect(english(run)).rejects.toThrow("another process took the dataset over");
    expect(english(countOf(db, "transactions", workspaceId))).toBe(0);
    expect(english(datasetRow(dataset.id))).toMatchObject({ status: "failed", publishedAt: null });
  });

  it("an erasure settles a dead import first instead of waiting for it", async () => {
    await importOk("customers", fixture("ingest/customers-online.csv"));
    const { dataset } = await storedForImport(scope, "products", fixture("ingest/products.zip"));
    scope.update(
      datasets,
      { status: "importing", leaseOwner: "gone:1:00000000", leaseExpiresAt: new Date(1) },
      eq(datasets.id, dataset.id),
    );
    const erased = await runCli(["customer", "erase", "--workspace", "acme", "--id", "WEB-3"]);
    expect(english(erased.stderr ?? "")).toBe("");
    expect(english(JSON.parse(erased.stdout ?? ""))).toMatchObject({ erased: true });
    expect(english(datasetRow(dataset.id))).toMatchObject({ status: "failed", storedPath: null });
  });

  it("a worker's import whose job will run again goes back to queued, its file kept", async () => {
    const { dataset } = await storedForImport(scope, "products", fixture("ingest/products.zip"));
    const jobId = enqueue(db, { kind: "import-dataset", payload: {}, workspaceId, maxAttempts: 2 });
    const job = claimNext(db, "dead-worker", 60_000);
    expect(english(job?.id)).toBe(jobId);
    // What a worker killed mid-import leaves: importing, some rows, a lease run out.
    scope.update(
      datasets,
      {
        status: "importing",
        jobId,
        rowsLoaded: 1,
        leaseOwner: "dead-worker:1:00000000",
        leaseExpiresAt: new Date(1),
        startedAt: new Date(),
      },
      eq(datasets.id, dataset.id),
    );
    db.$client
      .prepare(
        `INSERT INTO rejected_rows (workspace_id, dataset_id, line_number, reason, raw)
         VALUES (?, ?, 2, 'bad', 'x')`,
      )
      .run(workspaceId, dataset.id);
    expect(english(recoverExpiredImports(db))).toEqual([
      { datasetId: dataset.id, workspaceId, fileName: dataset.fileName, status: "queued" },
    ]);
    expect(english(datasetRow(dataset.id))).toMatchObject({
      status: "queued",
      rowsLoaded: 0,
      leaseOwner: null,
    });
    expect(english(countOf(db, "rejected_rows", workspaceId))).toBe(0);
    expect(english(fs.existsSync(dataset.storedPath as string))).toBe(true);
    // Nothing left to do on a second look.
    expect(english(recoverExpiredImports(db))).toEqual([]);
  });

  it("removes .part files of ended processes, keeps those of live ones", () => {
    const folder = uploadDir(workspaceId);
    fs.mkdirSync(folder, { recursive: true });
    // A process that has ended (and been reaped): its pid is free.
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const deadPid = Number(ended.stdout.toString());
    const names = {
      dead: `${"a".repeat(32)}.${deadPid}.part`,
      deadUnpacked: `${"b".repeat(32)}.${deadPid}.unpacked.part`,
      live: `${"c".repeat(32)}.${process.ppid}.part`,
      own: `${"d".repeat(32)}.${process.pid}.part`,
      oldNaming: `${"e".repeat(32)}.part`,
      stored: "f".repeat(32),
    };
    for (const name of Object.values(names)) fs.writeFileSync(path.join(folder, name), "x");
    const left = () =>
      fs
        .readdirSync(folder)
        .filter((name) => (Object.values(names) as string[]).includes(name))
        .sort();
    expect(english(removeAbandonedUploads({ ownUploadsLive: true }))).toBe(3);
    expect(english(left())).toEqual([names.live, names.own, names.stored].sort());
    // At a process's start its own id on a file is a dead predecessor's.
    expect(english(removeAbandonedUploads({ ownUploadsLive: false }))).toBe(1);
    expect(english(left())).toEqual([names.live, names.stored].sort());
    for (const name of left()) fs.rmSync(path.join(folder, name));
  });
});

describe("dataset list and dataset delete", () => {
  it("lists the workspace's datasets and deletes one, printing what it removed", async () => {
    const summary = await importOk("products", fixture("ingest/products.zip"));
    const listed = await runCli(["dataset", "list", "--workspace", "acme"]);
    expect(english(listed.code)).toBe(0);
    const { datasets: rows } = JSON.parse(listed.stdout ?? "") as {
      datasets: Record<string, unknown>[];
    };
    const row = rows.find((r) => r.id === summary.dataset_id);
    expect(english(row)).toMatchObject({
      kind: "products",
      status: "succeeded",
      rows_loaded: summary.rows_loaded,
      rows_new: summary.rows_new,
      cell_warnings: 0,
      error: null,
    });
    expect(english(Object.keys(row ?? {}))).toEqual([
      "id",
      "kind",
      "file",
      "status",
      "rows_read",
      "rows_loaded",
      "rows_rejected",
      "rows_new",
      "rows_updated",
      "rows_unchanged",
      "cell_warnings",
      "created_at",
      "error",
    ]);
    const products = countOf(db, "products", workspaceId);
    expect(english(products)).toBeGreaterThan(0);

    const deleted = await runCli([
      "dataset",
      "delete",
      "--workspace",
      "acme",
      "--id",
      String(summary.dataset_id),
    ]);
    expect(english(deleted.stderr ?? "")).toBe("");
    expect(english(JSON.parse(deleted.stdout ?? ""))).toEqual({
      deleted: {
        id: summary.dataset_id,
        kind: "products",
        file: row?.file,
        status: "succeeded",
        rows_removed: {
          transactions: 0,
          products,
          campaigns: 0,
          channel_audiences: 0,
          customer_sources: 0,
          responses: 0,
          rejected_rows: summary.rows_rejected,
          cell_warnings: 0,
          customers: 0,
        },
        stored_upload_removed: false,
      },
    });
    expect(english(countOf(db, "products", workspaceId))).toBe(0);
    expect(english(datasetRow(summary.dataset_id))).toBeUndefined();
    const audit = db.$client
      .prepare(
        "SELECT action, target, actor_user_id FROM audit_log WHERE action = 'dataset.deleted'",
      )
      .all();
    expect(english(audit)).toEqual([
      { action: "dataset.deleted", target: `dataset:${summary.dataset_id}`, actor_user_id: null },
    ]);

    const again = await runCli(["dataset", "delete", "--workspace", "acme", "--id", "999"]);
    expect(english(again.code)).toBe(1);
    expect(english(again.stderr)).toContain('No dataset 999 in workspace "acme"');
  });
});
