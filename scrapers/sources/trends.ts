/**
 * Search-trends "explore" pages (Google Trends-like). Needs a browser: the widgets are
 * built by script after the page shell loads.
 *
 * Read: interest over time (0–100) for up to five keywords in one region, from the chart's
 * accessible data table, and for each keyword its rising related queries with their growth
 * ("+350%" → 3.5) or the "Breakout" flag (growth too large to state).
 */
import * as cheerio from "cheerio";
import { z } from "zod";
import { message } from "~/analytics/message-code";
import { observationSchema, validateObservations } from "./observation";
import { dayOf } from "./periods";
import { parseInterest, periodOfLabel } from "./trends-values";
import { LayoutChangedError, type Observation, type SourceAdapter } from "./types";
import { parsePercent } from "./value-parsers";

export const TrendsConfigSchema = z.object({
  keywords: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[^,]+$/, message("messages:sources.config.keywordComma")),
    )
    .min(1)
    .max(5)
    .refine(
      (list) => new Set(list).size === list.length,
      message("messages:sources.config.keywordsRepeat"),
    ),
  /** ISO 3166 country ("TR") or subdivision ("TR-34"); empty for worldwide. */
  geo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(?:[A-Z]{2}(?:-[A-Z0-9]{1,3})?)?$/)
    .default(""),
  timeframe: z.string().trim().min(1).default("today 12-m"),
  baseUrl: z.url({ protocol: /^https?$/ }).default("https://trends.google.com"),
});
export type TrendsConfig = z.infer<typeof TrendsConfigSchema>;

const schema = observationSchema(["keyword", "query"]);
const TIMELINE_TABLE = 'widget[type="fe_line_chart"] .chart-table table';

/** The related query's entity: unique per keyword, readable as it is. */
export function relatedEntity(keyword: string, query: string): string {
  return `${keyword} → ${query}`;
}

function readTimeline($: cheerio.CheerioAPI, keywords: string[], url: string): Observation[] {
  const table = $(TIMELINE_TABLE).first();
  if (table.length === 0) throw new LayoutChangedError(`trends interest table (${TIMELINE_TABLE})`);
  const headers = table
    .find("thead th")
    .toArray()
    .map((th) => $(th).text().trim());
  const observations: Observation[] = [];
  const columns = keywords.map((keyword) => {
    const index = headers.indexOf(keyword);
    if (index < 1) throw new LayoutChangedError(`trends interest column for "${keyword}"`);
    return { keyword, index };
  });
  for (const row of table.find("tbody tr").toArray()) {
    const cells = $(row)
      .find("td")
      .toArray()
      .map((td) => $(td).text().trim());
    const period = periodOfLabel(cells[0] ?? "");
    if (!period) throw new LayoutChangedError(`trends period label "${cells[0] ?? ""}"`);
    for (const { keyword, index } of columns) {
      const value = parseInterest(cells[index] ?? "");
      if (value === undefined) {
        throw new LayoutChangedError(`trends interest "${cells[index] ?? ""}" for "${keyword}"`);
      }
      observations.push({
        entityType: "keyword",
        entity: keyword,
        metric: "interest",
        period,
        value,
        url,
      });
    }
  }
  if (observations.length === 0) throw new LayoutChangedError("trends interest table has no rows");
  return observations;
}

function readRelated($: cheerio.CheerioAPI, keyword: string, period: string, url: string) {
  const widget = $('widget[type="fe_related_queries"]').filter(
    (_, element) => $(element).attr("data-term") === keyword,
  );
  if (widget.length === 0) {
    throw new LayoutChangedError(`trends related queries widget for "${keyword}"`);
  }
  const observations: Observation[] = [];
  for (const item of widget.find(".fe-related-queries .item").toArray()) {
    const query = $(item).find(".label-text").text().trim();
    const label = $(item).find(".rising-value").text().trim();
    const breakout = /^breakout$/i.test(label);
    const growth = breakout ? null : parsePercent(label.replace(/^\+/, ""));
    if (!query || growth === undefined) {
      throw new LayoutChangedError(`trends related query "${query}" with value "${label}"`);
    }
    const base = { entityType: "query", entity: relatedEntity(keyword, query), period, url };
    observations.push(
      { ...base, metric: "growth", value: growth, textValue: query },
      { ...base, metric: "breakout", value: breakout ? 1 : 0, textValue: query },
    );
  }
  return observations;
}

export function parseTrends(html: string, url: string, config: TrendsConfig, fetchedAt: Date) {
  const $ = cheerio.load(html);
  const observations = readTimeline($, config.keywords, url);
  for (const keyword of config.keywords) {
    observations.push(...readRelated($, keyword, dayOf(fetchedAt), url));
  }
  return validateObservations(schema, observations);
}

export function trendsUrl(config: TrendsConfig): string {
  const query = new URLSearchParams({
    date: config.timeframe,
    geo: config.geo,
    q: config.keywords.join(","),
  });
  return `${config.baseUrl.replace(/\/+$/, "")}/trends/explore?${query}`;
}

export const trendsAdapter: SourceAdapter<TrendsConfig> = {
  id: "trends",
  label: "Search trends (interest over time and rising queries)",
  needsBrowser: true,
  configSchema: TrendsConfigSchema,
  urls: (config) => [trendsUrl(config)],
  parse: parseTrends,
  waitFor: () => "widget",
};
