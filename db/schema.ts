/**
 * The database schema, as code. `npm run db:generate` turns changes here into a SQL
 * migration under db/migrations; the app and the CLI apply migrations at start.
 *
 * Every table that holds a workspace's data carries `workspace_id` and is read and
 * written through `db/scoped.ts`, so a query without the tenant filter is hard to write.
 */
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { roles } from "./roles";

export { type Role, roles } from "./roles";

/** Milliseconds since the epoch; SQLite has no date type and integers sort and compare fast. */
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed, so the unique index is case-insensitive in effect. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** The UI language the user chose ("en", "tr", "ru"); null = follow the browser. */
  locale: text("locale"),
  createdAt: createdAt(),
});

/** Server-side sessions: the cookie carries only a signed random id, so logout really ends it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** Flash messages and other short-lived session values, as JSON. */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const processingBases = ["consent", "legitimate-interest", "contract"] as const;
export type ProcessingBasis = (typeof processingBases)[number];

export const workspaces = sqliteTable("workspaces", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** IANA zone used for schedules and for "per day" figures. */
  timeZone: text("time_zone").notNull().default("Europe/Istanbul"),
  /**
   * The legal basis on which customers are analysed (KVKK / GDPR): `consent` analyses those
   * whose data-processing consent is recorded as yes; `legitimate-interest` and `contract`
   * analyse everyone who has not objected. Contacting always needs the channel's consent.
   */
  processingBasis: text("processing_basis", { enum: processingBases }).notNull().default("consent"),
  /**
   * ISO 4217 code chosen in Settings; null = the currency of (nearly) all its sales
   * (customers/reporting-currency.server.ts). Nothing is converted either way.
   */
  reportingCurrency: text("reporting_currency"),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user_idx").on(t.workspaceId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

/**
 * Who did what, when. `details` never holds personal data of customers (erasure
 * leaves an entry here, so it must not keep what it erased).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: integer("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    target: text("target"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export const jobStatuses = ["queued", "running", "succeeded", "failed", "dead"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * The job queue. A worker claims a job by setting a lease in one UPDATE; a job whose
 * lease has expired (its worker died) can be claimed again. `dead` = retries exhausted.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: integer("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: jobStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAt: timestamp("run_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at"),
    progress: text("progress", { mode: "json" }).$type<Record<string, unknown>>(),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    /** Makes enqueueing idempotent, e.g. one scheduled run per source and due time. */
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    index("jobs_claim_idx").on(t.status, t.runAt),
    index("jobs_workspace_idx").on(t.workspaceId, t.createdAt),
    uniqueIndex("jobs_dedupe_idx").on(t.dedupeKey),
  ],
);

// ---------------------------------------------------------------------------------------
// Client data (issue: ingestion). Rows carry the dataset that first loaded them, so a
// dataset can be deleted with its rows and a failed import can remove what it added.
// ---------------------------------------------------------------------------------------

export const datasetStatuses = ["uploaded", "queued", "importing", "succeeded", "failed"] as const;
export type DatasetStatus = (typeof datasetStatuses)[number];

const workspaceRef = () =>
  integer("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/** One uploaded file: what it is, how it was read, and what became of its rows. */
export const datasets = sqliteTable(
  "datasets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    /** Where the upload is kept on disk (inside DATA_DIR/uploads) until it is imported. */
    storedPath: text("stored_path"),
    fileBytes: integer("file_bytes").notNull().default(0),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: datasetStatuses }).notNull().default("uploaded"),
    /** Encoding, delimiter, quote, decimal mark, date formats per column, as used. */
    settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Header → canonical field (null = kept as an attribute / ignored). */
    mapping: text("mapping", { mode: "json" }).$type<Record<string, string | null>>(),
    headersSignature: text("headers_signature"),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsLoaded: integer("rows_loaded").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    rowsNew: integer("rows_new").notNull().default(0),
    rowsUpdated: integer("rows_updated").notNull().default(0),
    rowsUnchanged: integer("rows_unchanged").notNull().default(0),
    /** Cells left empty with a warning (cell_warnings), rows kept. */
    cellWarnings: integer("cell_warnings").notNull().default(0),
    error: text("error"),
    jobId: integer("job_id"),
    /** Who is importing this dataset now (a worker's or CLI process's id), and until when. */
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at"),
    /** Set in the transaction that published the rows: they are in the tables for good. */
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("datasets_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** A row that failed validation: kept with its reason and raw text, never silently dropped. */
export const rejectedRows = sqliteTable(
  "rejected_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    lineNumber: integer("line_number").notNull(),
    column: text("column"),
    reason: text("reason").notNull(),
    raw: text("raw").notNull(),
  },
  (t) => [index("rejected_rows_dataset_idx").on(t.datasetId, t.lineNumber)],
);

