/**
 * Order-line exports (one row per invoice line, the invoice number repeating on each):
 * every line is stored under its order id and position, re-imports and corrected
 * re-exports count lines exactly, rows of one file never merge on a repeated key (any
 * kind), and a row a later dataset also holds survives deleting the earlier dataset.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { deleteDataset, getDataset } from "~/datasets/queries.server";
import { rowSharingOf, rowsHeldElsewhere } from "~/datasets/rows-held-elsewhere.server";
import { english } from "../../helpers/english";
import { countOf, setUpIngest } from "./support";

const { db, dir, scope, workspaceId, importOk } = setUpIngest();
const user = db
  .insert(users)
  .values({ email: "lead@example.com", name: "Lead", passwordHash: "x" })
  .returning()
  .get();

const HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

interface Line {
  invoice: string;
  code: string;
  quantity: number;
  /** Unit price in cents, so expected sums are exact integers. */
  cents: number;
  customer: string;
  minute: number;
}

/** A deterministic retail export: orders of 1–5 lines, every seventh one cancelled. */
function invoiceLines(orders: number): Line[] {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const lines: Line[] = [];
  for (let order = 0; order < orders; order++) {
    const cancelled = order % 7 === 6;
    const invoice = `${cancelled ? "C" : ""}${536365 + order}`;
    const count = 1 + next(5);
    const customer = order % 5 === 4 ? "" : String(17850 + next(40));
    for (let line = 0; line < count; line++) {
      const quantity = (1 + next(12)) * (cancelled ? -1 : 1);
      // Some orders hold the same product twice, as real exports do: still two lines.
      const code = `85${100 + next(8)}`;
      lines.push({ invoice, code, quantity, cents: 25 + next(2000), customer, minute: order });
    }
  }
  return lines;
}

function priceOf(cents: number): string {
  return (cents / 100).toFixed(2);
}

