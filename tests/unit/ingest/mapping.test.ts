import { describe, expect, it } from "vitest";
import {
  headersSignature,
  mappingOf,
  mapRecord,
  proposeMapping,
  validateMapping,
} from "~/ingest/mapping";
import { sniffCsv } from "~/ingest/sniff";
import { english } from "../../helpers/english";
import { fixture } from "./fixtures";

describe("proposeMapping", () => {
  it("gives each field to one header: the closest match, then the field's own name", () => {
    const columns = proposeMapping("transactions", [
      "Total",
      "Amount",
      "Customer Email",
      "Order No",
    ]);
    expect(english(mappingOf(columns))).toEqual({
      Total: null,
      Amount: "amount",
      "Customer Email": null,
      "Order No": "order_id",
    });
    const loose = proposeMapping("customers", ["Customer Email Address", "E-mail"]);
    expect(english(mappingOf(loose))).toEqual({
      "Customer Email Address": null,
      "E-mail": "email",
    });
  });

  it.each([
    [
      "utf8-bom.csv",
      "customers",
      {
        "Müşteri No": "external_id",
        "Ad Soyad": "name",
        "E-posta": "email",
        Telefon: "phone",
        Cinsiyet: "gender",
        "Doğum Tarihi": "birth_date",
        Şehir: "city",
        "SMS İzni": "consent_sms",
        "KVKK Onayı": "consent_data_processing",
        "Segment Notu": null,
      },
    ],
    [
      "windows-1251.csv",
      "customers",
      {
        "ID клиента": "external_id",
        ФИО: "name",
        Город: "city",
        Телефон: "phone",
        Пол: "gender",
        "Дата рождения": "birth_date",
        Доход: "income",
        "Согласие на рассылку": "consent_email",
      },
    ],
    [
      "windows-1254.csv",
      "transactions",
      {
        "Sipariş No": "order_id",
        "Müşteri No": "customer_external_id",
        "İşlem Tarihi": "occurred_at",
        "Ürün Kodu": "product_code",
        "Ürün Adı": "product_name",
        Kategori: "category",
        Adet: "quantity",
        "Birim Fiyat": "unit_price",
        Tutar: "amount",
        "Para Birimi": "currency",
        Mağaza: "channel",
      },
    ],
    [
      "utf16le-bom.csv",
      "transactions",
      {
        "Order ID": "order_id",
        "Customer ID": "customer_external_id",
        "Order Date": "occurred_at",
        SKU: "product_code",
        Product: "product_name",
        Qty: "quantity",
        "Unit Price": "unit_price",
        Total: "amount",
        Currency: "currency",
        Channel: "channel",
      },
    ],
    [
      "campaigns-daily-tr.csv",
      "campaigns",
      {
        "Kampanya Kodu": "campaign_id",
        "Kampanya Adı": "name",
        Kanal: "channel",
        Tarih: "date",
        Harcama: "spend",
        Gösterim: "impressions",
        Tıklama: "clicks",
        Dönüşüm: "conversions",
        Gelir: "revenue",
      },
    ],
    [
      "channel-audiences.csv",
      "channel_audiences",
      {
        Channel: "channel_name",
        Type: "channel_type",
        URL: "url",
        "18-24": "age_18_24",
        "25-34": "age_25_34",
        "35-44": "age_35_44",
        "45-54": "age_45_54",
        "55+": "age_55_plus",
        "Female %": "gender_female",
        "Male %": "gender_male",
        "Interest: Sports": "interest_sports",
        "Interest: Travel": "interest_travel",
        "Monthly Visits": "monthly_visits",
        "Avg. Visit Duration": "avg_visit_duration_seconds",
        "Bounce Rate": "bounce_rate",
      },
    ],
  ] as const)("maps the headers of %s (%s)", (name, kind, expected) => {
    const sniffed = sniffCsv(fixture(name));
    if (!sniffed.ok) throw new Error(sniffed.message);
    const columns = proposeMapping(kind, sniffed.headers);
    expect(english(mappingOf(columns))).toEqual(expected);
    const check = validateMapping(kind, sniffed.headers, mappingOf(columns));
    expect(english(check.ok)).toBe(true);
  });
});

describe("headersSignature", () => {
  it("ignores case, accents, separators and column order", () => {
    const a = headersSignature(["Müşteri No", "E-posta", "Şehir"]);
    expect(english(headersSignature(["sehir", "MUSTERI_NO", "e posta"]))).toBe(a);
    expect(english(a)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("changes when a column is added or renamed", () => {
    const a = headersSignature(["code", "name"]);
    expect(english(headersSignature(["code", "name", "price"]))).not.toBe(a);
    expect(english(headersSignature(["code", "title"]))).not.toBe(a);
  });
});

describe("validateMapping", () => {
  const headers = ["Order", "When", "Qty", "Price", "Total", "Total 2"];

  it("accepts a complete mapping", () => {
    const mapping = {
      Order: "transaction_id",
      When: "occurred_at",
      Qty: null,
      Price: null,
      Total: "amount",
      "Total 2": null,
    };
    expect(english(validateMapping("transactions", headers, mapping))).toEqual({
      ok: true,
      mapping,
    });
  });

  it("accepts quantity + unit price in place of an amount", () => {
    const mapping = { When: "occurred_at", Qty: "quantity", Price: "unit_price" };
    expect(english(validateMapping("transactions", headers, mapping).ok)).toBe(true);
  });

  it("names two headers on one field", () => {
    const check = validateMapping("transactions", headers, {
      When: "occurred_at",
      Total: "amount",
      "Total 2": "amount",
    });
    expect(english(check)).toEqual({
      ok: false,
      problems: ['Columns "Total", "Total 2" are all mapped to amount; choose one.'],
      missing: [],
    });
  });

  it("says which required fields are missing", () => {
    const check = validateMapping("transactions", headers, { Qty: "quantity" });
    expect(english(check)).toEqual({
      ok: false,
      problems: [
        "Map a column to occurred_at.",
        "Map a column to amount or quantity + unit_price.",
      ],
      missing: ["occurred_at", "amount or quantity + unit_price"],
    });
    expect(english(validateMapping("customers", ["Name"], { Name: "name" }))).toMatchObject({
      ok: false,
      missing: ["external_id"],
    });
  });

  it("refuses unknown fields, unknown headers and non-mappings", () => {
    const check = validateMapping("products", ["code", "x"], {
      code: "code",
      x: "colour",
      y: null,
    });
    expect(english(check.ok === false && check.problems)).toEqual([
      '"colour" is not a field of products (column "x").',
      'No column is named "y".',
    ]);
    expect(english(validateMapping("products", ["code"], "code").ok)).toBe(false);
    expect(
      english(
        validateMapping("channel_audiences", ["n", "a"], { n: "channel_name", a: "age_18_24" }).ok,
      ),
    ).toBe(true);
    expect(english(validateMapping("products", ["n", "a"], { n: "code", a: "age_18_24" }).ok)).toBe(
      false,
    );
  });
});

describe("mapRecord", () => {
  it("sends mapped columns to fields and the rest to attributes", () => {
    const mapped = mapRecord(
      { "Müşteri No": "C1", Segment: "VIP", Ignored: "" },
      { "Müşteri No": "external_id", Segment: null },
    );
    expect(english(mapped)).toEqual({
      fields: { external_id: { column: "Müşteri No", raw: "C1" } },
      attributes: { Segment: "VIP", Ignored: "" },
    });
  });
});