/**
 * A cell that could not be used although its row was kept (an implausible birth year, bytes
 * that are not valid in the file's encoding): the cell is stored empty and the warning says
 * why, with the value as written.
 */
export const cellWarnings = sqliteTable(
  "cell_warnings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    lineNumber: integer("line_number").notNull(),
    column: text("column"),
    value: text("value").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("cell_warnings_dataset_idx").on(t.datasetId, t.lineNumber)],
);

/** The mapping a user confirmed, remembered for the next file with the same headers. */
export const columnMappings = sqliteTable(
  "column_mappings",
  {
    workspaceId: workspaceRef(),
    kind: text("kind").notNull(),
    headersSignature: text("headers_signature").notNull(),
    mapping: text("mapping", { mode: "json" }).$type<Record<string, string | null>>().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex("column_mappings_key").on(t.workspaceId, t.kind, t.headersSignature)],
);

/**
 * One profile per person, merged across sources (same e-mail, phone or external id).
 * Consent flags keep their latest value with its date and source.
 */
export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    gender: text("gender"),
    birthDate: text("birth_date"),
    birthYear: integer("birth_year"),
    city: text("city"),
    income: real("income"),
    signupDate: text("signup_date"),
    consentSms: integer("consent_sms", { mode: "boolean" }),
    consentSmsAt: text("consent_sms_at"),
    consentSmsSource: text("consent_sms_source"),
    consentEmail: integer("consent_email", { mode: "boolean" }),
    consentEmailAt: text("consent_email_at"),
    consentEmailSource: text("consent_email_source"),
    consentDataProcessing: integer("consent_data_processing", { mode: "boolean" }),
    consentDataProcessingAt: text("consent_data_processing_at"),
    consentDataProcessingSource: text("consent_data_processing_source"),
    /** Columns beyond the known fields, typed: { credit_score: 712, segment_code: "B" }. */
    attributes: text("attributes", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    index("customers_email_idx").on(t.workspaceId, t.email),
    index("customers_phone_idx").on(t.workspaceId, t.phone),
  ],
);

/** Each source record merged into a profile: which source, which id, and what it said. */
export const customerSources = sqliteTable(
  "customer_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "set null" }),
    /** How this record matched its profile: "external_id", "email", "phone" or "new". */
    matchedBy: text("matched_by").notNull(),
    record: text("record", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    rowHash: text("row_hash").notNull(),
  },
  (t) => [
    uniqueIndex("customer_sources_key").on(t.workspaceId, t.source, t.externalId),
    index("customer_sources_external_idx").on(t.workspaceId, t.externalId),
    index("customer_sources_customer_idx").on(t.customerId),
  ],
);

