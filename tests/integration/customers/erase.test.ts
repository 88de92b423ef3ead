import fs from "node:fs";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import {
  CustomerNotFoundError,
  eraseCustomer,
  findCustomerByExternalId,
} from "~/customers/erase.server";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { truncateWal } from "~/customers/truncate-wal.server";
import { setUpTestDb } from "../../helpers/test-db";
import { allTextValues, createDataset, createWorkspace, customerRow } from "./support";

const { db, file } = setUpTestDb();

const ali = {
  email: "ali.yilmaz@example.com",
  phoneE164: "+905321234567",
  phoneDigits: "5321234567",
  name: "Ali Yılmaz",
  ids: ["ALI-WEB-1", "OFF-7781"],
};

function seed(slug: string) {
  const { workspaceId, scope } = createWorkspace(db, slug);
  const dataset = createDataset(db, workspaceId);
  const sales = scope.insert(schema.datasets, { kind: "transactions", fileName: "sales.csv" }).id;
  upsertCustomerBatch(
    scopeTo(db, workspaceId),
    dataset,
    [
      customerRow({
        external_id: "ALI-WEB-1",
        name: "Ali Yılmaz",
        email: "Ali.Yilmaz@Example.com",
        phone: "+90 532 123 45 67",
      }),
      customerRow({
        external_id: "AYSE-WEB-2",
        name: "Ayşe Demir",
        email: "ayse.demir@example.com",
        phone: "05329876543",
      }),
    ],
    "online",
  );
  upsertCustomerBatch(
    scopeTo(db, workspaceId),
    dataset,
    [customerRow({ external_id: "OFF-7781", name: "ALİ YILMAZ", phone: "0532 123 45 67" })],
    "offline",
  );
  const idOf = (externalId: string) => findCustomerByExternalId(scope, externalId) ?? 0;
  const sale = (key: string, customerExternalId: string, customerId: number | null) =>
    scope.insert(schema.transactions, {
      datasetId: sales,
      transactionKey: key,
      customerExternalId,
      customerId,
      occurredAt: new Date("2024-04-01T10:00:00Z"),
      amount: 100,
    });
  sale("T1", "ALI-WEB-1", idOf("ALI-WEB-1"));
  sale("T2", "OFF-7781", null); // not linked yet: found by the offline id
  sale("T3", "AYSE-WEB-2", idOf("AYSE-WEB-2"));
  // Messages sent to him under both of his ids, and one to Ayşe that stays.
  const sent = (responseKey: string, customerExternalId: string) =>
    scope.insert(schema.responses, {
      responseKey,
      customerExternalId,
      channel: "sms",
      sentAt: new Date("2024-04-02T09:00:00Z"),
      converted: false,
      rowHash: responseKey,
    });
  sent("M1", "ALI-WEB-1");
  sent("M2", "OFF-7781");
  sent("M3", "AYSE-WEB-2");
  const reject = (datasetId: number, line: number, column: string, reason: string, raw: string) =>
    scope.insert(schema.rejectedRows, { datasetId, lineNumber: line, column, reason, raw });
  reject(dataset, 5, "birth_year", "1890 is not a year", "OFF-9,Ali Yılmaz,,0532 123 45 67,1890");
  reject(sales, 8, "amount", '"abc" is not a number', "T9;OFF-7781;2024-04-02;abc");
  reject(dataset, 9, "income", '"çok" is not a number', "X-1,,ALI.YILMAZ@EXAMPLE.COM,çok");
  reject(dataset, 11, "email", 'e-mail "ayse@" is not valid', "AYSE-3,Ayşe Demir,ayse@");
  // Free text elsewhere that quotes him: an import error, a job result, an old audit entry.
  scope.update(
    schema.datasets,
    { error: `Line 3: phone "0532 123 45 67" is not valid` },
    eq(schema.datasets.id, dataset),
  );
  scope.insert(schema.jobs, {
    kind: "import",
    payload: { datasetId: dataset },
    runAt: new Date(),
    result: { firstProblem: `e-mail ${ali.email} taken` },
  });
  scope.insert(schema.auditLog, {
    action: "customer.viewed",
    target: "customer:ALI-WEB-1",
    details: { name: "Ali Yılmaz" },
  });
  return { workspaceId, scope, aliId: idOf("ALI-WEB-1"), ayseId: idOf("AYSE-WEB-2") };
}

/** The database file and its write-ahead log, byte for byte. */
function fileBytes(): { db: Buffer; wal: Buffer } {
  const wal = `${file}-wal`;
  return {
    db: fs.readFileSync(file),
    wal: fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.of(),
  };
}

function traces(texts: { place: string; text: string }[]) {
  const needles = [
    ali.email,
    ali.phoneE164,
    "ali yılmaz",
    "ali yilmaz",
    "ALİ YILMAZ".toLowerCase(),
    ...ali.ids.map((id) => id.toLowerCase()),
  ];
  return texts.filter(({ text }) => {
    const lower = text.toLowerCase();
    return (
      needles.some((n) => lower.includes(n)) || text.replace(/\D/g, "").includes(ali.phoneDigits)
    );
  });
}

