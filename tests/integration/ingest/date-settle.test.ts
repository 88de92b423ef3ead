/**
 * Issue 9, point 3: a date column that the first 64 KiB leave ambiguous (every day ≤ 12) is
 * settled by the rest of the file before anyone is asked; only a column ambiguous in the
 * whole file still asks.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { previewStoredFile } from "~/datasets/preview.server";
import { settleDateFormats } from "~/ingest/date-settle.server";
import { SAMPLE_BYTES } from "~/ingest/sniff";
import { storeUpload } from "~/ingest/upload.server";
import { rowsOf, setUpIngest } from "./support";

const { db, dir, scope, workspaceId, cliImport, importOk } = setUpIngest("dates");

const ROWS = 4_000;

/** Day and month of row `i`, both ≤ 12 so that dd/mm and mm/dd fit alike. */
const dayOf = (i: number) => (i % 12) + 1;
const monthOf = (i: number) => ((i * 5) % 12) + 1;
const pad = (n: number) => String(n).padStart(2, "0");

/** A sales file of ROWS ambiguous dates (dd/mm/yyyy), then `last` as its final row's date. */
function salesFile(name: string, last: string): string {
  const lines = ["Order No,Customer ID,Date,Amount"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`O${i},C${i % 50},${pad(dayOf(i))}/${pad(monthOf(i))}/2011,${(i % 90) + 10}.50`);
  }
  lines.push(`O${ROWS},C1,${last},99.00`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  // The settling row must lie beyond what the preview reads.
  expect(fs.statSync(file).size).toBeGreaterThan(SAMPLE_BYTES * 1.5);
  return file;
}

describe("date formats settled by the whole file", () => {
  it("imports without asking when only the last row settles the column", async () => {
    const file = salesFile("sales-settled.csv", "13/01/2011");
    const summary = await importOk("transactions", file);
    expect(summary).toMatchObject({
      rows_read: ROWS + 1,
      rows_loaded: ROWS + 1,
      rows_rejected: 0,
      date_formats: { Date: "dd/mm/yyyy" },
      // Line 1 is the header: the last record is on line ROWS + 2.
      date_settled_by: { Date: { format: "dd/mm/yyyy", line: ROWS + 2, value: "13/01/2011" } },
    });
    const stored = rowsOf<{ transaction_key: string; occurred_at: number }>(
      db,
      "transactions",
      workspaceId,
    );
    const byId = new Map(stored.map((row) => [row.transaction_key, row.occurred_at]));
    const isoOf = (id: string) => {
      const value = byId.get(id);
      return value === undefined ? undefined : new Date(value).toISOString().slice(0, 10);
    };
    // Row 1: day 2, month 6 → 2 June, not 6 February.
    expect([isoOf("O0"), isoOf("O1"), isoOf("O7"), isoOf(`O${ROWS}`)]).toEqual([
      "2011-01-01",
      "2011-06-02",
      "2011-12-08",
      "2011-01-13",
    ]);
  });

  it("settles the column on the upload's preview page too, and says by which line", async () => {
    const file = salesFile("sales-preview.csv", "13/01/2011");
    const dataset = await storeUpload(scope, {
      fileName: "sales-preview.csv",
      stream: fs.createReadStream(file),
      uploadedBy: null,
      kind: "transactions",
    });
    const preview = await previewStoredFile(scope, dataset, {});
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.dateColumns.Date).toEqual({
      status: "detected",
      format: "dd/mm/yyyy",
      hasTime: false,
      invalidSamples: [],
      settledBy: { line: ROWS + 2, value: "13/01/2011" },
    });
    expect(preview.rowSettings.dateFormats).toEqual({ Date: "dd/mm/yyyy" });
  });

  it("still asks when the whole file fits several formats", async () => {
    const file = salesFile("sales-ambiguous.csv", "12/12/2011");
    const result = await cliImport("transactions", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Choose the date format: column "Date" fits dd/mm/yyyy and mm/dd/yyyy.',
    );
    expect(result.stderr).toContain('--date-format "Date=dd/mm/yyyy"');
  });

  it("stops at the time bound and leaves the column to the user", async () => {
    const file = salesFile("sales-slow.csv", "13/01/2011");
    let tick = 0;
    // A clock that moves a minute per reading: the first batch already runs out of time.
    const result = await settleDateFormats(
      file,
      { encoding: "utf-8", delimiter: ",", quote: '"' },
      [{ column: "Date", candidates: ["dd/mm/yyyy", "mm/dd/yyyy"] }],
      { maxBytes: 200 * 1024 ** 2, maxMs: 30_000, now: () => (tick += 60_000), batchSize: 500 },
    );
    expect(result).toEqual({ settled: {}, stoppedBy: "time" });
    const untimed = await settleDateFormats(
      file,
      { encoding: "utf-8", delimiter: ",", quote: '"' },
      [{ column: "Date", candidates: ["dd/mm/yyyy", "mm/dd/yyyy"] }],
      { maxBytes: 200 * 1024 ** 2, maxMs: 30_000, now: () => 0, batchSize: 500 },
    );
    expect(untimed).toEqual({
      settled: { Date: { format: "dd/mm/yyyy", line: ROWS + 2, value: "13/01/2011" } },
      stoppedBy: "settled",
    });
  });
});
