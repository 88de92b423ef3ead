import { describe, expect, it } from "vitest";
import { ageBandField, interestField, spellingScore } from "~/ingest/header-match";
import type { DatasetKind } from "~/ingest/kinds";
import { proposeMapping } from "~/ingest/mapping";
import { foldWord, normaliseHeader } from "~/ingest/normalise";

const fieldFor = (kind: DatasetKind, header: string) =>
  proposeMapping(kind, [header])[0]?.field ?? null;

describe("normaliseHeader", () => {
  it.each([
    ["Customer ID", "customer_id"],
    ["customerId", "customer_id"],
    ["CUSTOMER-ID", "customer_id"],
    ["  Sipariş   No  ", "siparis_no"],
    ["MÜŞTERİ NO", "musteri_no"],
    ["Müşteri No", "musteri_no"],
    ["IĞDIR", "igdir"],
    ["ID клиента", "id_клиента"],
    ["Клиент_ID", "клиент_id"],
    ["Ёмкость", "емкость"],
    ["Район", "район"],
    ["55+", "55_plus"],
    ["Female %", "female"],
    ["№ заказа", "no_заказа"],
    ["\uFEFFcode", "code"],
  ])("%j → %s", (raw, normalised) => {
    expect(normaliseHeader(raw)).toBe(normalised);
  });

  it("folds yes/no words in all three languages", () => {
    expect(["EVET", "Hayır", "HAYIR", " Да ", "НЕТ"].map(foldWord)).toEqual([
      "evet",
      "hayir",
      "hayir",
      "да",
      "нет",
    ]);
  });
});

describe("synonyms in English, Turkish and Russian", () => {
  it.each([
    [
      "customers",
      "external_id",
      [
        "customer_id",
        "CUST_ID",
        "Customer ID",
        "müşteri_no",
        "Müşteri No",
        "клиент_id",
        "ID клиента",
      ],
    ],
    ["customers", "email", ["E-mail", "E-Posta", "Электронная почта"]],
    ["customers", "phone", ["Mobile Phone", "Cep Telefonu", "Телефон"]],
    ["customers", "birth_date", ["Date of Birth", "Doğum Tarihi", "Дата рождения"]],
    ["customers", "birth_year", ["Year of birth", "Doğum Yılı", "Год рождения"]],
    ["customers", "consent_data_processing", ["kvkk_consent", "KVKK Onayı"]],
    ["customers", "consent_data_processing_at", ["kvkk_consent_date", "KVKK Onay Tarihi"]],
    ["customers", "consent_sms", ["SMS Consent", "SMS İzni", "Согласие на SMS"]],
    [
      "customers",
      "consent_data_processing",
      ["GDPR consent", "KVKK Onayı", "Согласие на обработку персональных данных"],
    ],
    [
      "customers",
      "consent_email_at",
      ["Email consent date", "E-posta İzin Tarihi", "Дата согласия на рассылку"],
    ],
    ["transactions", "transaction_id", ["Transaction ID", "İşlem No", "Номер транзакции"]],
    [
      "transactions",
      "order_id",
      ["Order No", "Sipariş Numarası", "Номер заказа", "№ заказа", "InvoiceNo", "Fatura No"],
    ],
    ["transactions", "order_id", ["Receipt No", "Fiş No", "номер чека", "Invoice Number"]],
    ["transactions", "line_number", ["Line No", "Satır No", "Kalem No", "Номер строки"]],
    ["transactions", "occurred_at", ["Purchase Date", "İşlem Tarihi", "Дата покупки"]],
    ["transactions", "quantity", ["Qty", "Adet", "Кол-во"]],
    ["transactions", "amount", ["Total Amount", "Toplam Tutar", "Сумма"]],
    ["campaigns", "spend", ["Amount spent", "Harcama", "Расход"]],
    ["campaigns", "impressions", ["Impressions", "Gösterim", "Показы"]],
    ["campaigns", "product", ["Offer", "Teklif", "Оффер"]],
    ["products", "code", ["SKU", "Stok Kodu", "Артикул"]],
    ["products", "price", ["List price", "Liste Fiyatı", "Цена"]],
    [
      "channel_audiences",
      "bounce_rate",
      ["Bounce Rate", "Hemen Çıkma Oranı", "Показатель отказов"],
    ],
    [
      "channel_audiences",
      "avg_visit_duration_seconds",
      ["Avg. Visit Duration", "Ortalama Ziyaret Süresi", "Время на сайте"],
    ],
  ] as const)("%s.%s", (kind, field, headers) => {
    for (const header of headers) expect([header, fieldFor(kind, header)]).toEqual([header, field]);
  });

  it("matches looser forms with lower confidence", () => {
    expect(proposeMapping("customers", ["customerid"])[0]).toMatchObject({
      field: "external_id",
      confidence: 0.95,
    });
    expect(proposeMapping("customers", ["id_customer"])[0]).toMatchObject({
      field: "external_id",
      confidence: 0.9,
    });
    // Russian case ending: "клиенту" is not listed, "клиента" is.
    expect(proposeMapping("customers", ["id клиенту"])[0]).toMatchObject({
      field: "external_id",
      confidence: 0.8,
    });
    const extraWords = proposeMapping("customers", ["Customer Email Address"])[0];
    expect(extraWords?.field).toBe("email");
    expect(extraWords?.confidence).toBeCloseTo(0.5 + (0.3 * 2) / 3);
    expect(spellingScore("favourite_store", "store")).toBeCloseTo(0.65);
    expect(spellingScore("loyalty_points", "store")).toBe(0);
  });

  it("leaves unknown headers unmapped: attributes for customers, unmapped otherwise", () => {
    expect(proposeMapping("customers", ["Loyalty Tier"])[0]).toEqual({
      header: "Loyalty Tier",
      field: null,
      confidence: 0,
      role: "attribute",
    });
    expect(proposeMapping("products", ["Warehouse"])[0]?.role).toBe("unmapped");
  });
});

describe("open-ended audience columns", () => {
  it.each([
    ["age_18_24", "age_18_24"],
    ["Age 25-34", "age_25_34"],
    ["35–44 yaş", "age_35_44"],
    ["Возраст 45-54", "age_45_54"],
    ["55+", "age_55_plus"],
    ["65 ve üzeri", "age_65_plus"],
    ["55 и старше", "age_55_plus"],
  ])("%j → %s", (header, field) => {
    expect(fieldFor("channel_audiences", header)).toBe(field);
  });

  it("reads interests in three languages", () => {
    expect(fieldFor("channel_audiences", "interest_sports")).toBe("interest_sports");
    expect(fieldFor("channel_audiences", "İlgi Alanı: Spor")).toBe("interest_spor");
    expect(fieldFor("channel_audiences", "Интерес: путешествия")).toBe("interest_путешествия");
    expect(interestField("interest")).toBeNull();
    expect(ageBandField("24_18")).toBeNull();
    expect(fieldFor("customers", "Age 25-34")).toBeNull();
  });
});