/** Type of each extra customer column, so analyses know what they can use. */
export const attributeDefinitions = sqliteTable(
  "attribute_definitions",
  {
    workspaceId: workspaceRef(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    type: text("type", { enum: ["number", "category", "date"] }).notNull(),
  },
  (t) => [uniqueIndex("attribute_definitions_key").on(t.workspaceId, t.kind, t.name)],
);

export const transactions = sqliteTable(
  "transactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "cascade" }),
    /**
     * The line's key: the file's transaction id; for order-line files the order id with the
     * line's position in that order (`A17`, `A17#2`, …); a hash of the row when neither.
     */
    transactionKey: text("transaction_key").notNull(),
    /** The order, receipt or invoice the line belongs to, when the file names one. */
    orderId: text("order_id"),
    customerExternalId: text("customer_external_id"),
    customerId: integer("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    occurredAt: timestamp("occurred_at").notNull(),
    productCode: text("product_code"),
    productName: text("product_name"),
    category: text("category"),
    quantity: real("quantity"),
    unitPrice: real("unit_price"),
    amount: real("amount").notNull(),
    currency: text("currency"),
    channel: text("channel"),
    isReturn: integer("is_return", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("transactions_key").on(t.workspaceId, t.transactionKey),
    // Each sale sits in exactly one of these two: under its profile once linked, under the
    // file's customer id while it waits for a profile (every query on customer_external_id
    // asks for customer_id IS NULL). Half the index entries of two full indexes, and an
    // import builds one index's worth per row instead of two (docs/decisions/011).
    index("transactions_customer_idx")
      .on(t.workspaceId, t.customerId, t.occurredAt)
      .where(sql`customer_id IS NOT NULL`),
    index("transactions_external_idx")
      .on(t.workspaceId, t.customerExternalId)
      .where(sql`customer_id IS NULL`),
  ],
);

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name"),
    category: text("category"),
    price: real("price"),
    rowHash: text("row_hash").notNull(),
  },
  (t) => [uniqueIndex("products_key").on(t.workspaceId, t.code)],
);

/** Campaign results: one row per campaign (date "") or per campaign and day. */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "cascade" }),
    campaignKey: text("campaign_key").notNull(),
    name: text("name"),
    channel: text("channel"),
    startDate: text("start_date"),
    endDate: text("end_date"),
    /** "" for a whole-campaign row, else the day (YYYY-MM-DD). */
    date: text("date").notNull().default(""),
    spend: real("spend"),
    impressions: integer("impressions"),
    clicks: integer("clicks"),
    conversions: real("conversions"),
    revenue: real("revenue"),
    product: text("product"),
    /** "" for a row of the whole audience, else the customer segment its results are for. */
    segment: text("segment").notNull().default(""),
    rowHash: text("row_hash").notNull(),
  },
  (t) => [
    uniqueIndex("campaigns_key").on(t.workspaceId, t.campaignKey, t.date, t.segment),
    index("campaigns_channel_idx").on(t.workspaceId, t.channel),
  ],
);

/** A promotion channel and what is known of its audience (uploaded; later also scraped). */
export const channelAudiences = sqliteTable(
  "channel_audiences",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "cascade" }),
    channelName: text("channel_name").notNull(),
    channelType: text("channel_type"),
    url: text("url"),
    /** Fractions per bucket: { age: {age_18_24: 0.3,…}, gender: {…}, residency: {…}, interests: {…} } */
    shares: text("shares", { mode: "json" })
      .$type<Record<string, Record<string, number>>>()
      .notNull(),
    monthlyVisits: real("monthly_visits"),
    avgVisitDurationSeconds: real("avg_visit_duration_seconds"),
    bounceRate: real("bounce_rate"),
    rowHash: text("row_hash").notNull(),
  },
  (t) => [uniqueIndex("channel_audiences_key").on(t.workspaceId, t.channelName)],
);

/**
 * What came of each message or offer sent (a send log): who got it, on which channel, when,
 * for which offer, and whether it was delivered, opened, clicked and converted. Personal
 * data: filed under the customer's id in the file, erased with the person.
 */
export const responses = sqliteTable(
  "responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "cascade" }),
    /** The file's message id, or a hash of customer, campaign, channel, time and offer. */
    responseKey: text("response_key").notNull(),
    customerExternalId: text("customer_external_id").notNull(),
    campaignId: text("campaign_id"),
    /** sms, email, push, call in one spelling (ingest/response-channels.ts), else as written. */
    channel: text("channel").notNull(),
    sentAt: timestamp("sent_at").notNull(),
    offer: text("offer"),
    productCode: text("product_code"),
    category: text("category"),
    delivered: integer("delivered", { mode: "boolean" }),
    opened: integer("opened", { mode: "boolean" }),
    clicked: integer("clicked", { mode: "boolean" }),
    converted: integer("converted", { mode: "boolean" }),
    revenue: real("revenue"),
    rowHash: text("row_hash").notNull(),
  },
  (t) => [
    uniqueIndex("responses_key").on(t.workspaceId, t.responseKey),
    index("responses_customer_idx").on(t.workspaceId, t.customerExternalId, t.sentAt),
  ],
);