function csvOf(lines: Line[]): string {
  const rows = lines.map((line) => {
    const when = new Date(Date.UTC(2010, 11, 1, 8, line.minute)).toISOString();
    const stamp = `${when.slice(0, 10)} ${when.slice(11, 19)}`;
    return [
      line.invoice,
      line.code,
      `"ITEM ${line.code}, BOXED"`,
      line.quantity,
      stamp,
      priceOf(line.cents),
      line.customer,
      "United Kingdom",
    ].join(",");
  });
  return `${HEADER}\n${rows.join("\n")}\n`;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function query<T>(sql: string, ...params: unknown[]): T {
  return db.$client.prepare(sql).get(workspaceId, ...params) as T;
}

function rejectedOf(datasetId: number) {
  return db.$client
    .prepare(
      `SELECT line_number, "column", reason FROM rejected_rows
       WHERE dataset_id = ? ORDER BY line_number`,
    )
    .all(datasetId);
}

const lines = invoiceLines(300);
const orders = new Set(lines.map((line) => line.invoice));
const expectedCents = lines.reduce((sum, line) => sum + line.quantity * line.cents, 0);
const cancelledLines = lines.filter((line) => line.invoice.startsWith("C")).length;

describe("an invoice-line export", () => {
  let first: Awaited<ReturnType<typeof importOk>>;

  it("stores one transaction per line, under its order id", async () => {
    expect(english(orders.size)).toBe(300);
    expect(english(lines.length)).toBeGreaterThan(600);
    first = await importOk("transactions", write("online-retail.csv", csvOf(lines)));
    expect(english(first)).toMatchObject({
      rows_read: lines.length,
      rows_loaded: lines.length,
      rows_rejected: 0,
      rows_duplicate_key: 0,
      rows_new: lines.length,
      rows_updated: 0,
      rows_unchanged: 0,
    });
    expect(english(getDataset(scope, first.dataset_id)?.mapping)).toMatchObject({
      InvoiceNo: "order_id",
      Quantity: "quantity",
      UnitPrice: "unit_price",
      InvoiceDate: "occurred_at",
      CustomerID: "customer_external_id",
    });
    const stored = query<{ rows: number; orders: number; cents: number; returns: number }>(
      `SELECT count(*) AS rows, count(DISTINCT order_id) AS orders,
              sum(round(amount * 100)) AS cents, sum(is_return) AS returns
       FROM transactions WHERE workspace_id = ?`,
    );
    expect(english(stored)).toEqual({
      rows: lines.length,
      orders: 300,
      cents: expectedCents,
      returns: cancelledLines,
    });
    // Cancellations are returns: both quantity and amount negative.
    const cancelled = query<{ positive: number }>(
      `SELECT count(*) AS positive FROM transactions
       WHERE workspace_id = ? AND order_id LIKE 'C%' AND (quantity >= 0 OR amount >= 0)`,
    );
    expect(english(cancelled.positive)).toBe(0);
    // The order's first line is keyed by the order id, its n-th `order#n`, in file order.
    const firstOrder = lines.filter((line) => line.invoice === lines[0]?.invoice);
    const keys = db.$client
      .prepare(
        "SELECT transaction_key, quantity FROM transactions WHERE workspace_id = ? AND order_id = ? ORDER BY id",
      )
      .all(workspaceId, lines[0]?.invoice);
    expect(english(keys)).toEqual(
      firstOrder.map((line, index) => ({
        transaction_key: index === 0 ? line.invoice : `${line.invoice}#${index + 1}`,
        quantity: line.quantity,
      })),
    );
  });

  it("imported again: every line unchanged, and the lines are the new dataset's", async () => {
    const again = await importOk("transactions", write("online-retail-2.csv", csvOf(lines)));
    expect(english(again)).toMatchObject({
      rows_loaded: lines.length,
      rows_new: 0,
      rows_updated: 0,
      rows_unchanged: lines.length,
    });
    expect(english(countOf(db, "transactions", workspaceId))).toBe(lines.length);
    const owners = db.$client
      .prepare("SELECT DISTINCT dataset_id FROM transactions WHERE workspace_id = ?")
      .pluck()
      .all(workspaceId);
    expect(english(owners)).toEqual([again.dataset_id]);
    // The first dataset's page: all of its rows are held by the later import now.
    const firstDataset = getDataset(scope, first.dataset_id);
    expect(english(firstDataset && rowSharingOf(scope, firstDataset))).toEqual({
      heldElsewhere: lines.length,
      duplicateKeys: 0,
    });

    // Deleting the first dataset keeps every line: the second one holds them.
    expect(english(deleteDataset(scope, first.dataset_id, user.id))).toBe(true);
    expect(english(countOf(db, "transactions", workspaceId))).toBe(lines.length);
    const second = getDataset(scope, again.dataset_id);
    expect(english(second?.rowsLoaded)).toBe(lines.length);
    expect(english(second && rowsHeldElsewhere(scope, second))).toBe(0);
    const cents = query<{ cents: number }>(
      "SELECT sum(round(amount * 100)) AS cents FROM transactions WHERE workspace_id = ?",
    );
    expect(english(cents.cents)).toBe(expectedCents);
  });

  it("a corrected re-export: the changed line updated, an added line new, nothing merged", async () => {
    const corrected = lines.map((line) => ({ ...line }));
    const changed = corrected[10] as Line;
    changed.cents += 100;
    // A line added at the end of the export, to the third order.
    const third = [...orders][2] as string;
    const template = corrected.find((line) => line.invoice === third) as Line;
    corrected.push({ ...template, code: "99999", quantity: 2, cents: 150 });
    const summary = await importOk(
      "transactions",
      write("online-retail-fixed.csv", csvOf(corrected)),
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: lines.length + 1,
      rows_new: 1,
      rows_updated: 1,
      rows_unchanged: lines.length - 1,
    });
    expect(english(countOf(db, "transactions", workspaceId))).toBe(lines.length + 1);
    const added = query<{ transaction_key: string; amount: number }>(
      `SELECT transaction_key, amount FROM transactions
       WHERE workspace_id = ? AND product_code = '99999'`,
    );
    const linesOfThird = lines.filter((line) => line.invoice === third).length;
    const sign = third.startsWith("C") ? -1 : 1;
    expect(english(added)).toEqual({
      transaction_key: `${third}#${linesOfThird + 1}`,
      amount: 3 * sign,
    });
  });
});

