/**
 * One writer per dataset kind: typed rows of a batch in, new / updated / unchanged counts
 * out. Writers run inside the loader's per-batch transaction and reuse their prepared
 * statements for the whole import. A row whose natural key an earlier row of the same file
 * had is refused (file-keys.ts), never merged into it.
 */
import { message } from "~/i18n/message-code";
import { customerWriter } from "./customer-writer.server";
import type { Collision } from "./file-keys";
import { createFileKeys, duplicateKeyReason, headerOfFields } from "./file-keys";
import { hashValues, type KeyedTable, keyedUpsert } from "./keyed-upsert.server";
import type { DatasetKind } from "./kinds";
import type { ColumnMapping } from "./mapping";
import type { CampaignRow, ChannelAudienceRow, ProductRow, ResponseRow } from "./schemas";
import { transactionWriter } from "./transaction-writer.server";
import {
  type BatchCounts,
  emptyCounts,
  type RowWriter,
  type WriterContext,
} from "./writer-context";

/** A table keyed by natural key, and how a row becomes its key and stored values. */
interface SimpleTable<Row> extends KeyedTable {
  columns(row: Row): { keys: unknown[]; values: unknown[] };
  /** The fields whose column a message about the key names, first mapped one first. */
  keyFields: readonly string[];
  /** The key in words, as a message code (messages:ingest.key.*): `product code "P1"`. */
  describeKey(row: Row): string;
}

const products: SimpleTable<ProductRow> = {
  table: "products",
  keyColumns: ["code"],
  valueColumns: ["name", "category", "price"],
  columns: (row) => ({ keys: [row.code], values: [row.name, row.category, row.price] }),
  keyFields: ["code"],
  describeKey: (row) => message("messages:ingest.key.productCode", { code: row.code }),
};

const campaigns: SimpleTable<CampaignRow> = {
  table: "campaigns",
  keyColumns: ["campaign_key", "date", "segment"],
  valueColumns: [
    "name",
    "channel",
    "start_date",
    "end_date",
    "spend",
    "impressions",
    "clicks",
    "conversions",
    "revenue",
    "product",
  ],
  columns: (row) => ({
    // A whole-campaign row has no day, a row for the whole audience no segment: "" rather
    // than NULL, so the unique key holds.
    keys: [row.campaign_id, row.date ?? "", row.segment ?? ""],
    values: [
      row.name,
      row.channel,
      row.start_date,
      row.end_date,
      row.spend,
      row.impressions,
      row.clicks,
      row.conversions,
      row.revenue,
      row.product,
    ],
  }),
  keyFields: ["campaign_id", "name"],
  describeKey: (row) => {
    const id = row.campaign_id;
    if (row.segment)
      return row.date
        ? message("messages:ingest.key.campaignOnSegment", {
            id,
            date: row.date,
            segment: row.segment,
          })
        : message("messages:ingest.key.campaignSegment", { id, segment: row.segment });
    return row.date
      ? message("messages:ingest.key.campaignOn", { id, date: row.date })
      : message("messages:ingest.key.campaign", { id });
  },
};

function known(entries: Record<string, number | null>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, number] => entry[1] !== null),
  );
}

/** Shares grouped by the split they describe, keyed by field name; unknown shares left out. */
export function audienceShares(row: ChannelAudienceRow): Record<string, Record<string, number>> {
  return {
    age: row.age_bands,
    gender: known({ gender_female: row.gender_female, gender_male: row.gender_male }),
    residency: known({ resident: row.resident, non_resident: row.non_resident }),
    interests: row.interests,
  };
}

const channelAudiences: SimpleTable<ChannelAudienceRow> = {
  table: "channel_audiences",
  keyColumns: ["channel_name"],
  valueColumns: [
    "channel_type",
    "url",
    "shares",
    "monthly_visits",
    "avg_visit_duration_seconds",
    "bounce_rate",
  ],
  columns: (row) => ({
    keys: [row.channel_name],
    values: [
      row.channel_type,
      row.url,
      JSON.stringify(audienceShares(row)),
      row.monthly_visits,
      row.avg_visit_duration_seconds,
      row.bounce_rate,
    ],
  }),
  keyFields: ["channel_name"],
  describeKey: (row) => message("messages:ingest.key.channel", { name: row.channel_name }),
};

const responses: SimpleTable<ResponseRow> = {
  table: "responses",
  keyColumns: ["response_key"],
  valueColumns: [
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
  ],
  columns: (row) => ({
    keys: [row.response_id],
    values: [
      row.customer_external_id,
      row.campaign_id,
      row.channel,
      // Stored as epoch milliseconds like every other timestamp column.
      Date.parse(row.sent_at),
      row.offer,
      row.product_code,
      row.category,
      sqliteBoolean(row.delivered),
      sqliteBoolean(row.opened),
      sqliteBoolean(row.clicked),
      sqliteBoolean(row.converted),
      row.revenue,
    ],
  }),
  keyFields: ["response_id", "customer_external_id"],
  describeKey: (row) =>
    row.response_id.startsWith("row:")
      ? message("messages:ingest.key.messageTo", {
          customer: row.customer_external_id,
          channel: row.channel,
          sentAt: row.sent_at,
        })
      : message("messages:ingest.key.messageId", { id: row.response_id }),
};

/** better-sqlite3 binds numbers, not booleans. */
function sqliteBoolean(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function simpleWriter<Row>(context: WriterContext, spec: SimpleTable<Row>) {
  const upsert = keyedUpsert(context.scope, context.datasetId, spec);
  const fileKeys = createFileKeys();
  let keyColumn: string | null = null;
  return {
    recordTaker(headers: readonly string[], mapping: ColumnMapping): null {
      keyColumn = headerOfFields(headers, mapping, spec.keyFields);
      return null;
    },
    admit(row: Row, line: number): Collision | null {
      const earlier = fileKeys.claim(JSON.stringify(spec.columns(row).keys), line);
      if (earlier === undefined) return null;
      return { column: keyColumn, reason: duplicateKeyReason(spec.describeKey(row), earlier) };
    },
    write(rows: Row[]): BatchCounts {
      const counts = emptyCounts();
      for (const row of rows) {
        const { keys, values } = spec.columns(row);
        counts[upsert.upsert(keys, values, hashValues(values))] += 1;
      }
      return counts;
    },
    async finish(): Promise<BatchCounts> {
      // The hand-over commits with the publish mark: a process killed in between must not
      // leave adopted rows under a dataset the sweep then removes.
      context.scope.db.$client
        .transaction(() => {
          upsert.adopt();
          context.onPublished?.(emptyCounts());
        })
        .immediate();
      return emptyCounts();
    },
  };
}

export function createRowWriter(kind: DatasetKind, context: WriterContext): RowWriter {
  // Each branch's writer takes exactly the row type validateRow gives for `kind`.
  switch (kind) {
    case "transactions":
      return transactionWriter(context) as RowWriter;
    case "customers":
      return customerWriter(context) as RowWriter;
    case "products":
      return simpleWriter(context, products) as RowWriter;
    case "campaigns":
      return simpleWriter(context, campaigns) as RowWriter;
    case "channel_audiences":
      return simpleWriter(context, channelAudiences) as RowWriter;
    case "responses":
      return simpleWriter(context, responses) as RowWriter;
  }
}