// ---------------------------------------------------------------------------------------
// Analyses (issue: segments and matching)
// ---------------------------------------------------------------------------------------

/** One computed analysis (RFM or clustering) with its parameters, choices and metrics. */
export const analysisRuns = sqliteTable(
  "analysis_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    /** "rfm" or "cluster". */
    kind: text("kind").notNull(),
    name: text("name"),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] })
      .notNull()
      .default("queued"),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Summary the pages and shared reports show: k and why, metrics, profiles, segments. */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    jobId: integer("job_id"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("analysis_runs_workspace_idx").on(t.workspaceId, t.kind, t.createdAt)],
);

/** Which segment or cluster each customer fell in, per run (and where the scatter puts them). */
export const segmentAssignments = sqliteTable(
  "segment_assignments",
  {
    workspaceId: workspaceRef(),
    runId: integer("run_id")
      .notNull()
      .references(() => analysisRuns.id, { onDelete: "cascade" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    segment: text("segment").notNull(),
    /** Per-customer figures of the run, e.g. {r, f, m, recency_days} or the feature values. */
    values: text("values", { mode: "json" }).$type<Record<string, number>>(),
    x: real("x"),
    y: real("y"),
  },
  (t) => [
    uniqueIndex("segment_assignments_key").on(t.runId, t.customerId),
    index("segment_assignments_segment_idx").on(t.runId, t.segment),
    index("segment_assignments_customer_idx").on(t.customerId),
  ],
);

/**
 * A counter per workspace that every change of its data moves (an import's publish, a
 * deletion, an erasure, a merge, an objection, a scrape, the legal basis). Caches and stored
 * run views are keyed by it instead of recounting the data (docs/decisions/026).
 */
export const workspaceDataVersions = sqliteTable("workspace_data_versions", {
  workspaceId: integer("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
  changedAt: timestamp("changed_at").notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/**
 * What one tab of a finished run shows (overview, Channels, Products…), computed on the
 * queue and stored as JSON with the data version it was computed at; pages read it and never
 * compute it (docs/decisions/026). `view` names the tab and its options, e.g.
 * "products:support=1,confidence=0.2,lift=1".
 */
export const runViews = sqliteTable(
  "run_views",
  {
    workspaceId: workspaceRef(),
    runId: integer("run_id")
      .notNull()
      .references(() => analysisRuns.id, { onDelete: "cascade" }),
    view: text("view").notNull(),
    dataVersion: integer("data_version").notNull(),
    payload: text("payload", { mode: "json" }).$type<unknown>().notNull(),
    computedAt: timestamp("computed_at").notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("run_views_key").on(t.runId, t.view)],
);

/**
 * What a workspace-wide page shows that needs all of its data (the Segments page's feature
 * list), computed on the queue and stored under the key of the data it was computed from
 * (app/segments/workspace-views.server.ts, docs/decisions/026).
 */
export const workspaceViews = sqliteTable(
  "workspace_views",
  {
    workspaceId: workspaceRef(),
    view: text("view").notNull(),
    /** The data marks it was computed at; another key means it is stale. */
    dataKey: text("data_key").notNull(),
    payload: text("payload", { mode: "json" }).$type<unknown>().notNull(),
    computedAt: timestamp("computed_at").notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("workspace_views_key").on(t.workspaceId, t.view)],
);

/** Each contact made through an exported audience, for the per-week frequency cap. */
export const audienceContacts = sqliteTable(
  "audience_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    audienceName: text("audience_name"),
    contactedAt: timestamp("contacted_at").notNull(),
  },
  (t) => [index("audience_contacts_customer_idx").on(t.workspaceId, t.customerId, t.contactedAt)],
);

// ---------------------------------------------------------------------------------------
// Scraping (issue: scheduled scrapers)
// ---------------------------------------------------------------------------------------

/** Something to scrape on a schedule: a channel page, a site's statistics, trends, custom. */
export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    /** The adapter under scrapers/sources: telegram, video, site-stats, trends, custom. */
    adapter: text("adapter").notNull(),
    /** Adapter settings: channel handle, site, keywords and region, selectors… */
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Cron expression, evaluated in the workspace time zone. */
    schedule: text("schedule").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    nextRunAt: timestamp("next_run_at"),
    lastRunAt: timestamp("last_run_at"),
    lastStatus: text("last_status"),
    lastError: text("last_error"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("sources_due_idx").on(t.enabled, t.nextRunAt)],
);

/** A time series point: re-runs for the same period upsert, never duplicate. */
export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "cascade" }),
    /** "channel", "site", "keyword", "query", "post", "video". */
    entityType: text("entity_type").notNull(),
    entity: text("entity").notNull(),
    metric: text("metric").notNull(),
    /** The period the value describes: "2026-11-21", "2026-11", "2026-W47" or an instant. */
    period: text("period").notNull(),
    value: real("value"),
    /** Text values (titles, related queries) are stored as text and escaped when shown. */
    textValue: text("text_value"),
    url: text("url"),
    fetchedAt: timestamp("fetched_at").notNull(),
  },
  (t) => [
    uniqueIndex("observations_key").on(t.workspaceId, t.sourceId, t.entity, t.metric, t.period),
    index("observations_series_idx").on(t.workspaceId, t.entityType, t.entity, t.metric, t.period),
  ],
);