describe("order ids in other languages and files with per-line ids", () => {
  it("maps a Turkish `Fatura No` and a Russian `номер чека` to the order id", async () => {
    const turkish = write(
      "satislar.csv",
      "Fatura No;Tarih;Tutar;Müşteri No\nF-1;05.03.2024;10,50;M1\nF-1;05.03.2024;4,50;M1\nF-2;06.03.2024;7,00;M2\n",
    );
    const tr = await importOk("transactions", turkish);
    expect(english(tr)).toMatchObject({ rows_loaded: 3, rows_new: 3 });
    expect(english(getDataset(scope, tr.dataset_id)?.mapping)).toMatchObject({
      "Fatura No": "order_id",
    });
    const russian = write(
      "чеки.csv",
      "номер чека,дата,сумма\nЧ-77,2024-03-05,100.00\nЧ-77,2024-03-05,50.00\n",
    );
    const ru = await importOk("transactions", russian);
    expect(english(ru)).toMatchObject({ rows_loaded: 2, rows_new: 2 });
    expect(english(getDataset(scope, ru.dataset_id)?.mapping)).toMatchObject({
      "номер чека": "order_id",
    });
    const keys = db.$client
      .prepare(
        "SELECT transaction_key, order_id, amount FROM transactions WHERE dataset_id IN (?, ?) ORDER BY id",
      )
      .all(tr.dataset_id, ru.dataset_id);
    expect(english(keys)).toEqual([
      { transaction_key: "F-1", order_id: "F-1", amount: 10.5 },
      { transaction_key: "F-1#2", order_id: "F-1", amount: 4.5 },
      { transaction_key: "F-2", order_id: "F-2", amount: 7 },
      { transaction_key: "Ч-77", order_id: "Ч-77", amount: 100 },
      { transaction_key: "Ч-77#2", order_id: "Ч-77", amount: 50 },
    ]);
  });

  it("keeps today's keys for a unique transaction id and for order ids that never repeat", async () => {
    const byId = await importOk(
      "transactions",
      write(
        "by-id.csv",
        "Transaction ID,Order No,Date,Amount\nX1,O1,2024-01-01,5\nX2,O1,2024-01-02,6\n",
      ),
    );
    const byOrder = await importOk(
      "transactions",
      write("by-order.csv", "Order ID,Date,Amount\nU1,2024-01-01,5\nU2,2024-01-02,6\n"),
    );
    const keys = db.$client
      .prepare(
        "SELECT transaction_key, order_id FROM transactions WHERE dataset_id IN (?, ?) ORDER BY id",
      )
      .all(byId.dataset_id, byOrder.dataset_id);
    expect(english(keys)).toEqual([
      { transaction_key: "X1", order_id: "O1" },
      { transaction_key: "X2", order_id: "O1" },
      { transaction_key: "U1", order_id: "U1" },
      { transaction_key: "U2", order_id: "U2" },
    ]);
  });

  it("a rejected line keeps its place: fixed in a re-export, it is the one new line", async () => {
    const text = (date: string) =>
      `Order No,Date,Amount\nW1,2024-01-01,5\nW1,${date},6\nW1,2024-01-01,7\n`;
    const broken = await importOk("transactions", write("broken.csv", text("2024-13-45")));
    expect(english(broken)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 0,
    });
    const fixed = await importOk("transactions", write("fixed.csv", text("2024-01-01")));
    expect(english(fixed)).toMatchObject({
      rows_loaded: 3,
      rows_new: 1,
      rows_updated: 0,
      rows_unchanged: 2,
    });
    const keys = db.$client
      .prepare(
        "SELECT transaction_key, amount FROM transactions WHERE workspace_id = ? AND order_id = 'W1' ORDER BY transaction_key",
      )
      .all(workspaceId);
    expect(english(keys)).toEqual([
      { transaction_key: "W1", amount: 5 },
      { transaction_key: "W1#2", amount: 6 },
      { transaction_key: "W1#3", amount: 7 },
    ]);
  });

  it("keys lines by a line-number column, and refuses a line number given twice", async () => {
    const summary = await importOk(
      "transactions",
      write(
        "numbered.csv",
        "Order No,Line No,Date,Amount\nN1,1,2024-01-01,5\nN1,2,2024-01-01,6\nN1,2,2024-01-01,7\n",
      ),
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    expect(english(rejectedOf(summary.dataset_id))).toEqual([
      {
        line_number: 4,
        column: "Line No",
        reason: 'line 2 of order "N1" already appeared on line 3 of this file',
      },
    ]);
  });
});

