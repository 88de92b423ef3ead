import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { csvText, exportCsv, rejectedRowsCsv } from "~/customers/export.server";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { setUpTestDb } from "../../helpers/test-db";
import { createDataset, createWorkspace, customerRow } from "./support";

const { db } = setUpTestDb();

const { workspaceId, scope } = createWorkspace(db, "export");
const dataset = createDataset(db, workspaceId);
upsertCustomerBatch(
  scopeTo(db, workspaceId),
  dataset,
  [
    customerRow(
      {
        external_id: "C1",
        name: '=HYPERLINK("http://evil.test","x")',
        email: "a@example.test",
        consent_data_processing: "yes",
      },
      { balance: "-120.5", code: "-B" },
      ["balance"],
    ),
    customerRow({ external_id: "C2", name: '+Plus, "quoted"', consent_data_processing: "yes" }),
    customerRow({
      external_id: "C3",
      name: "No Consent",
      email: "no@example.test",
      consent_data_processing: "no",
    }),
    customerRow({ external_id: "C4", name: "Unknown" }),
  ],
  "online",
);
const ids = Object.fromEntries(
  scope.select(schema.customerSources).map((s) => [s.externalId, s.customerId]),
);
const sale = (
  key: string,
  externalId: string | null,
  customerId: number | null,
  amount: number,
  productName: string | null = null,
) =>
  scope.insert(schema.transactions, {
    transactionKey: key,
    customerExternalId: externalId,
    customerId,
    productName,
    amount,
    occurredAt: new Date("2024-04-01T10:00:00Z"),
    isReturn: amount < 0,
  });
sale("T1", "C1", ids.C1 ?? null, -25.5, "@cmd");
sale("T2", "C3", ids.C3 ?? null, 10); // linked to a customer without consent
sale("T3", "C4", null, 11); // not linked yet, but the id is an unconsented customer's
sale("T4", null, null, 12); // anonymous sale

const table = (text: string) =>
  parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe("exports", () => {
  it("writes customers with consent, neutralises text, keeps numbers numeric, and counts the rest", () => {
    const file = exportCsv(scope, "customers");
    expect(file.excluded).toBe(2);
    const text = csvText(file);
    expect(text.startsWith("\uFEFFprofile_id,sources,name,email,")).toBe(true);
    const rows = table(text);
    expect(rows.map((r) => r.sources)).toEqual(["online:C1", "online:C2"]);
    expect(rows[0]).toMatchObject({
      name: '\'=HYPERLINK("http://evil.test","x")',
      balance: "-120.5",
      code: "'-B",
      consent_data_processing: "true",
    });
    expect(rows[1]?.name).toBe('\'+Plus, "quoted"');
    expect(text).toContain(",-120.5,");
  });

  it("includes customers without consent when asked", () => {
    const file = exportCsv(scope, "customers", { includeUnconsented: true });
    expect(file.excluded).toBe(0);
    expect(table(csvText(file)).map((r) => r.name)).toEqual([
      '\'=HYPERLINK("http://evil.test","x")',
      '\'+Plus, "quoted"',
      "No Consent",
      "Unknown",
    ]);
  });

  it("leaves out sales of customers without consent, keeps anonymous ones, negative amounts as numbers", () => {
    const file = exportCsv(scope, "transactions");
    expect(file.excluded).toBe(2);
    const rows = table(csvText(file));
    expect(rows.map((r) => [r.transaction_id, r.amount, r.product_name, r.is_return])).toEqual([
      ["T1", "-25.5", "'@cmd", "true"],
      ["T4", "12", "", "false"],
    ]);
    expect(exportCsv(scope, "transactions", { includeUnconsented: true }).excluded).toBe(0);
    expect(
      table(csvText(exportCsv(scope, "transactions", { includeUnconsented: true }))),
    ).toHaveLength(4);
  });

  it("exports campaigns, products and channel audiences column for column", () => {
    scope.insert(schema.campaigns, {
      campaignKey: "K1",
      name: "-50% spring",
      channel: "Instagram",
      spend: 1500,
      clicks: 40,
      revenue: -10,
      rowHash: "k",
    });
    scope.insert(schema.products, { code: "P1", name: "Kettle", price: 24.9, rowHash: "p" });
    scope.insert(schema.channelAudiences, {
      channelName: "Site A",
      shares: { age: { age_18_24: 0.3 }, gender: { female: 0.6 } },
      rowHash: "a",
    });
    scope.insert(schema.channelAudiences, {
      channelName: "Site B",
      shares: { age: { age_25_34: 0.5 } },
      rowHash: "b",
    });
    expect(table(csvText(exportCsv(scope, "campaigns")))).toEqual([
      expect.objectContaining({
        campaign_id: "K1",
        name: "'-50% spring",
        spend: "1500",
        clicks: "40",
        revenue: "-10",
        impressions: "",
      }),
    ]);
    expect(table(csvText(exportCsv(scope, "products")))).toEqual([
      { code: "P1", name: "Kettle", category: "", price: "24.9" },
    ]);
    const audiences = table(csvText(exportCsv(scope, "channel_audiences")));
    expect(
      audiences.map((r) => [
        r.channel_name,
        r["age.age_18_24"],
        r["age.age_25_34"],
        r["gender.female"],
      ]),
    ).toEqual([
      ["Site A", "0.3", "", "0.6"],
      ["Site B", "", "0.5", ""],
    ]);
  });

  it("pages through more rows than one page holds, in order", () => {
    const other = createWorkspace(db, "export-many");
    db.$client.transaction(() => {
      for (let i = 0; i < 2500; i++)
        other.scope.insert(schema.products, { code: `P${i}`, price: i, rowHash: String(i) });
    })();
    const rows = table(csvText(exportCsv(other.scope, "products")));
    expect(rows).toHaveLength(2500);
    expect(rows.at(-1)?.code).toBe("P2499");
    // Nothing of the first workspace leaks into the second one's export.
    expect(rows.some((r) => r.code === "P1" && r.name === "Kettle")).toBe(false);
  });

  it("downloads a dataset's rejected rows neutralised, with the byte-order mark", async () => {
    scope.insert(schema.rejectedRows, {
      datasetId: dataset,
      lineNumber: 4,
      column: "income",
      reason: '"=1+2" is not a number',
      raw: "C9,=1+2",
    });
    scope.insert(schema.rejectedRows, {
      datasetId: dataset,
      lineNumber: 7,
      column: null,
      reason: "too few cells",
      raw: "-C10",
    });
    const bytes = new Uint8Array(await new Response(rejectedRowsCsv(scope, dataset)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(table(new TextDecoder().decode(bytes))).toEqual([
      { line: "4", column: "income", reason: '"=1+2" is not a number', raw: "C9,=1+2" },
      { line: "7", column: "", reason: "too few cells", raw: "'-C10" },
    ]);
    // Another workspace asking for this dataset gets the header only.
    const stranger = createWorkspace(db, "export-stranger");
    const other = await new Response(rejectedRowsCsv(stranger.scope, dataset)).text();
    expect(other).toBe("line,column,reason,raw\r\n");
  });
});
