/**
 * The CSV a trends site exports for interest over time (Google Trends "multiTimeline.csv"):
 *
 *     Category: All categories
 *
 *     Week,kredi kartı: (Turkey),ihtiyaç kredisi: (Turkey)
 *     2025-11-23,72,45
 *     2025-11-30,<1,47
 *
 * → one "interest" observation per keyword and row. Pure; for the upload flow, where a
 * marketer brings the file instead of us rendering the page.
 */
import { parse } from "csv-parse/sync";
import { message } from "~/analytics/message-code";
import { observationSchema, validateObservations } from "./observation";
import { parseInterest, periodOfLabel } from "./trends-values";
import type { Observation } from "./types";

/** Its message is a message code; the detail (what in the file is off) stays as written. */
export class TrendsCsvError extends Error {
  constructor(detail: string) {
    super(message("messages:scrapers.notTrendsCsv", { detail }));
    this.name = "TrendsCsvError";
  }
}

const TIME_COLUMN = /^(?:week|day|month|time)$/i;
const schema = observationSchema(["keyword"]);

/** "kredi kartı: (Turkey)" → { keyword: "kredi kartı", region: "Turkey" }. */
export function splitSeriesHeader(header: string): { keyword: string; region?: string } {
  const match = /^(.*?):\s*\(([^()]*)\)\s*$/.exec(header.trim());
  return match
    ? { keyword: (match[1] ?? "").trim(), region: match[2] }
    : { keyword: header.trim() };
}

export interface TrendsCsvOptions {
  /** Stored with each observation where a scraped one has its page URL. */
  url?: string;
}

export function parseTrendsCsv(text: string, options: TrendsCsvOptions = {}): Observation[] {
  const url = options.url ?? "upload:multiTimeline.csv";
  const rows = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const headerIndex = rows.findIndex((row) => TIME_COLUMN.test(row[0] ?? "") && row.length >= 2);
  const header = rows[headerIndex];
  if (!header) throw new TrendsCsvError('no header row starting with "Week", "Day" or "Month"');
  const keywords = header.slice(1).map((cell) => splitSeriesHeader(cell).keyword);
  if (keywords.some((k) => k === "")) throw new TrendsCsvError("a series has no keyword");

  const observations: Observation[] = [];
  for (const [offset, row] of rows.slice(headerIndex + 1).entries()) {
    const line = `data row ${offset + 1}`;
    const period = periodOfLabel(row[0] ?? "");
    if (!period) throw new TrendsCsvError(`${line}: "${row[0]}" is not a date like 2025-11-23`);
    keywords.forEach((keyword, i) => {
      const cell = row[i + 1] ?? "";
      const value = parseInterest(cell);
      if (value === undefined) {
        throw new TrendsCsvError(`${line}: "${cell}" for "${keyword}" is not 0–100 or "<1"`);
      }
      observations.push({
        entityType: "keyword",
        entity: keyword,
        metric: "interest",
        period,
        value,
        url,
      });
    });
  }
  if (observations.length === 0) throw new TrendsCsvError("no data rows");
  return validateObservations(schema, observations);
}