/** History of scraping runs: duration, pages, observations written, error. */
export const scrapeRuns = sqliteTable(
  "scrape_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    jobId: integer("job_id"),
    trigger: text("trigger").notNull().default("schedule"),
    status: text("status").notNull(),
    startedAt: timestamp("started_at").notNull(),
    finishedAt: timestamp("finished_at"),
    durationMs: integer("duration_ms"),
    pagesFetched: integer("pages_fetched").notNull().default(0),
    observationsWritten: integer("observations_written").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("scrape_runs_source_idx").on(t.workspaceId, t.sourceId, t.startedAt)],
);

// ---------------------------------------------------------------------------------------
// Sharing
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Reports and sharing
// ---------------------------------------------------------------------------------------

export const reportModes = ["snapshot", "live"] as const;
export type ReportMode = (typeof reportModes)[number];

/**
 * A saved analysis page: which page (`kind`), with which parameters, and either the data it
 * showed, frozen (`snapshot`), or recomputed on view within those parameters (`live`).
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    mode: text("mode", { enum: reportModes }).notNull(),
    /** The page's data when saved (mode `snapshot`); null for live reports. */
    snapshot: text("snapshot", { mode: "json" }).$type<unknown>(),
    snapshotAt: timestamp("snapshot_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [index("reports_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/**
 * A read-only link to one report. Only a SHA-256 of the token is stored; `generation` grows on
 * every rotation and revocation so password cookies issued before stop working.
 */
export const shareLinks = sqliteTable(
  "share_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** Argon2 hash of the optional link password. */
    passwordHash: text("password_hash"),
    /** Whether the viewer may narrow the dates (clamped to the report's range on the server). */
    allowDateRange: integer("allow_date_range", { mode: "boolean" }).notNull().default(false),
    generation: integer("generation").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
    pausedAt: timestamp("paused_at"),
    revokedAt: timestamp("revoked_at"),
    lastOpenedAt: timestamp("last_opened_at"),
    viewCount: integer("view_count").notNull().default(0),
  },
  (t) => [index("share_links_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export const deliveryCadences = ["weekly", "monthly"] as const;
export type DeliveryCadence = (typeof deliveryCadences)[number];

/** A report e-mailed on a schedule (croner pattern in the workspace's time zone). */
export const reportDeliveries = sqliteTable(
  "report_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    cadence: text("cadence", { enum: deliveryCadences }).notNull(),
    cron: text("cron").notNull(),
    recipients: text("recipients", { mode: "json" }).$type<string[]>().notNull(),
    attachCsv: integer("attach_csv", { mode: "boolean" }).notNull().default(true),
    /** The share link the e-mail carries (made for the delivery; revoking it stops the link). */
    shareLinkId: integer("share_link_id").references(() => shareLinks.id, {
      onDelete: "set null",
    }),
    pausedAt: timestamp("paused_at"),
    nextRunAt: timestamp("next_run_at"),
    lastSentAt: timestamp("last_sent_at"),
    lastError: text("last_error"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("report_deliveries_workspace_idx").on(t.workspaceId, t.reportId),
    index("report_deliveries_due_idx").on(t.nextRunAt),
  ],
);

// ---------------------------------------------------------------------------------------
// Notification plans and next best offers (issue: customer value and notifications)
// ---------------------------------------------------------------------------------------

/**
 * A notification plan for one segment of a run, made on the queue and read by the
 * Notifications page. `summary` holds what was planned and why customers were left out;
 * `estimate` the offline estimate, replaced when later responses are uploaded (ADR 030).
 */
export const notificationPlans = sqliteTable(
  "notification_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    runId: integer("run_id")
      .notNull()
      .references(() => analysisRuns.id, { onDelete: "cascade" }),
    segment: text("segment").notNull(),
    weeklyCap: integer("weekly_cap").notNull(),
    explore: real("explore").notNull(),
    seed: integer("seed").notNull().default(1),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] })
      .notNull()
      .default("queued"),
    error: text("error"),
    jobId: integer("job_id"),
    /** The latest response the plan learned from: later responses are new evidence. */
    asOf: timestamp("as_of"),
    summary: text("summary", { mode: "json" }).$type<Record<string, unknown>>(),
    estimate: text("estimate", { mode: "json" }).$type<Record<string, unknown>>(),
    estimatedAt: timestamp("estimated_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("notification_plans_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** One planned send: personal data, erased with the customer (cascade). */
export const notificationPlanSends = sqliteTable(
  "notification_plan_sends",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    planId: integer("plan_id")
      .notNull()
      .references(() => notificationPlans.id, { onDelete: "cascade" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The id the sending system knows the customer by (their id in a source file). */
    customerExternalId: text("customer_external_id").notNull(),
    channel: text("channel").notNull(),
    offer: text("offer").notNull(),
    sendHour: integer("send_hour").notNull(),
    expectedRate: real("expected_rate").notNull(),
    explored: integer("explored", { mode: "boolean" }).notNull(),
  },
  (t) => [index("notification_plan_sends_plan_idx").on(t.planId, t.customerId)],
);

/** A member's next best offers of a run, ranked, stored by the plan job (docs §22). */
export const nextBestOffers = sqliteTable(
  "next_best_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    runId: integer("run_id")
      .notNull()
      .references(() => analysisRuns.id, { onDelete: "cascade" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    customerExternalId: text("customer_external_id"),
    segment: text("segment").notNull(),
    rank: integer("rank").notNull(),
    category: text("category").notNull(),
    propensity: real("propensity").notNull(),
    value: real("value").notNull(),
    expectedValue: real("expected_value").notNull(),
    /** {kind: "repeat", everyDays, lastDaysAgo} or {kind: "segment", share}. */
    reason: text("reason", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The day the offers were ranked for (the run's reference day). */
    asOf: text("as_of").notNull(),
  },
  (t) => [
    index("next_best_offers_run_idx").on(t.workspaceId, t.runId, t.segment, t.customerId),
    index("next_best_offers_customer_idx").on(t.customerId),
  ],
);

// ---------------------------------------------------------------------------------------
// Customer value (issue 13): one row per training, and each customer's predicted value.
// ---------------------------------------------------------------------------------------

/** A customer value training: horizon, status, and the metrics of model and baselines. */
export const valueModels = sqliteTable(
  "value_models",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: workspaceRef(),
    horizonDays: integer("horizon_days").notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] })
      .notNull()
      .default("queued"),
    /** Splits, metrics of the model and both baselines, which one is used and why, importance. */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    jobId: integer("job_id"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("value_models_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** Each analysed customer's predicted net revenue over the model's horizon. */
export const customerValues = sqliteTable(
  "customer_values",
  {
    workspaceId: workspaceRef(),
    modelId: integer("model_id")
      .notNull()
      .references(() => valueModels.id, { onDelete: "cascade" }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    predictedValue: real("predicted_value").notNull(),
  },
  (t) => [
    uniqueIndex("customer_values_key").on(t.modelId, t.customerId),
    index("customer_values_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