describe("rows of one file sharing a key", () => {
  it("transactions: a repeated transaction id is rejected with the earlier line", async () => {
    const summary = await importOk(
      "transactions",
      write("twice.csv", "txn id,date,amount\nT9,2024-01-01,5\nT8,2024-01-01,6\nT9,2024-01-02,7\n"),
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    expect(english(rejectedOf(summary.dataset_id))).toEqual([
      {
        line_number: 4,
        column: "txn id",
        reason: 'transaction id "T9" already appeared on line 2 of this file',
      },
    ]);
    const dataset = getDataset(scope, summary.dataset_id);
    expect(english(dataset && rowSharingOf(scope, dataset))).toEqual({
      heldElsewhere: 0,
      duplicateKeys: 1,
    });
  });

  it("transactions without any id: an identical second row is rejected, not merged", async () => {
    const summary = await importOk(
      "transactions",
      write("no-id.csv", "date,amount\n2024-02-01,5\n2024-02-01,5\n2024-02-01,6\n"),
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    const [rejected] = rejectedOf(summary.dataset_id) as { reason: string }[];
    expect(english(rejected?.reason)).toBe(
      "the same sale (every value equal; the file has no transaction id to tell them apart) already appeared on line 2 of this file",
    );
  });

  it("customers: the same id of one source twice is rejected; one person's two records merge", async () => {
    const summary = await importOk(
      "customers",
      write(
        "crm.csv",
        "customer_id,email\nK1,ayse@example.com\nK2,ayse@example.com\nK1,other@example.com\n",
      ),
    );
    expect(english(summary)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
      rows_new: 2,
    });
    expect(english(rejectedOf(summary.dataset_id))).toEqual([
      {
        line_number: 4,
        column: "customer_id",
        reason: 'customer id "K1" of source "crm.csv" already appeared on line 2 of this file',
      },
    ]);
    // K1 and K2 share an e-mail: two source records, one profile.
    const profiles = db.$client
      .prepare(
        "SELECT count(DISTINCT customer_id) FROM customer_sources WHERE workspace_id = ? AND source = 'crm.csv'",
      )
      .pluck()
      .get(workspaceId);
    expect(english(profiles)).toBe(1);
  });

  it("products, campaigns, audiences: a repeated code, campaign day or channel is rejected", async () => {
    const products = await importOk(
      "products",
      write("catalogue.csv", "code,name,price\nP1,Cup,5\nP2,Mug,6\nP1,Cup XL,7\n"),
    );
    expect(english(products)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    expect(english(rejectedOf(products.dataset_id))).toEqual([
      {
        line_number: 4,
        column: "code",
        reason: 'product code "P1" already appeared on line 2 of this file',
      },
    ]);
    const campaigns = await importOk(
      "campaigns",
      write(
        "ads.csv",
        "campaign_id,name,date,spend\nK-1,Spring,2024-03-01,10\nK-1,Spring,2024-03-02,12\nK-1,Spring,2024-03-01,11\n",
      ),
    );
    expect(english(campaigns)).toMatchObject({
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    expect(english(rejectedOf(campaigns.dataset_id))).toEqual([
      {
        line_number: 4,
        column: "campaign_id",
        reason: 'campaign "K-1" on 2024-03-01 already appeared on line 2 of this file',
      },
    ]);
    const audiences = await importOk(
      "channel_audiences",
      write("audiences.csv", "channel_name,monthly_visits\nRadio A,1000\nRadio A,2000\n"),
    );
    expect(english(audiences)).toMatchObject({
      rows_loaded: 1,
      rows_rejected: 1,
      rows_duplicate_key: 1,
    });
    expect(english(rejectedOf(audiences.dataset_id))).toEqual([
      {
        line_number: 3,
        column: "channel_name",
        reason: 'channel "Radio A" already appeared on line 2 of this file',
      },
    ]);
  });
});

describe("datasets own their rows", () => {
  it("products loaded again by a later file survive deleting the first file", async () => {
    const text = "code,name,price\nQ1,Plate,5\nQ2,Bowl,6\n";
    const first = await importOk("products", write("plates-1.csv", text));
    const second = await importOk(
      "products",
      write("plates-2.csv", `${text.replace("Bowl,6", "Bowl,7")}Q3,Jug,9\n`),
    );
    expect(english(second)).toMatchObject({ rows_new: 1, rows_updated: 1, rows_unchanged: 1 });
    const firstDataset = getDataset(scope, first.dataset_id);
    expect(english(firstDataset && rowsHeldElsewhere(scope, firstDataset))).toBe(2);
    deleteDataset(scope, first.dataset_id, user.id);
    const left = db.$client
      .prepare(
        "SELECT code, price, dataset_id FROM products WHERE workspace_id = ? AND code LIKE 'Q%' ORDER BY code",
      )
      .all(workspaceId);
    expect(english(left)).toEqual([
      { code: "Q1", price: 5, dataset_id: second.dataset_id },
      { code: "Q2", price: 7, dataset_id: second.dataset_id },
      { code: "Q3", price: 9, dataset_id: second.dataset_id },
    ]);
  });

  it("customer records loaded again survive deleting the first file", async () => {
    const text = "customer_id,email\nV1,v1@example.com\nV2,v2@example.com\n";
    const first = await importOk("customers", write("vip.csv", text), "--source", "vip");
    const second = await importOk("customers", write("vip-again.csv", text), "--source", "vip");
    expect(english(second)).toMatchObject({ rows_unchanged: 2 });
    deleteDataset(scope, first.dataset_id, user.id);
    const left = db.$client
      .prepare(
        "SELECT external_id, dataset_id FROM customer_sources WHERE workspace_id = ? AND source = 'vip' ORDER BY external_id",
      )
      .all(workspaceId);
    expect(english(left)).toEqual([
      { external_id: "V1", dataset_id: second.dataset_id },
      { external_id: "V2", dataset_id: second.dataset_id },
    ]);
  });
});
