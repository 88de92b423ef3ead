/** Exports of tables that hold no personal data: campaigns, products, channel audiences. */
import * as schema from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { type CsvValue, csvLines } from "./csv";
import { type CsvExport, rowsOf } from "./export-rows.server";

/** Tables without personal data, column for column (CSV header → stored property). */
export function plainCsv(
  scope: WorkspaceScope,
  table: typeof schema.campaigns | typeof schema.products,
  fileName: string,
  columns: Record<string, string>,
): CsvExport {
  const rows = rowsOf(scope, table) as Generator<Record<string, unknown> & { id: number }>;
  return {
    fileName,
    excluded: 0,
    lines: csvLines(Object.keys(columns), rows, (row) =>
      Object.values(columns).map((key) => row[key] as CsvValue),
    ),
  };
}

export function audiencesCsv(scope: WorkspaceScope): CsvExport {
  const table = schema.channelAudiences;
  // Share buckets differ per file, so the header is the union of all rows' buckets.
  const buckets = new Set<string>();
  for (const row of rowsOf(scope, table)) {
    for (const [group, shares] of Object.entries(row.shares)) {
      for (const bucket of Object.keys(shares)) buckets.add(`${group}.${bucket}`);
    }
  }
  const bucketColumns = [...buckets].sort();
  const header = ["channel_name", "channel_type", "url", "monthly_visits"];
  header.push("avg_visit_duration_seconds", "bounce_rate", ...bucketColumns);
  return {
    fileName: "channel_audiences.csv",
    excluded: 0,
    lines: csvLines(header, rowsOf(scope, table), (r) => [
      r.channelName,
      r.channelType,
      r.url,
      r.monthlyVisits,
      r.avgVisitDurationSeconds,
      r.bounceRate,
      ...bucketColumns.map((column) => {
        const [group = "", bucket = ""] = column.split(".");
        return r.shares[group]?.[bucket];
      }),
    ]),
  };
}
