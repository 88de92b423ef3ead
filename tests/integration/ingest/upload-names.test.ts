/**
 * Issue 9, point 5: any file name a browser sends is accepted by the upload route and kept
 * as the dataset's name, while the stored file is named at random. The bodies are written
 * by hand, byte for byte as browsers (and curl) send them.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { headerParameters, uploadedFileName } from "~/ingest/multipart.server";
import * as dataPage from "~/routes/w.$workspace.data._index";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { english } from "../../helpers/english";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";

const { db } = setUpTestDb();
const params = { workspace: "names" };
let cookie = "";
let scope: ReturnType<typeof scopeTo>;

beforeAll(async () => {
  const owner = await createUser({ email: "n@n.test", name: "N", password: "long enough pw" });
  scope = scopeTo(db, createWorkspace({ slug: params.workspace, name: "Names" }, owner).id);
  cookie = await cookieFor(owner.id);
});

const BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
const CSV = "code,name,price\nP1,Tea,1.00\nP2,Cup,2.50\n";

/** A form with the kind and one file whose Content-Disposition parameters are `filePart`. */
function body(filePart: string, content = CSV): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nproducts\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ${filePart}\r\n` +
        "Content-Type: text/csv\r\n\r\n",
      "utf8",
    ),
    Buffer.from(content, "utf8"),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/** The body in chunks of `size` bytes, so that boundaries fall across chunks. */
function chunked(bytes: Buffer, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(at, at + size)));
      at += size;
    },
  });
}

async function post(payload: Buffer | ReadableStream<Uint8Array>) {
  const request = requestAs(cookie, `/w/${params.workspace}/data`, {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: payload,
    duplex: "half",
  } as RequestInit);
  return settle(() =>
    dataPage.action({ request, params, context: { clientAddress: "127.0.0.1" } }),
  );
}

function lastDataset() {
  const all = scope.select(schema.datasets);
  return all[all.length - 1];
}

describe("upload file names", () => {
  it.each([
    ['filename="sales=2025.csv"', "sales=2025.csv"],
    ['filename="a;b.csv"', "a;b.csv"],
    ['filename="a; filename=b.csv"', "a; filename=b.csv"],
    // Browsers write a quote in a name as %22 (HTML's form encoding).
    ['filename="%22quoted%22 report.csv"', '"quoted" report.csv'],
    // curl writes it as \" instead.
    ['filename="say \\"hi\\".csv"', 'say "hi".csv'],
    ['filename="müşteriler.csv"', "müşteriler.csv"],
    ['filename="отчёт.csv"', "отчёт.csv"],
    ["filename=plain.csv", "plain.csv"],
    [
      `filename="fallback.csv"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%E2%84%962.csv`,
      "отчёт №2.csv",
    ],
    ['filename="C:\\fakepath\\100% sales.csv"', "100% sales.csv"],
  ])("accepts %s and keeps the name %j", async (disposition, expected) => {
    const { status, body: response } = await post(body(disposition));
    expect(status).toBe(302);
    const dataset = lastDataset();
    expect(dataset).toMatchObject({ kind: "products", fileName: expected, status: "uploaded" });
    expect((response as Response).headers.get("Location")).toBe(
      `/w/${params.workspace}/data/${dataset?.id}`,
    );
    // Stored under a random name in the workspace's folder, never under the user's.
    const stored = dataset?.storedPath as string;
    expect(path.basename(stored)).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(stored, "utf8")).toBe(CSV);
  });

  it("reads a body that arrives in small chunks, boundary split across them", async () => {
    const content = `${CSV}P3,"Line\r\n--almost a boundary",3.00\n`;
    const { status } = await post(chunked(body('filename="chunks=1;2.csv"', content), 7));
    expect(status).toBe(302);
    const dataset = lastDataset();
    expect(dataset?.fileName).toBe("chunks=1;2.csv");
    expect(fs.readFileSync(dataset?.storedPath as string, "utf8")).toBe(content);
  });

  it("refuses a body that ends before the form does, storing nothing", async () => {
    const before = scope.select(schema.datasets).length;
    const whole = body('filename="cut.csv"');
    // Cut inside the file's bytes, before its closing boundary.
    const cut = whole.subarray(0, whole.length - BOUNDARY.length - 12);
    const { status, body: response } = await post(cut);
    expect(status).toBe(400);
    expect(english(response)).toEqual({
      error: "The upload failed: The upload ended before the file did",
    });
    expect(scope.select(schema.datasets)).toHaveLength(before);
  });
});

describe("header parameters", () => {
  it("reads quoted values with ; and = inside, and drops folders from names", () => {
    expect(headerParameters('; name="file"; filename="a;b=c.csv"')).toEqual({
      name: "file",
      filename: "a;b=c.csv",
    });
    // A name ending in a backslash: the quote after it still closes the value.
    expect(headerParameters('; name="file"; filename="odd\\"; x=1')).toEqual({
      name: "file",
      filename: "odd\\",
      x: "1",
    });
    expect(uploadedFileName("/home/u/data/x.csv")).toBe("x.csv");
    expect(uploadedFileName("a\u0000b\u001f.csv")).toBe("ab.csv");
  });
});
