/**
 * Transactions are staged and then published in one transaction (transaction-stage.server.ts):
 * repeated keys within a file, counts, the index rebuild on a large file, and a publish
 * that fails half way.
 */

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { workspaces } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { importDataset } from "~/ingest/load.server";
import { english } from "../../helpers/english";
import { countOf, rowsOf, setUpIngest, storedForImport } from "./support";

const { db, dir, scope, workspaceId, cliImport, importOk } = setUpIngest();

const header = "transaction_id,customer_id,date,amount,channel\n";

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, header + lines.map((line) => `${line}\n`).join(""));
  return file;
}

function indexesOfTransactions() {
  return db.$client
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name",
    )
    .all() as { name: string; sql: string | null }[];
}

/** Which index a query for one customer's transactions would use. */
function planFor(sql: string): string {
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
  return plan.map((step) => step.detail).join("; ");
}

describe("publishing staged transactions", () => {
  it("a key repeated in one file is not merged: the later rows are rejected, saying where", async () => {
    const file = writeCsv("repeats.csv", [
      "R1,C1,2025-01-01,10.00,web",
      "R2,C1,2025-01-02,20.00,web",
      "R1,C1,2025-01-01,11.00,web", // another line with R1's id
      "R2,C1,2025-01-02,20.00,web", // the same line again
    ]);
    const summary = await importOk("transactions", file);
    expect(english(summary)).toMatchObject({
      rows_read: 4,
      rows_loaded: 2,
      rows_rejected: 2,
      rows_duplicate_key: 2,
      rows_new: 2,
      rows_updated: 0,
      rows_unchanged: 0,
    });
    const stored = rowsOf<{ transaction_key: string; amount: number }>(
      db,
      "transactions",
      workspaceId,
    ).filter((row) => row.transaction_key.startsWith("R"));
    expect(english(stored.map((row) => [row.transaction_key, row.amount]))).toEqual([
      ["R1", 10],
      ["R2", 20],
    ]);
    const rejected = db.$client
      .prepare(
        `SELECT line_number, "column", reason, raw FROM rejected_rows
         WHERE dataset_id = ? ORDER BY line_number`,
      )
      .all(summary.dataset_id);
    expect(english(rejected)).toEqual([
      {
        line_number: 4,
        column: "transaction_id",
        reason: 'transaction id "R1" already appeared on line 2 of this file',
        raw: "R1,C1,2025-01-01,11.00,web",
      },
      {
        line_number: 5,
        column: "transaction_id",
        reason: 'transaction id "R2" already appeared on line 3 of this file',
        raw: "R2,C1,2025-01-02,20.00,web",
      },
    ]);
  });

  it("rebuilds the secondary indexes when the file is most of the table, and they are used", async () => {
    const before = indexesOfTransactions();
    const lines = Array.from(
      { length: 2_000 },
      (_, i) => `B${i},C${i % 37},2025-02-${String(1 + (i % 28)).padStart(2, "0")},${i}.50,store`,
    );
    const summary = await importOk("transactions", writeCsv("big.csv", lines));
    expect(english(summary)).toMatchObject({ rows_new: 2_000, rows_rejected: 0 });
    // Same names, same definitions: dropped and built again, not lost or altered.
    expect(english(indexesOfTransactions())).toEqual(before);
    expect(
      english(
        planFor(
          "SELECT * FROM transactions WHERE workspace_id = 1 AND customer_id IS NULL AND customer_external_id = 'C5'",
        ),
      ),
    ).toContain("transactions_external_idx");
    const c5 = db.$client
      .prepare(
        "SELECT count(*) FROM transactions INDEXED BY transactions_external_idx WHERE workspace_id = ? AND customer_id IS NULL AND customer_external_id = 'C5'",
      )
      .pluck()
      .get(workspaceId);
    // C5 had no profile: the import made one and linked its sales (through the other index).
    expect(english(c5)).toBe(0);
    const linked = db.$client
      .prepare(
        `SELECT count(*) FROM transactions INDEXED BY transactions_customer_idx
         WHERE workspace_id = ? AND customer_id = (SELECT customer_id FROM customer_sources
           WHERE workspace_id = ? AND source = 'transactions' AND external_id = 'C5')`,
      )
      .pluck()
      .get(workspaceId, workspaceId);
    expect(english(linked)).toBe(Math.ceil((2_000 - 5) / 37));
  });

  it("says how long the publish may block before it starts, so a job can hold its lease", async () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => `L${i},C1,2025-04-01,1.00,web`);
    const { dataset, options } = await storedForImport(
      scope,
      "transactions",
      writeCsv("lease.csv", lines),
    );
    const before = countOf(db, "transactions", workspaceId);
    const calls: { expectedMs: number; rowsThen: number }[] = [];
    await importDataset(scopeTo(db, workspaceId), {
      datasetId: dataset.id,
      ...options,
      onLongWrite: (expectedMs) =>
        calls.push({ expectedMs, rowsThen: countOf(db, "transactions", workspaceId) }),
    });
    // Once, before any row was published, with ten times the measured 3 µs per row.
    expect(english(calls)).toEqual([{ expectedMs: 30, rowsThen: before }]);
    expect(english(countOf(db, "transactions", workspaceId))).toBe(before + 1_000);
  });

  it("a file larger than one publish chunk: chunk by chunk, other writers in between", async () => {
    const other = db
      .insert(workspaces)
      .values({ slug: "chunks", name: "Chunks" })
      .returning()
      .get();
    // 1,000 rows in chunks of 300; K950, in the last chunk, was loaded before with 1.00.
    const earlier = await importOk(
      "transactions",
      writeCsv("k950.csv", ["K950,C1,2025-05-01,1.00,web"]),
    );
    const lines = Array.from({ length: 1000 }, (_, i) => `K${i},C${i % 13},2025-05-01,${i}.00,web`);
    const { dataset, options } = await storedForImport(
      scope,
      "transactions",
      writeCsv("chunks.csv", lines),
    );
    const before = countOf(db, "transactions", workspaceId);
    const seen: { published: number; visible: number }[] = [];
    const reader = new Database(db.$client.name);
    reader.pragma("busy_timeout = 0");
    try {
      const result = await importDataset(scopeTo(db, workspaceId), {
        datasetId: dataset.id,
        ...options,
        publishChunkRows: 300,
        onPublishChunk: (published) => {
          // The write lock is free between chunks: another connection writes at once.
          reader
            .prepare(
              "INSERT INTO datasets (workspace_id, kind, file_name, status) VALUES (?, 'products', 'x.csv', 'failed')",
            )
            .run(other.id);
          const visible = reader
            .prepare("SELECT count(*) FROM transactions WHERE workspace_id = ?")
            .pluck()
            .get(workspaceId) as number;
          seen.push({ published, visible: visible - before });
        },
      });
      expect(english(result)).toMatchObject({ rowsNew: 999, rowsUpdated: 1, rowsUnchanged: 0 });
    } finally {
      reader.close();
    }
    expect(english(seen)).toEqual([
      { published: 300, visible: 300 },
      { published: 600, visible: 600 },
      { published: 900, visible: 900 },
    ]);
    const k950 = rowsOf<{ transaction_key: string; amount: number; dataset_id: number }>(
      db,
      "transactions",
      workspaceId,
    )
      .filter((row) => row.transaction_key === "K950")
      .map((row) => [row.amount, row.dataset_id]);
    // Updated, and now the chunked dataset's (handed over in its last publish transaction).
    expect(english(k950)).toEqual([[950, dataset.id]]);
    expect(english(earlier.rows_new)).toBe(1);
    expect(english(countOf(db, "transactions", workspaceId))).toBe(before + 999);
    expect(english(indexesOfTransactions().map((index) => index.name))).toContain(
      "transactions_external_idx",
    );
  });

  it("publishes nothing when holding the lease found the job taken over", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Q${i},C1,2025-04-02,1.00,web`);
    const { dataset, options } = await storedForImport(
      scope,
      "transactions",
      writeCsv("taken-over.csv", lines),
    );
    const before = countOf(db, "transactions", workspaceId);
    const controller = new AbortController();
    await expect(
      english(
        importDataset(scopeTo(db, workspaceId), {
          datasetId: dataset.id,
          ...options,
          signal: controller.signal,
          // What the worker does when renewing finds another owner: abort the job.
          onLongWrite: () =>
            controller.abort(new Error("lease lost (job cancelled or taken over)")),
        }),
      ),
    ).rejects.toThrow(/lease lost/);
    expect(english(countOf(db, "transactions", workspaceId))).toBe(before);
  });

  it("a small file into a large table keeps the indexes in place and counts right", async () => {
    const other = db.insert(workspaces).values({ slug: "other", name: "Other" }).returning().get();
    const existing = countOf(db, "transactions", workspaceId);
    const file = writeCsv("small.csv", ["S1,,2025-03-01,5.00,web", "B7,C7,2025-02-08,7.50,store"]);
    const summary = await importOk("transactions", file);
    // B7 exists from the previous test with these values.
    expect(english(summary)).toMatchObject({ rows_new: 1, rows_unchanged: 1, rows_updated: 0 });
    expect(english(countOf(db, "transactions", workspaceId))).toBe(existing + 1);
    expect(english(countOf(db, "transactions", other.id))).toBe(0);
  });

  it("a publish that fails half way leaves no rows, the indexes, and a failed dataset", async () => {
    const existing = countOf(db, "transactions", workspaceId);
    const indexes = indexesOfTransactions();
    // Stands in for anything that can go wrong inside the publishing statement.
    db.$client.exec(`CREATE TEMP TRIGGER refuse_f900 BEFORE INSERT ON main.transactions
      WHEN NEW.transaction_key = 'F900' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    try {
      const lines = Array.from({ length: 5_000 }, (_, i) => `F${i},C1,2025-04-01,1.00,web`);
      const result = await cliImport("transactions", writeCsv("fails.csv", lines));
      expect(english(result.code)).not.toBe(0);
      expect(english(result.stderr)).toContain("disk on fire");
    } finally {
      db.$client.exec("DROP TRIGGER temp.refuse_f900");
    }
    expect(english(countOf(db, "transactions", workspaceId))).toBe(existing);
    expect(english(indexesOfTransactions())).toEqual(indexes);
    const last = rowsOf<{ status: string }>(db, "datasets", workspaceId).at(-1);
    expect(english(last?.status)).toBe("failed");
    const staged = db.$client
      .prepare("SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'staged_transactions_%'")
      .pluck()
      .get();
    expect(english(staged)).toBe(0);
  });
});
