/**
 * Files that cannot be imported fail with a message naming the problem and leave no rows;
 * an import that dies half way is marked failed and its inserted rows are removed.
 */

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { datasets } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { customerSourcesWatermark } from "~/ingest/dataset-rows.server";
import { importDataset } from "~/ingest/load.server";
import { english } from "../../helpers/english";
import { customerRow } from "../customers/support";
import { countOf, fixture, rowsOf, setUpIngest, storedForImport } from "./support";

const { db, dir, scope, workspaceId, cliImport, importOk } = setUpIngest();
const run = promisify(execFile);

/** The CLI as a child process, on this test's database. */
async function cliProcess(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: path.join(dir, "test.db"), DATA_DIR: dir };
  try {
    const { stdout } = await run("npx", ["tsx", "cli/index.ts", ...args], { env });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

function datasetRow(id: number) {
  return scope.first(datasets, eq(datasets.id, id));
}

function lastDataset() {
  return rowsOf<{ id: number; status: string; error: string | null }>(
    db,
    "datasets",
    workspaceId,
  ).at(-1);
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const dataTables = ["transactions", "products", "campaigns", "channel_audiences", "customers"];
const totalRows = () => dataTables.reduce((sum, table) => sum + countOf(db, table, workspaceId), 0);

describe("files that cannot be imported", () => {
  it("a binary file: non-zero exit, the reason on stderr, the dataset failed, no rows", async () => {
    const result = await cliProcess(
      "import",
      "--workspace",
      "acme",
      "--kind",
      "customers",
      "--file",
      fixture("csv/binary-nul.csv"),
    );
    expect(english(result.code)).toBe(1);
    expect(english(result.stdout)).toBe("");
    expect(english(result.stderr)).toContain(
      "binary-nul.csv: This file contains binary data (NUL bytes)",
    );
    expect(english(lastDataset())).toMatchObject({ status: "failed" });
    expect(english(totalRows())).toBe(0);
    expect(english(countOf(db, "rejected_rows", workspaceId))).toBe(0);
  });

  it("a file without a header row", async () => {
    const result = await cliProcess(
      "import",
      "--workspace",
      "acme",
      "--kind",
      "customers",
      "--file",
      fixture("csv/no-header.csv"),
    );
    expect(english(result.code)).toBe(1);
    expect(english(result.stderr)).toContain("no-header.csv: The first row");
    expect(english(result.stderr)).toContain("looks like data, not column names");
    expect(english(totalRows())).toBe(0);
  });

  it("a file of another kind: the missing required field is named", async () => {
    const result = await cliImport("products", fixture("ingest/customers-online.csv"));
    expect(english(result.code)).toBe(1);
    expect(english(result.stderr)).toContain(
      "customers-online.csv: The columns do not fit products: Map a column to code.",
    );
    expect(english(lastDataset())).toMatchObject({ status: "failed" });
    expect(english(totalRows())).toBe(0);
  });

  it("an ambiguous date column: names the column and the formats, and takes --date-format", async () => {
    const refused = await cliImport("transactions", fixture("csv/ambiguous-dates.csv"));
    expect(english(refused.code)).toBe(1);
    expect(english(refused.stderr)).toContain(
      'ambiguous-dates.csv: Choose the date format: column "order_date" fits dd/mm/yyyy and mm/dd/yyyy.',
    );
    expect(english(refused.stderr)).toContain('--date-format "order_date=dd/mm/yyyy"');
    const summary = await importOk(
      "transactions",
      fixture("csv/ambiguous-dates.csv"),
      "--date-format",
      "order_date=dd/mm/yyyy",
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: 4,
      date_formats: { order_date: "dd/mm/yyyy" },
    });
    const first = rowsOf<{ occurred_at: number }>(db, "transactions", workspaceId)[0];
    expect(english(first?.occurred_at)).toBe(Date.UTC(2024, 3, 3));
    db.$client.prepare("DELETE FROM transactions WHERE workspace_id = ?").run(workspaceId);
  });
});

describe("an import that dies half way", () => {
  it("an abort after the first batch: dataset failed, its rows and rejects removed", async () => {
    const { dataset, options } = await storedForImport(
      scope,
      "transactions",
      fixture("ingest/transactions.csv"),
    );
    const controller = new AbortController();
    let batches = 0;
    await expect(
      english(
        importDataset(scopeTo(db, workspaceId), {
          datasetId: dataset.id,
          ...options,
          batchSize: 2,
          signal: controller.signal,
          onProgress: () => {
            batches += 1;
            controller.abort(new Error("simulated crash"));
          },
        }),
      ),
    ).rejects.toThrow("The import of transactions.csv was stopped: simulated crash");
    expect(english(batches)).toBe(1);
    expect(english(datasetRow(dataset.id))).toMatchObject({
      status: "failed",
      error:
        "The import of transactions.csv was stopped: simulated crash. Its uploaded file was deleted, so that no copy of the data is kept; upload it again to try once more.",
      rowsLoaded: 0,
      storedPath: null,
      leaseOwner: null,
    });
    // A failed import keeps no copy of the file: an erasure could not find it in the tables.
    expect(english(fs.existsSync(dataset.storedPath as string))).toBe(false);
    expect(english(countOf(db, "transactions", workspaceId))).toBe(0);
  });

  it("a CSV error near the end: the batches already written are removed", async () => {
    const lines = [
      "code,name,price",
      "A1,One,1",
      "A2,Two,2",
      "A3,Three,3",
      'A4,"Four,4',
      "A5,Five,5",
    ];
    const file = writeFile("broken-quote.csv", `${lines.join("\n")}\n`);
    const { dataset, options } = await storedForImport(scope, "products", file);
    await expect(
      english(
        importDataset(scopeTo(db, workspaceId), {
          datasetId: dataset.id,
          ...options,
          batchSize: 2,
        }),
      ),
    ).rejects.toThrow(/broken-quote\.csv cannot be read as CSV: Quote Not Closed/);
    expect(english(datasetRow(dataset.id)?.status)).toBe("failed");
    expect(english(countOf(db, "products", workspaceId))).toBe(0);
  });

  it("customers: profiles the import created go, older profiles and their sales stay", async () => {
    await importOk("customers", fixture("ingest/customers-online.csv"));
    const sales = writeFile(
      "sales.csv",
      "transaction_id,customer_id,date,amount\nS1,WEB-4,2025-01-02,10\nS2,WEB-1,2025-01-02,20\n",
    );
    await importOk("transactions", sales);
    const update = writeFile(
      "customers-update.csv",
      [
        "customer_id,full_name,email",
        "WEB-1,Ayşe Yılmaz-Kaya,ayse.yilmaz@example.com",
        "WEB-4,Deniz Ak,deniz@example.com",
        "WEB-5,Can Er,can@example.com",
      ].join("\n"),
    );
    const { dataset, options } = await storedForImport(scope, "customers", update);
    const controller = new AbortController();
    let written = 0;
    await expect(
      english(
        importDataset(scopeTo(db, workspaceId), {
          datasetId: dataset.id,
          ...options,
          defaultSource: "customers-online.csv",
          // The header and two rows: WEB-1 (updated) and WEB-4 (new) are written, then it dies.
          batchSize: 3,
          signal: controller.signal,
          onProgress: (progress) => {
            written = progress.rows;
            controller.abort(new Error("simulated crash"));
          },
        }),
      ),
    ).rejects.toThrow("simulated crash");
    expect(english(written)).toBe(2);
    const names = rowsOf<{ name: string | null }>(db, "customers", workspaceId)
      .map((row) => row.name)
      .filter((name) => name !== null);
    // WEB-4's profile was made from its sale (source "transactions") before this import, so
    // it stays; the failed batch's updates of it and of WEB-1 are not reverted (documented).
    expect(english(names)).toEqual(["Ayşe Yılmaz-Kaya", "John Smith", "Elif Kaya", "Deniz Ak"]);
    const sources = rowsOf<{ external_id: string; source: string }>(
      db,
      "customer_sources",
      workspaceId,
    ).filter((row) => row.source !== "transactions");
    expect(english(sources.map((row) => row.external_id))).toEqual(["WEB-1", "WEB-2", "WEB-3"]);
    // Both sales were linked when they were imported (WEB-4 to the profile made from it).
    const linked = rowsOf<{ transaction_key: string; customer_id: number | null }>(
      db,
      "transactions",
      workspaceId,
    ).map((row) => [row.transaction_key, row.customer_id !== null]);
    expect(english(linked)).toEqual([
      ["S1", true],
      ["S2", true],
    ]);
  });

  it("customers: a retry after a hard crash keeps the older records the dead attempt updated", async () => {
    const update = writeFile(
      "customers-retry.csv",
      "customer_id,full_name,email\nWEB-2,John Smith Jr,john@example.com\nWEB-6,Ece Su,ece@example.com\n",
    );
    const { dataset, options } = await storedForImport(scope, "customers", update);
    // What a worker killed after its first batch leaves: the import marked started with its
    // watermark, WEB-2's older record updated (and stamped) and WEB-6 inserted, no cleanup.
    const watermark = customerSourcesWatermark(scope);
    scope.update(
      datasets,
      { status: "importing", startedAt: new Date(), settings: { customerSourcesAfter: watermark } },
      eq(datasets.id, dataset.id),
    );
    db.$client.transaction(() => {
      const rows = [
        customerRow({ external_id: "WEB-2", name: "John Smith Jr", email: "john@example.com" }),
        customerRow({ external_id: "WEB-6", name: "Ece Su", email: "ece@example.com" }),
      ];
      upsertCustomerBatch(scope, dataset.id, rows, "customers-online.csv");
    })();
    const profilesBefore = countOf(db, "customers", workspaceId);

    const result = await importDataset(scopeTo(db, workspaceId), {
      datasetId: dataset.id,
      ...options,
      defaultSource: "customers-online.csv",
    });
    expect(english(result)).toMatchObject({ rowsNew: 1, rowsUnchanged: 1 });
    expect(english(countOf(db, "customers", workspaceId))).toBe(profilesBefore);
    const sources = rowsOf<{ external_id: string; source: string }>(
      db,
      "customer_sources",
      workspaceId,
    ).filter((row) => row.source !== "transactions");
    expect(english(sources.map((row) => row.external_id))).toEqual([
      "WEB-1",
      "WEB-2",
      "WEB-3",
      "WEB-6",
    ]);
  });
});