describe("erasing a customer", () => {
  it("removes the person from every table and leaves nothing of them in the file", () => {
    const { workspaceId, scope, aliId, ayseId } = seed("erase");
    expect(aliId).not.toBe(ayseId);
    expect(traces(allTextValues(db)).length).toBeGreaterThan(5);

    const result = eraseCustomer(scopeTo(db, workspaceId), { externalId: "OFF-7781" }, null);
    expect(result.removed).toEqual({
      customers: 1,
      customer_sources: 2,
      transactions: 2,
      responses: 2,
      rejected_rows: 3,
      cell_warnings: 0,
      stored_uploads: 0,
    });
    expect(result.redacted).toBe(4); // dataset error, job result, audit target and details
    expect(result.walCheckpointed).toBe(true);

    expect(traces(allTextValues(db))).toEqual([]);
    // secure_delete and the WAL truncation leave no copy in freed pages either.
    const { db: dbBytes, wal } = fileBytes();
    expect(wal.length).toBe(0); // truncated
    const bytes = Buffer.concat([dbBytes, wal]);
    expect(bytes.includes(Buffer.from(ali.email))).toBe(false);
    expect(bytes.includes(Buffer.from("ALI-WEB-1"))).toBe(false);

    const entry = scope.select(schema.auditLog).find((e) => e.action === "customer.erased");
    expect(entry?.target).toBe(`customer:${aliId}`);
    expect(entry?.details).toEqual({ removed: result.removed, redacted: 4 });
    expect(traces([{ place: "audit", text: JSON.stringify(entry) }])).toEqual([]);
  });

  it("says so when a reader keeps the log from being emptied, until a later checkpoint", () => {
    const { scope, aliId } = seed("erase-reader");
    // Another connection in the middle of a read, from before the erasure: the app's web
    // process while the CLI erases, or the worker.
    const reader = new Database(file, { readonly: true });
    const countHere = () =>
      reader
        .prepare("SELECT count(*) AS n FROM customers WHERE workspace_id = ?")
        .pluck()
        .get(scope.workspaceId);
    try {
      reader.exec("BEGIN");
      expect(countHere()).toBe(2);
      const result = eraseCustomer(scope, { customerId: aliId });
      expect(result.walCheckpointed).toBe(false);
      // Each attempt waited briefly instead of the app's 15 s, which is back afterwards.
      expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(15_000);
      expect(result.removed.customers).toBe(1);
      const entry = scope.select(schema.auditLog).find((e) => e.action === "customer.erased");
      expect(entry?.details).toEqual({
        removed: result.removed,
        redacted: result.redacted,
        walCheckpointed: false,
      });
      // The reason it is reported: the log still holds the pages as they were.
      expect(fileBytes().wal.includes(Buffer.from(ali.email))).toBe(true);
      // The reader still sees its snapshot, which is why SQLite kept those frames.
      expect(countHere()).toBe(2);
    } finally {
      reader.close();
    }
    // Once the reader is gone, the checkpoint an operator runs later completes, and the
    // deletion's zeroed pages (secure_delete) replace every copy in the file.
    expect(truncateWal(db.$client)).toBe(true);
    const { db: dbBytes, wal } = fileBytes();
    expect(wal.length).toBe(0);
    expect(dbBytes.includes(Buffer.from(ali.email))).toBe(false);
    expect(traces(allTextValues(db))).toEqual([]);
  });

  it("leaves the other person whole", () => {
    const { scope, ayseId } = seed("erase-other");
    eraseCustomer(scope, { externalId: "ALI-WEB-1" });
    expect(scope.select(schema.customers).map((c) => c.id)).toEqual([ayseId]);
    expect(scope.select(schema.customers)[0]).toMatchObject({
      name: "Ayşe Demir",
      email: "ayse.demir@example.com",
      phone: "+905329876543",
    });
    expect(scope.select(schema.customerSources).map((s) => s.externalId)).toEqual(["AYSE-WEB-2"]);
    expect(scope.select(schema.transactions).map((t) => t.transactionKey)).toEqual(["T3"]);
    expect(scope.select(schema.rejectedRows).map((r) => r.raw)).toEqual([
      "AYSE-3,Ayşe Demir,ayse@",
    ]);
  });

  it("erases by internal id, touches no other workspace, and says when no one matches", () => {
    const first = seed("erase-a");
    const second = seed("erase-b");
    eraseCustomer(scopeTo(db, first.workspaceId), { customerId: first.aliId });
    expect(findCustomerByExternalId(second.scope, "ALI-WEB-1")).toBe(second.aliId);
    expect(second.scope.select(schema.rejectedRows)).toHaveLength(4);
    // Internal ids of another workspace are not found here.
    expect(() =>
      eraseCustomer(scopeTo(db, first.workspaceId), { customerId: second.aliId }),
    ).toThrow(CustomerNotFoundError);
    expect(() => eraseCustomer(scopeTo(db, first.workspaceId), { externalId: "NOPE" })).toThrow(
      CustomerNotFoundError,
    );
  });

  it("refuses an id that names two people in different sources", () => {
    const { workspaceId } = createWorkspace(db, "erase-ambiguous");
    const dataset = createDataset(db, workspaceId);
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "42", email: "a@example.test" })],
      "online",
    );
    upsertCustomerBatch(
      scopeTo(db, workspaceId),
      dataset,
      [customerRow({ external_id: "42", email: "b@example.test" })],
      "offline",
    );
    expect(() => eraseCustomer(scopeTo(db, workspaceId), { externalId: "42" })).toThrow(
      /2 different profiles/,
    );
    expect(scopeTo(db, workspaceId).select(schema.customers)).toHaveLength(2);
  });
});
