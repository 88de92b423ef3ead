/** Each dataset kind through the `import` command, checked against the fixtures by hand. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english } from "../../helpers/english";
import { countOf, fixture, rowsOf, setUpIngest } from "./support";

const { db, dir, workspaceId, importOk } = setUpIngest();

describe("import command, per kind", () => {
  it("products: quoted delimiters inside fields", async () => {
    const summary = await importOk("products", fixture("csv/delimiter-comma.csv"));
    expect(english(summary)).toMatchObject({
      kind: "products",
      rows_read: 3,
      rows_loaded: 3,
      rows_rejected: 0,
      rows_new: 3,
      encoding: "utf-8",
      delimiter: ",",
      decimal: ".",
    });
    expect(english(rowsOf(db, "products", workspaceId))).toMatchObject([
      { code: "P1", name: "Tea glass", category: "Kitchen", price: 49.9 },
      { code: "P2", name: "Umbrella, large", category: "Accessories", price: 129 },
      { code: "P3", name: "Mirror", category: "Home", price: 350 },
    ]);
  });

  it("campaigns: whole-campaign rows get date '' and daily Turkish rows their day", async () => {
    await importOk("campaigns", fixture("csv/quoted-fields.csv"));
    const daily = await importOk("campaigns", fixture("csv/campaigns-daily-tr.csv"));
    expect(english(daily)).toMatchObject({ rows_loaded: 3, delimiter: ";", decimal: "," });
    expect(english(daily.date_formats)).toEqual({ Tarih: "dd.mm.yyyy" });
    const rows = rowsOf<Record<string, unknown>>(db, "campaigns", workspaceId);
    expect(english(rows)).toHaveLength(6);
    expect(english(rows[0])).toMatchObject({
      campaign_key: "CMP-1",
      name: "Spring Sale, TR",
      date: "",
      start_date: "2024-03-01",
      end_date: "2024-03-31",
      spend: 12500,
      impressions: 450000,
      revenue: 48200,
    });
    expect(english(rows[2])).toMatchObject({ campaign_key: "CMP-3", name: "Two-line\nname" });
    expect(english(rows[3])).toMatchObject({
      campaign_key: "K-01",
      date: "2024-03-01",
      channel: "Instagram",
      spend: 1250,
      impressions: 45000,
      clicks: 900,
      conversions: 31,
      revenue: 4820,
    });
  });

  it("channel audiences: percents and fractions become fractions, grouped in shares", async () => {
    const summary = await importOk("channel_audiences", fixture("csv/channel-audiences.csv"));
    expect(english(summary)).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
    const [hurriyet, instagram] = rowsOf<Record<string, unknown>>(
      db,
      "channel_audiences",
      workspaceId,
    );
    expect(english(hurriyet)).toMatchObject({
      channel_name: "Hürriyet",
      channel_type: "news",
      url: "https://hurriyet.com.tr/",
      monthly_visits: 120_000_000,
      avg_visit_duration_seconds: 4 * 60 + 35,
      bounce_rate: 0.45,
    });
    expect(english(JSON.parse(String(hurriyet?.shares)))).toEqual({
      age: {
        age_18_24: 0.12,
        age_25_34: 0.24,
        age_35_44: 0.26,
        age_45_54: 0.21,
        age_55_plus: 0.17,
      },
      gender: { gender_female: 0.46, gender_male: 0.54 },
      residency: {},
      interests: { interest_sports: 0.18, interest_travel: 0.22 },
    });
    expect(english(instagram)).toMatchObject({
      monthly_visits: 1_200_000,
      avg_visit_duration_seconds: 130,
    });
  });

  it("customers: the Windows-1254, ';', decimal-comma branch file, bad cells kept apart", async () => {
    const summary = await importOk("customers", fixture("ingest/customers-branch-1254.csv"));
    expect(english(summary)).toMatchObject({
      rows_read: 7,
      rows_loaded: 6,
      rows_rejected: 1,
      cell_warnings: 2,
      rows_new: 6,
      encoding: "windows-1254",
      delimiter: ";",
      decimal: ",",
      date_formats: { "Doğum Tarihi": "dd.mm.yyyy" },
    });
    const customers = rowsOf<Record<string, unknown>>(db, "customers", workspaceId);
    expect(english(customers.map((c) => c.name))).toEqual([
      "AYŞE YILMAZ",
      "Mehmet Öztürk",
      "Gülşen Işık",
      "Çağrı Şahin",
      "Oğuz Aydın",
      "Şule Ünal",
    ]);
    expect(english(customers[0])).toMatchObject({
      email: "ayse.yilmaz@example.com",
      phone: "+905321112233",
      gender: "female",
      birth_date: "1985-03-14",
      city: "İstanbul",
      income: 12345.67,
      consent_sms: 1,
      consent_data_processing: 1,
    });
    // The row with a trailing empty field (a stray ";") is kept, not treated as ragged.
    expect(english(customers[4])).toMatchObject({ income: 15000, consent_sms: 0 });
    // A birth date or an income that cannot be read leaves that cell empty, not the row out.
    expect(english(customers[2])).toMatchObject({ birth_date: null, income: 9000 });
    expect(english(customers[3])).toMatchObject({ birth_date: "1978-06-05", income: null });
    expect(english(rowsOf(db, "cell_warnings", workspaceId))).toEqual([
      expect.objectContaining({
        line_number: 4,
        column: "Doğum Tarihi",
        value: "31.02.1985",
        reason: '"31.02.1985" is not a valid date (dd.mm.yyyy)',
      }),
      expect.objectContaining({
        line_number: 5,
        column: "Aylık Gelir",
        value: "bilinmiyor",
        reason: '"bilinmiyor" is not a number',
      }),
    ]);
    expect(english(rowsOf(db, "rejected_rows", workspaceId))).toEqual([
      expect.objectContaining({
        line_number: 6,
        column: null,
        reason: "row has 9 fields, the header has 10",
        raw: "10000005;İpek Doğan;ipek@example.com;0555 444 55 66;Kadın;21.09.1995;22.750,50;Evet;Evet",
      }),
    ]);
  });

  it("transactions: returns and anonymous sales kept, a bad amount rejected", async () => {
    const summary = await importOk("transactions", fixture("ingest/transactions.csv"));
    expect(english(summary)).toMatchObject({ rows_read: 6, rows_loaded: 5, rows_rejected: 1 });
    const rows = rowsOf<Record<string, unknown>>(db, "transactions", workspaceId);
    expect(english(rows.map((row) => row.transaction_key))).toEqual([
      "TX1",
      "TX2",
      "TX3",
      "TX4",
      "TX6",
    ]);
    expect(english(rows[0])).toMatchObject({
      occurred_at: Date.parse("2025-03-14T15:32:05Z"),
      quantity: 2,
      unit_price: 49.9,
      amount: 99.8,
      currency: "TRY",
      channel: "online",
      is_return: 0,
    });
    expect(english(rows[1])).toMatchObject({
      customer_external_id: null,
      customer_id: null,
      amount: 129,
    });
    expect(english(rows[2])).toMatchObject({ quantity: -1, amount: -49.9, is_return: 1 });
    // No amount given: quantity × unit price.
    expect(english(rows[4])).toMatchObject({ amount: 387 });
    expect(english(rowsOf(db, "rejected_rows", workspaceId).at(-1))).toMatchObject({
      line_number: 6,
      column: "amount",
      reason: 'Column "amount": "abc" is not a number',
    });
  });

  it("remembers each confirmed mapping under its headers' signature", () => {
    const remembered = rowsOf<{ kind: string; mapping: string }>(
      db,
      "column_mappings",
      workspaceId,
      "kind",
    );
    expect(english(countOf(db, "column_mappings", workspaceId))).toBe(6);
    const transactions = remembered.find((row) => row.kind === "transactions");
    expect(english(JSON.parse(transactions?.mapping ?? "{}"))).toMatchObject({
      transaction_id: "transaction_id",
      customer_id: "customer_external_id",
      transaction_date: "occurred_at",
    });
  });

  it("a --mapping is remembered and used for the next file with the same headers", async () => {
    const mappingFile = path.join(dir, "mapping.json");
    const mapping = { code: "code", name: "name", category: null, price: "price" };
    fs.writeFileSync(mappingFile, JSON.stringify(mapping));
    const first = await importOk(
      "products",
      fixture("csv/delimiter-tab.csv"),
      "--mapping",
      mappingFile,
    );
    expect(english(first)).toMatchObject({ delimiter: "\t", rows_updated: 3 });
    const again = await importOk("products", fixture("csv/delimiter-tab.csv"));
    expect(english(again)).toMatchObject({ rows_unchanged: 3 });
    const categories = rowsOf<{ category: string | null }>(db, "products", workspaceId);
    expect(english(categories.map((row) => row.category))).toEqual([null, null, null]);
  });
});
