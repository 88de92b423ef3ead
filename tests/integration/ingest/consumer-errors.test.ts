/**
 * An error thrown while a batch is consumed reaches the caller as itself, even when the
 * parser still holds batches: before, `pipeline` reported the AbortError of destroying the
 * parser instead, and a file the loader refused read as "the import was stopped".
 */

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { FileProblem, loadFile } from "~/ingest/batch-loader.server";
import { readRecordBatches } from "~/ingest/csv-reader.server";
import type { CsvSettings } from "~/ingest/settings";
import { storeUpload } from "~/ingest/upload.server";
import { english } from "../../helpers/english";
import { setUpIngest } from "./support";

const { db, dir, workspaceId, scope } = setUpIngest();

const settings: CsvSettings = {
  encoding: "utf-8",
  bom: false,
  delimiter: ",",
  quote: '"',
  decimalMark: ".",
};

/** A products file of `rows` rows after its header. */
function productsFile(name: string, rows: number): string {
  const lines = ["code,name,price"];
  for (let index = 1; index <= rows; index++) lines.push(`P${index},Product ${index},${index}`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("an error while consuming a batch", () => {
  it("is the error readRecordBatches rejects with, whatever the parser still holds", async () => {
    const file = productsFile("many-batches.csv", 40);
    const refused = new Error("refused by the consumer");
    let calls = 0;
    const reading = readRecordBatches(file, settings, { batchSize: 2 }, () => {
      calls += 1;
      throw refused;
    });
    await expect(english(reading)).rejects.toBe(refused);
    expect(english(calls)).toBe(1);
  });

  it("an abort still rejects with the AbortError carrying the reason", async () => {
    const file = productsFile("aborted.csv", 40);
    const controller = new AbortController();
    const reading = readRecordBatches(
      file,
      settings,
      { batchSize: 2, signal: controller.signal },
      () => controller.abort(new Error("stopped by hand")),
    );
    await expect(english(reading)).rejects.toMatchObject({
      name: "AbortError",
      cause: new Error("stopped by hand"),
    });
  });

  it("a mapping that does not fit a multi-batch file is a FileProblem, not an abort", async () => {
    const file = productsFile("unmapped.csv", 40);
    const dataset = await storeUpload(scope, {
      fileName: "unmapped.csv",
      stream: fs.createReadStream(file),
      uploadedBy: null,
      kind: "products",
    });
    const loading = loadFile({
      scope: scopeTo(db, workspaceId),
      datasetId: dataset.id,
      kind: "products",
      file,
      fileBytes: fs.statSync(file).size,
      settings,
      // No column is mapped to the required code.
      mapping: { name: "name", price: "price" },
      rowSettings: { decimalMark: "." },
      defaultSource: "test",
      batchSize: 2,
    });
    await expect(english(loading)).rejects.toBeInstanceOf(FileProblem);
    await expect(english(loading)).rejects.toThrow(
      "The columns do not fit products: Map a column to code.",
    );
  });
});
