/**
 * Custom sources: a URL pattern, static or browser fetching, and for each metric a CSS
 * selector and a value type. For public pages no built-in adapter knows.
 *
 * Every metric must be found on every page: a selector that matches nothing, or text that
 * is not a value of the metric's type, means the page changed and fails the run with a
 * message naming the metric and the selector.
 */
import * as cheerio from "cheerio";
import { z } from "zod";
import { message } from "~/analytics/message-code";
import { observationSchema, validateObservations } from "./observation";
import { dayOf } from "./periods";
import { LayoutChangedError, type Observation, type SourceAdapter } from "./types";
import { expandPattern, fillPattern, pageNumberOf } from "./url-pattern";
import { parseTypedValue, VALUE_TYPES } from "./value-parsers";

function isSelector(selector: string): boolean {
  try {
    cheerio.load("")(selector);
    return true;
  } catch {
    return false;
  }
}

export const CustomMetricSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, message("messages:sources.config.metricName")),
  selector: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine(isSelector, message("messages:sources.config.notSelector")),
  type: z.enum(VALUE_TYPES),
  /** Read this attribute instead of the element's text (e.g. "datetime", "content"). */
  attribute: z
    .string()
    .regex(/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/)
    .optional(),
  /** Only for ambiguous numbers such as "1,234": which mark is the decimal one. */
  decimalMark: z.enum([".", ","]).optional(),
});

export const CustomConfigSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((pattern) => {
      const sample = fillPattern(pattern, { date: new Date(0), page: 1 });
      return z.url({ protocol: /^https?$/ }).safeParse(sample).success;
    }, message("messages:sources.config.notUrlPattern")),
  mode: z.enum(["static", "browser"]).default("static"),
  /** How many pages when the URL has "{page}". */
  pages: z.number().int().min(1).max(50).default(1),
  /** What the values describe; defaults to the URL's host. */
  entity: z.string().trim().min(1).max(200).optional(),
  /** Browser mode: wait for this selector before reading the page. */
  waitFor: z
    .string()
    .trim()
    .min(1)
    .refine(isSelector, message("messages:sources.config.notSelector"))
    .optional(),
  metrics: z
    .array(CustomMetricSchema)
    .min(1)
    .max(50)
    .refine(
      (ms) => new Set(ms.map((m) => m.name)).size === ms.length,
      message("messages:sources.config.metricNamesRepeat"),
    ),
});
export type CustomConfig = z.infer<typeof CustomConfigSchema>;
export type CustomMetric = z.infer<typeof CustomMetricSchema>;

const schema = observationSchema(["site"]);

function entityFor(config: CustomConfig, url: string): string {
  const base = config.entity ?? new URL(url).host;
  const page = config.pages > 1 ? pageNumberOf(config.url, url) : undefined;
  return page === undefined ? base : `${base} (page ${page})`;
}

function readMetric($: cheerio.CheerioAPI, metric: CustomMetric) {
  const element = $(metric.selector).first();
  if (element.length === 0) {
    throw new LayoutChangedError(
      `metric "${metric.name}": selector "${metric.selector}" matched nothing`,
    );
  }
  const raw = metric.attribute ? element.attr(metric.attribute) : element.text();
  const text = (raw ?? "").replace(/\s+/g, " ").trim();
  const parsed = parseTypedValue(text, metric.type, metric.decimalMark);
  if (!parsed) {
    const where = metric.attribute ? `${metric.selector} [${metric.attribute}]` : metric.selector;
    throw new LayoutChangedError(
      `metric "${metric.name}": "${text.slice(0, 80)}" at selector "${where}" is not a ${metric.type}`,
    );
  }
  return parsed;
}

export function parseCustom(html: string, url: string, config: CustomConfig, fetchedAt: Date) {
  const $ = cheerio.load(html);
  const entity = entityFor(config, url);
  const period = dayOf(fetchedAt);
  const observations: Observation[] = config.metrics.map((metric) => ({
    entityType: "site",
    entity,
    metric: metric.name,
    period,
    url,
    ...readMetric($, metric),
  }));
  return validateObservations(schema, observations);
}

export const customAdapter: SourceAdapter<CustomConfig> = {
  id: "custom",
  label: "Custom page (CSS selectors)",
  needsBrowser: false,
  configSchema: CustomConfigSchema,
  urls: (config, now = new Date()) => expandPattern(config.url, config.pages, now),
  parse: parseCustom,
  usesBrowser: (config) => config.mode === "browser",
  waitFor: (config) => config.waitFor,
};
