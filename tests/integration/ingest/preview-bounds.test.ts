/**
 * The preview of a stored upload, through the dataset page's loader: a file whose first
 * line is 50 MB, or which has 5,000 columns, gives a small answer from a bounded read, and
 * records that span lines are marked with their lines (issue 9, point 5).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { datasets } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { choicesFrom } from "~/datasets/preview.server";
import type { DatasetKind } from "~/ingest/kinds";
import { MAX_PREVIEW_COLUMNS } from "~/ingest/preview";
import { SAMPLE_BYTES } from "~/ingest/sniff";
import { storeUpload } from "~/ingest/upload.server";
import * as datasetPage from "~/routes/w.$workspace.data.$dataset";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { english } from "../../helpers/english";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { fixture } from "./support";

const { db } = setUpTestDb();
const slug = "previews";
let cookie = "";
let scope: ReturnType<typeof scopeTo>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-bounds-"));

beforeAll(async () => {
  const owner = await createUser({ email: "p@p.test", name: "P", password: "long enough pw" });
  scope = scopeTo(db, createWorkspace({ slug, name: "Previews" }, owner).id);
  cookie = await cookieFor(owner.id);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function stored(file: string, kind: DatasetKind = "customers") {
  const dataset = await storeUpload(scope, {
    fileName: path.basename(file),
    stream: fs.createReadStream(file),
    uploadedBy: null,
    kind,
  });
  return dataset.id;
}

/** Bytes read from `file` through file handles (how samples are read) while `run` runs. */
async function bytesReadFrom(file: string, run: () => Promise<unknown>) {
  let bytes = 0;
  const streams = vi.spyOn(fs, "createReadStream");
  const open = fs.promises.open.bind(fs.promises);
  vi.spyOn(fs.promises, "open").mockImplementation(async (...args) => {
    const handle = await open(...(args as Parameters<typeof open>));
    const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
    (handle as unknown as { read: unknown }).read = async (...readArgs: unknown[]) => {
      const result = await read(...readArgs);
      bytes += result.bytesRead;
      return result;
    };
    return handle;
  });
  const result = await run();
  const streamed = streams.mock.calls.filter(([target]) => String(target) === file).length;
  return { result, bytes, streamed };
}

async function loadPage(datasetId: number) {
  const request = requestAs(cookie, `/w/${slug}/data/${datasetId}`);
  const { status, body } = await settle(() =>
    datasetPage.loader({
      request,
      params: { workspace: slug, dataset: String(datasetId) },
      context: { clientAddress: "127.0.0.1" },
    }),
  );
  expect(english(status)).toBe(200);
  return body as Awaited<ReturnType<typeof datasetPage.loader>>;
}

describe("the dataset page's preview", () => {
  it("refuses a 50 MB first line with a message, from one sample's read", async () => {
    const file = path.join(dir, "one-line.csv");
    const out = fs.openSync(file, "w");
    const block = Buffer.from("x,".repeat(512 * 1024));
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length)
      fs.writeSync(out, block);
    fs.closeSync(out);
    const id = await stored(file);
    const storedPath = scope.select(datasets).find((d) => d.id === id)?.storedPath as string;

    const { result, bytes, streamed } = await bytesReadFrom(storedPath, () => loadPage(id));
    expect(english(bytes)).toBeGreaterThan(0);
    expect(english(bytes)).toBeLessThanOrEqual(SAMPLE_BYTES);
    expect(english(streamed)).toBe(0);
    const page = result as Awaited<ReturnType<typeof loadPage>>;
    expect(english(page.preview)).toMatchObject({ ok: false, code: "unreadable" });
    expect(english(page.preview && !page.preview.ok && page.preview.message)).toContain(
      "The first line is longer than 64 KiB",
    );
    expect(english(JSON.stringify(page).length)).toBeLessThan(10_000);
  });

  it("shows 50 of 5,000 columns, cut cells, and a small answer", async () => {
    const headers = ["customer_id", ...Array.from({ length: 4_999 }, (_, i) => `c${i}`)];
    const row = (n: number) =>
      [`C-${n}`, "y".repeat(500), ...Array.from({ length: 4_998 }, () => "1")].join(",");
    const file = path.join(dir, "wide.csv");
    fs.writeFileSync(file, `${headers.join(",")}\n${row(1)}\n${row(2)}\n`);
    const id = await stored(file);
    const page = await loadPage(id);
    const preview = page.preview;
    if (!preview?.ok) throw new Error(`no preview: ${JSON.stringify(preview)}`);
    expect(english(preview.columnCount)).toBe(5_000);
    expect(english(preview.headers)).toHaveLength(MAX_PREVIEW_COLUMNS);
    expect(english(preview.rows[0])).toHaveLength(MAX_PREVIEW_COLUMNS);
    expect(english(preview.rows[0]?.[1])).toBe(`${"y".repeat(200)}…`);
    expect(english(Object.keys(preview.mapping))).toHaveLength(MAX_PREVIEW_COLUMNS);
    expect(english(preview.omitted)).toEqual([
      "Showing 50 of 5,000 columns; the others keep the fields proposed for them.",
      "2 cell(s) are longer than 200 characters and are shown cut (…).",
    ]);
    expect(english(JSON.stringify(page).length)).toBeLessThan(200_000);
  });

  it("marks records whose quoted fields span lines with their lines", async () => {
    const page = await loadPage(await stored(fixture("csv/quoted-newlines-lf.csv")));
    const preview = page.preview;
    if (!preview?.ok) throw new Error("no preview");
    expect(english(preview.rowLines)).toEqual([
      { first: 2, last: 3 },
      { first: 4, last: 6 },
      { first: 7, last: 8 },
      { first: 9, last: 9 },
      { first: 10, last: 11 },
    ]);
    expect(english(preview.rows[1]?.[3])).toBe("Prefers email\nnot SMS\nsince 2023");
  });
});

describe("choicesFrom", () => {
  it("keeps the proposed field of a column the page did not show", () => {
    const form = new FormData();
    form.set("map:0", "external_id");
    form.set("map:1", "");
    const { mapping } = choicesFrom(form, ["id", "note", "e-mail"], { "e-mail": "email" });
    expect(english(mapping)).toEqual({ id: "external_id", note: null, "e-mail": "email" });
  });
});
