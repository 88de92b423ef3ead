/**
 * Website statistics pages in the shape statistics aggregators (similarweb-like) publish:
 * the figures live in the data of the page's charts, in a `<script>`.
 *
 * Read from that data: visits per month, bounce rate, pages per visit, average visit
 * duration, and the share of visits per traffic source and per country. Rates and shares
 * are stored as fractions (42.31 % → 0.4231), durations in seconds. The engagement figures
 * describe the chart's last month, so that is their period.
 */
import { z } from "zod";
import { message } from "~/analytics/message-code";
import { observationSchema, validateObservations } from "./observation";
import { tidy } from "./periods";
import { readEmbeddedData, ScriptDataError } from "./script-data";
import { LayoutChangedError, type Observation, type SourceAdapter } from "./types";
import { parseDuration } from "./value-parsers";

export const SiteStatsConfigSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((d) =>
      d
        .replace(/^https?:\/\//, "")
        .replace(/^www\./, "")
        .replace(/\/.*$/, ""),
    )
    .pipe(
      z
        .string()
        .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/, message("messages:sources.config.notDomain")),
    ),
  baseUrl: z.url({ protocol: /^https?$/ }).default("https://www.similarweb.com"),
});
export type SiteStatsConfig = z.infer<typeof SiteStatsConfigSchema>;

const DATA_LOCATION = { jsonScriptId: "stats-data", variable: "window.__STATS__" };

const percent = z.number().min(0).max(100);
const shares = (c: { series: number[] }) => c.series.reduce((a, b) => a + b, 0) <= 100.5;
const chart = <T extends z.ZodType>(value: T) =>
  z
    .object({ labels: z.array(z.string().min(1)), series: z.array(value) })
    .refine((c) => c.labels.length === c.series.length, "labels and series differ in length");

/** The part of the embedded data we rely on; anything else in it may change freely. */
export const StatsDataSchema = z.object({
  charts: z.object({
    visits: chart(z.number().int().nonnegative()).refine(
      (c) => c.labels.length > 0 && c.labels.every((l) => /^\d{4}-(?:0[1-9]|1[0-2])$/.test(l)),
      "visits labels must be months like 2026-10",
    ),
    trafficSources: chart(percent).refine(shares, "traffic source shares exceed 100%"),
    countries: chart(percent).refine(shares, "country shares exceed 100%"),
  }),
  engagement: z.object({
    bounceRate: percent,
    pagesPerVisit: z.number().nonnegative(),
    /** "00:04:05" or seconds. */
    avgVisitDuration: z.union([z.number().nonnegative(), z.string()]),
  }),
});

const schema = observationSchema(["site"]);

function readStats(html: string) {
  let data: unknown;
  try {
    data = readEmbeddedData(html, DATA_LOCATION);
  } catch (error) {
    if (error instanceof ScriptDataError) {
      throw new LayoutChangedError(`site statistics chart data: ${error.message}`);
    }
    throw error;
  }
  const parsed = StatsDataSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LayoutChangedError(
      `site statistics chart data at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** "Referrals" → "referrals", "Paid Search" → "paid_search", "TR" stays "TR". */
function metricKey(label: string): string {
  return /^[A-Z]{2}$/.test(label)
    ? label
    : label
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_");
}

export function parseSiteStats(
  html: string,
  url: string,
  config: SiteStatsConfig,
  _fetchedAt: Date,
) {
  const stats = readStats(html);
  const { visits, trafficSources, countries } = stats.charts;
  const duration =
    typeof stats.engagement.avgVisitDuration === "number"
      ? stats.engagement.avgVisitDuration
      : parseDuration(stats.engagement.avgVisitDuration);
  if (duration === undefined) {
    throw new LayoutChangedError(
      `site statistics average visit duration "${stats.engagement.avgVisitDuration}"`,
    );
  }
  const site = { entityType: "site", entity: config.domain, url };
  const observations: Observation[] = visits.labels.map((month, i) => ({
    ...site,
    metric: "visits",
    period: month,
    value: visits.series[i] ?? null,
  }));
  const lastMonth = visits.labels[visits.labels.length - 1] ?? "";
  const push = (metric: string, value: number) =>
    observations.push({ ...site, metric, period: lastMonth, value });
  push("bounce_rate", tidy(stats.engagement.bounceRate / 100));
  push("pages_per_visit", stats.engagement.pagesPerVisit);
  push("avg_visit_duration", duration);
  trafficSources.labels.forEach((label, i) => {
    push(`traffic_share.${metricKey(label)}`, tidy((trafficSources.series[i] ?? 0) / 100));
  });
  countries.labels.forEach((label, i) => {
    push(`country_share.${metricKey(label)}`, tidy((countries.series[i] ?? 0) / 100));
  });
  return validateObservations(schema, observations);
}

export const siteStatsAdapter: SourceAdapter<SiteStatsConfig> = {
  id: "site-stats",
  label: "Website statistics (similarweb-like overview page)",
  needsBrowser: false,
  configSchema: SiteStatsConfigSchema,
  urls: (config) => [`${config.baseUrl.replace(/\/+$/, "")}/website/${config.domain}/`],
  parse: parseSiteStats,
};
