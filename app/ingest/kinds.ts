/**
 * The dataset kinds a marketer can upload, their canonical fields, what each field holds,
 * which fields a file must provide, and the natural key the loader upserts on.
 */

export const datasetKinds = [
  "customers",
  "transactions",
  "campaigns",
  "products",
  "channel_audiences",
  "responses",
] as const;
export type DatasetKind = (typeof datasetKinds)[number];

/** What a field holds; decides how its text is parsed (see field-parsers.ts). */
export type FieldType =
  | "id"
  | "text"
  | "source"
  | "email"
  | "phone"
  | "gender"
  | "boolean"
  | "date"
  | "datetime"
  | "year"
  | "number"
  | "nonNegative"
  | "count"
  | "currency"
  | "url"
  | "share"
  | "duration"
  | "visits";

export const fieldTypes = {
  customers: {
    external_id: "id",
    source: "source",
    name: "text",
    email: "email",
    phone: "phone",
    gender: "gender",
    birth_date: "date",
    birth_year: "year",
    city: "text",
    income: "nonNegative",
    signup_date: "date",
    consent_sms: "boolean",
    consent_email: "boolean",
    consent_data_processing: "boolean",
    consent_sms_at: "datetime",
    consent_email_at: "datetime",
    consent_data_processing_at: "datetime",
    /** "yes" = the person objected to processing: stored as data-processing consent "no". */
    objection: "boolean",
  },
  transactions: {
    transaction_id: "id",
    order_id: "id",
    line_number: "count",
    customer_external_id: "id",
    occurred_at: "datetime",
    product_code: "id",
    product_name: "text",
    category: "text",
    quantity: "number",
    unit_price: "number",
    amount: "number",
    currency: "currency",
    channel: "text",
  },
  campaigns: {
    campaign_id: "id",
    name: "text",
    channel: "text",
    start_date: "date",
    end_date: "date",
    date: "date",
    spend: "nonNegative",
    impressions: "count",
    clicks: "count",
    conversions: "nonNegative",
    revenue: "number",
    product: "text",
    /** The customer segment a row's results are for (rows per segment), else empty. */
    segment: "text",
  },
  products: {
    code: "id",
    name: "text",
    category: "text",
    price: "nonNegative",
  },
  channel_audiences: {
    channel_name: "text",
    channel_type: "text",
    url: "url",
    gender_female: "share",
    gender_male: "share",
    resident: "share",
    non_resident: "share",
    monthly_visits: "visits",
    avg_visit_duration_seconds: "duration",
    bounce_rate: "share",
  },
  /** One row per message or offer sent to a customer, and what came of it. */
  responses: {
    response_id: "id",
    customer_external_id: "id",
    campaign_id: "id",
    channel: "text",
    sent_at: "datetime",
    offer: "text",
    product_code: "id",
    category: "text",
    delivered: "boolean",
    opened: "boolean",
    clicked: "boolean",
    converted: "boolean",
    revenue: "nonNegative",
  },
} as const satisfies Record<DatasetKind, Record<string, FieldType>>;

export type FieldOf<K extends DatasetKind> = keyof (typeof fieldTypes)[K] & string;

/**
 * Audience shares whose names are open-ended: any age band ("age_18_24", "age_55_plus")
 * and any interest ("interest_sports"). They only exist for channel audiences.
 */
export const AGE_BAND_FIELD = /^age_\d{1,2}_(\d{1,2}|plus)$/;
export const INTEREST_FIELD = /^interest_[\p{L}\p{N}_]+$/u;
export const standardAgeBands = [
  "age_18_24",
  "age_25_34",
  "age_35_44",
  "age_45_54",
  "age_55_plus",
] as const;

export function isDynamicField(kind: DatasetKind, field: string): boolean {
  return kind === "channel_audiences" && (AGE_BAND_FIELD.test(field) || INTEREST_FIELD.test(field));
}

/** The fixed fields of a kind, in catalogue order. */
export function fieldsOf(kind: DatasetKind): string[] {
  return Object.keys(fieldTypes[kind]);
}

/** The type of a fixed or open-ended field, or undefined if the kind has no such field. */
export function fieldTypeOf(kind: DatasetKind, field: string): FieldType | undefined {
  const types: Record<string, FieldType> = fieldTypes[kind];
  if (Object.hasOwn(types, field)) return types[field];
  return isDynamicField(kind, field) ? "share" : undefined;
}

/**
 * What a file must provide, as a list of requirements; each requirement is met when every
 * field of at least one of its alternatives is mapped (transactions need an amount, or a
 * quantity and a unit price to derive it).
 */
export const requiredFields: Record<DatasetKind, readonly (readonly string[])[][]> = {
  customers: [[["external_id"]]],
  transactions: [[["occurred_at"]], [["amount"], ["quantity", "unit_price"]]],
  campaigns: [[["campaign_id"], ["name"]]],
  products: [[["code"]]],
  channel_audiences: [[["channel_name"]]],
  responses: [[["customer_external_id"]], [["channel"]], [["sent_at"]]],
};

/**
 * Fields whose values identify a row, so a re-upload updates instead of duplicating.
 * Transactions without a transaction id are keyed by their order id and line (see
 * transaction-keys.ts), or else by a hash of the whole row; campaigns without an id
 * use their name as the id (see schemas.ts); a campaign row without `date` has "" there,
 * and one without `segment` (a row for the whole audience, not one segment's part) too.
 * A response without a message id is keyed by who got what, where and when
 * (schema-responses.ts), so a re-upload of the same send log updates it.
 */
export const naturalKeys = {
  customers: ["external_id", "source"],
  transactions: ["transaction_id"],
  campaigns: ["campaign_id", "date", "segment"],
  products: ["code"],
  channel_audiences: ["channel_name"],
  responses: ["response_id"],
} as const satisfies { [K in DatasetKind]: readonly FieldOf<K>[] };
