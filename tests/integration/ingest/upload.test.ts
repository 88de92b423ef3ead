/** Uploads: streamed to the workspace's upload folder, gzip and ZIP unpacked, size capped. */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { readSample, storeUpload, uploadDir } from "~/ingest/upload.server";
import { english } from "../../helpers/english";
import { countOf, fixture, rowsOf, setUpIngest } from "./support";

const { db, scope, workspaceId, cliImport, importOk } = setUpIngest();
const products = fs.readFileSync(fixture("csv/delimiter-comma.csv"));

afterEach(() => {
  delete process.env.UPLOAD_MAX_BYTES;
});

function upload(fileName: string, stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream) {
  return storeUpload(scope, { fileName, stream, uploadedBy: null, kind: "products" });
}

describe("storeUpload", () => {
  it("streams a web ReadableStream to a random name in the workspace folder", async () => {
    const stream = new Blob([products]).stream();
    const dataset = await upload("../../etc/passwd.csv", stream);
    expect(english(dataset)).toMatchObject({
      kind: "products",
      fileName: "../../etc/passwd.csv",
      status: "uploaded",
      fileBytes: products.length,
    });
    const stored = dataset.storedPath as string;
    expect(english(path.dirname(stored))).toBe(uploadDir(workspaceId));
    expect(english(path.basename(stored))).toMatch(/^[0-9a-f]{32}$/);
    expect(english(fs.readFileSync(stored))).toEqual(products);
    expect(english(await readSample(stored, 10))).toEqual(products.subarray(0, 10));
    // Customer data: readable by the app's user only.
    expect(english(fs.statSync(stored).mode & 0o777)).toBe(0o600);
    expect(english(fs.statSync(uploadDir(workspaceId)).mode & 0o777)).toBe(0o700);
  });

  it("refuses a file over the limit, naming the limit, and keeps nothing", async () => {
    process.env.UPLOAD_MAX_BYTES = "100";
    const before = fs.readdirSync(uploadDir(workspaceId)).length;
    await expect(english(upload("big.csv", Readable.from([products, products])))).rejects.toThrow(
      "The file is larger than the upload limit of 100 bytes (UPLOAD_MAX_BYTES).",
    );
    expect(english(fs.readdirSync(uploadDir(workspaceId)))).toHaveLength(before);
    expect(english(countOf(db, "datasets", workspaceId))).toBe(1);
  });

  it("applies the limit to the unpacked size of an archive", async () => {
    await expect(
      english(
        storeUpload(scope, {
          fileName: "products.csv.gz",
          stream: fs.createReadStream(fixture("ingest/products.csv.gz")),
          uploadedBy: null,
          kind: "products",
          maxBytes: products.length - 1,
        }),
      ),
    ).rejects.toThrow("upload limit of");
  });
});

describe("compressed uploads through the import command", () => {
  it("a gzip file is unpacked and named without .gz", async () => {
    const summary = await importOk("products", fixture("ingest/products.csv.gz"));
    expect(english(summary)).toMatchObject({ rows_new: 3 });
    expect(english(rowsOf(db, "datasets", workspaceId).at(-1))).toMatchObject({
      file_name: "products.csv",
      file_bytes: products.length,
    });
  });

  it("a ZIP with one CSV (and macOS clutter) is unpacked", async () => {
    const summary = await importOk("products", fixture("ingest/products.zip"));
    expect(english(summary)).toMatchObject({ rows_loaded: 3, rows_unchanged: 3 });
    expect(english(rowsOf(db, "datasets", workspaceId).at(-1))).toMatchObject({
      file_name: "products.csv",
    });
  });

  it("a ZIP with several CSV files, or none, is refused", async () => {
    const two = await cliImport("products", fixture("ingest/two-csvs.zip"));
    expect(english(two.code)).toBe(1);
    expect(english(two.stderr)).toContain(
      "two-csvs.zip: The ZIP archive holds 2 CSV files (a.csv, b.csv); upload one file at a time.",
    );
    const many = await cliImport("products", fixture("ingest/many-entries.zip"));
    expect(english(many.stderr)).toContain(
      "many-entries.zip: The ZIP archive holds 1,001 entries (at most 1,000); upload the CSV file itself, or a ZIP with just that file.",
    );
    const none = await cliImport("products", fixture("ingest/no-csv.zip"));
    expect(english(none.stderr)).toContain("no-csv.zip: The ZIP archive holds no CSV file.");
  });

  it("an Excel workbook is named as such", async () => {
    const workbook = await cliImport("products", fixture("csv/not-csv.xlsx"));
    expect(english(workbook.code)).toBe(1);
    expect(english(workbook.stderr)).toContain(
      "not-csv.xlsx: This file is an Excel workbook (.xlsx)",
    );
  });
});
