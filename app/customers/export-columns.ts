/**
 * Column lists of the CSV exports. Headers use the upload's canonical field names where
 * there is one; the internal profile number is "profile_id", not "customer_id", because
 * upload mapping reads "customer_id" as a source's own customer id.
 */
import type { customers } from "#db/schema";
import type { CsvValue } from "./csv";

export type ExportedCustomer = typeof customers.$inferSelect & {
  /** "online:C1; offline:7": every source record merged into the profile. */
  sources: string;
};

const CUSTOMER_FIELDS = [
  ["profile_id", (c) => c.id],
  ["sources", (c) => c.sources],
  ["name", (c) => c.name],
  ["email", (c) => c.email],
  ["phone", (c) => c.phone],
  ["gender", (c) => c.gender],
  ["birth_date", (c) => c.birthDate],
  ["birth_year", (c) => c.birthYear],
  ["city", (c) => c.city],
  ["income", (c) => c.income],
  ["signup_date", (c) => c.signupDate],
  ["consent_sms", (c) => c.consentSms],
  ["consent_sms_at", (c) => c.consentSmsAt],
  ["consent_sms_source", (c) => c.consentSmsSource],
  ["consent_email", (c) => c.consentEmail],
  ["consent_email_at", (c) => c.consentEmailAt],
  ["consent_email_source", (c) => c.consentEmailSource],
  ["consent_data_processing", (c) => c.consentDataProcessing],
  ["consent_data_processing_at", (c) => c.consentDataProcessingAt],
  ["consent_data_processing_source", (c) => c.consentDataProcessingSource],
] as const satisfies readonly (readonly [string, (c: ExportedCustomer) => CsvValue])[];

/** Fixed fields, then one column per attribute (names from attribute_definitions). */
export function customerHeader(attributeNames: readonly string[]): string[] {
  return [...CUSTOMER_FIELDS.map(([name]) => name), ...attributeNames];
}

export function customerCells(
  customer: ExportedCustomer,
  attributeNames: readonly string[],
): CsvValue[] {
  const attributes = customer.attributes ?? {};
  return [
    ...CUSTOMER_FIELDS.map(([, cell]) => cell(customer)),
    ...attributeNames.map((name) => {
      const value = attributes[name];
      return typeof value === "number" || typeof value === "string" ? value : null;
    }),
  ];
}

export const TRANSACTION_HEADER = [
  "transaction_id",
  "customer_external_id",
  "profile_id",
  "occurred_at",
  "product_code",
  "product_name",
  "category",
  "quantity",
  "unit_price",
  "amount",
  "currency",
  "channel",
  "is_return",
] as const;

/** The header of the responses export: the upload's own field names, so it re-imports. */
export const RESPONSE_HEADER = [
  "response_id",
  "customer_external_id",
  "campaign_id",
  "channel",
  "sent_at",
  "offer",
  "product_code",
  "category",
  "delivered",
  "opened",
  "clicked",
  "converted",
  "revenue",
] as const;

/** CSV header → stored property, for tables exported column for column. */
export const CAMPAIGN_COLUMNS = {
  campaign_id: "campaignKey",
  name: "name",
  channel: "channel",
  start_date: "startDate",
  end_date: "endDate",
  date: "date",
  spend: "spend",
  impressions: "impressions",
  clicks: "clicks",
  conversions: "conversions",
  revenue: "revenue",
  product: "product",
} as const;

export const PRODUCT_COLUMNS = {
  code: "code",
  name: "name",
  category: "category",
  price: "price",
} as const;
