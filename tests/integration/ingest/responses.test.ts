/**
 * The responses kind (a send log): Turkish and Russian headers, channel spellings in one
 * form, rows keyed without a message id, refusals that name the column, erasure and export.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { eraseCustomer } from "~/customers/erase.server";
import { exportCsv, rejectedRowsCsv } from "~/customers/export.server";
import { fixture, rowsOf, setUpIngest } from "./support";

const { db, dir, scope, workspaceId, importOk } = setUpIngest("sends");

type Stored = {
  response_key: string;
  customer_external_id: string;
  campaign_id: string | null;
  channel: string;
  sent_at: number;
  offer: string | null;
  product_code: string | null;
  category: string | null;
  delivered: number | null;
  opened: number | null;
  clicked: number | null;
  converted: number | null;
  revenue: number | null;
};

const table = (text: string) =>
  parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe("responses dataset", () => {
  it("reads a Turkish send log: synonyms, evet/hayır, decimal comma, refusals by column", async () => {
    const summary = await importOk("responses", fixture("ingest/responses-tr.csv"));
    expect(summary).toMatchObject({
      kind: "responses",
      rows_read: 7,
      rows_loaded: 4,
      rows_rejected: 3,
      delimiter: ";",
      decimal: ",",
    });
    const rows = rowsOf<Stored>(db, "responses", workspaceId);
    expect(rows.map((r) => [r.customer_external_id, r.campaign_id, r.channel])).toEqual([
      ["C1", "KMP-1", "sms"],
      ["C1", "KMP-2", "email"],
      ["C2", "KMP-1", "sms"],
      ["C3", "KMP-1", "push"],
    ]);
    const converted = rows[1] as Stored;
    expect(converted).toMatchObject({
      offer: "Ücretsiz kargo",
      product_code: "P2",
      delivered: 1,
      opened: 1,
      clicked: 1,
      converted: 1,
      revenue: 249.9,
    });
    expect(new Date(converted.sent_at).toISOString().slice(0, 10)).toBe("2025-02-04");
    // Without a message id each send is keyed by who got what, where and when.
    expect(rows.every((r) => r.response_key.startsWith("row:"))).toBe(true);
    expect(new Set(rows.map((r) => r.response_key)).size).toBe(4);

    const rejects = table(await new Response(rejectedRowsCsv(scope, summary.dataset_id)).text());
    expect(rejects.map((r) => [r.line, r.column])).toEqual([
      ["6", "Müşteri No"],
      ["7", "Gelir"],
      ["8", "Açıldı"],
    ]);
    expect(rejects[0]?.reason).toMatch(/customer id is empty/);
    expect(rejects[1]?.reason).toMatch(/did not convert/);
    expect(rejects[2]?.reason).toMatch(/"belki" is not yes or no/);
  });

  it("a second upload of the same log updates its rows instead of adding them again", async () => {
    const again = await importOk("responses", fixture("ingest/responses-tr.csv"));
    expect(again).toMatchObject({ rows_loaded: 4, rows_new: 0, rows_unchanged: 4 });
    expect(rowsOf(db, "responses", workspaceId)).toHaveLength(4);
  });

  it("reads a Russian log with message ids; unknown channels stay as written", async () => {
    const summary = await importOk("responses", fixture("ingest/responses-ru.csv"));
    expect(summary).toMatchObject({ rows_loaded: 3, rows_rejected: 0 });
    const rows = rowsOf<Stored>(db, "responses", workspaceId).filter((r) =>
      r.customer_external_id.startsWith("K"),
    );
    expect(rows.map((r) => [r.response_key, r.channel, r.category, r.converted])).toEqual([
      ["M-1", "email", "Карты", 0],
      ["M-2", "call", "Карты", 1],
      ["M-3", "WhatsApp", "Карты", 0],
    ]);
  });

  it("export leaves out responses of customers the legal basis excludes; erasure removes them", async () => {
    const customers = path.join(dir, "customers.csv");
    fs.writeFileSync(
      customers,
      [
        "customer_id,name,consent_data_processing",
        "C1,Ayşe Yılmaz,yes",
        "C2,Mehmet Kaya,no",
        "C3,Elif Demir,yes",
      ].join("\n"),
    );
    await importOk("customers", customers);
    const file = exportCsv(scope, "responses");
    const exported = table([...file.lines].join(""));
    expect(file.excluded).toBe(1);
    expect(exported.map((r) => r.customer_external_id).sort()).toEqual(
      ["C1", "C1", "C3", "K100", "K101", "K102"].sort(),
    );
    expect(Object.keys(exported[0] ?? {})).toContain("sent_at");

    const result = eraseCustomer(scopeTo(db, workspaceId), { externalId: "C1" });
    expect(result.removed.responses).toBe(2);
    const left = rowsOf<Stored>(db, "responses", workspaceId).map((r) => r.customer_external_id);
    expect(left).not.toContain("C1");
    expect(left).toHaveLength(5);
  });
});
