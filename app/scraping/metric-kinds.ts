/**
 * What kind of number a scraped site metric is (a percent, a duration…), so the pages can
 * show 0.034 as "3.4 %" and 245 as "4 min 05 s". Observations store bare numbers
 * (percentages as fractions, durations in seconds); the kind lives in the source: a custom
 * source's config gives each metric a value type, and the site-statistics adapter writes
 * a fixed set of metrics. Pure and client-safe.
 */
import { z } from "zod";
import { VALUE_TYPES, type ValueType } from "#scrapers/sources/value-parsers";

export type MetricKind = ValueType;

/** Only the part of a custom config this needs; a config that is not one yields nothing. */
const CustomMetricTypesSchema = z.object({
  metrics: z.array(z.object({ name: z.string(), type: z.enum(VALUE_TYPES) })),
});

export interface SourceConfigRow {
  id: number;
  adapter: string;
  config: unknown;
}

/** Source id → metric name → kind, for the custom sources among `sources`. */
export function customMetricKinds(
  sources: readonly SourceConfigRow[],
): Map<number, Map<string, MetricKind>> {
  const kinds = new Map<number, Map<string, MetricKind>>();
  for (const source of sources) {
    if (source.adapter !== "custom") continue;
    const parsed = CustomMetricTypesSchema.safeParse(source.config);
    if (!parsed.success) continue;
    kinds.set(source.id, new Map(parsed.data.metrics.map((m) => [m.name, m.type])));
  }
  return kinds;
}

/** The kinds of the metrics the site-statistics adapter writes (scrapers/sources/site-stats). */
export function siteStatsMetricKind(metric: string): MetricKind | null {
  if (metric === "visits") return "integer";
  if (metric === "pages_per_visit") return "decimal";
  if (metric === "avg_visit_duration") return "duration";
  if (
    metric === "bounce_rate" ||
    metric.startsWith("traffic_share.") ||
    metric.startsWith("country_share.")
  ) {
    return "percent";
  }
  return null;
}

export interface KindLookupRow {
  metric: string;
  sourceId: number | null;
  sourceAdapter: string | null;
}

/** The kind of one observation: its custom source's type, else the built-in one; else null. */
export function metricKindOf(
  row: KindLookupRow,
  customKinds: ReadonlyMap<number, ReadonlyMap<string, MetricKind>>,
): MetricKind | null {
  const custom = row.sourceId === null ? undefined : customKinds.get(row.sourceId)?.get(row.metric);
  if (custom) return custom;
  return row.sourceAdapter === "site-stats" ? siteStatsMetricKind(row.metric) : null;
}
