/** What every kind of report provides: how to rebuild its page and how to export it. */
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import type { ReportTable } from "../report-table";

/** A page's search parameters as saved: one value, or several for a repeated one (?kw=a&kw=b). */
export type ReportParams = Record<string, string | string[]>;

export interface ReportKind<Data> {
  /**
   * The page it is saved from, relative to /w/:workspace (the report links back to it);
   * ":name" is a route id taken from the parameters, e.g. "segments/:run/channels".
   */
  page: string;
  /** The page's search parameters a report keeps; anything else is dropped when saving. */
  params: z.ZodType<ReportParams>;
  /** True when the page shows individual customers: such a report cannot be shared by link. */
  personal: boolean;
  /** Which parameters are the date range (a share link may narrow them, never widen). */
  dateRange: { from: string; to: string } | null;
  /** The page's data for these parameters: what a snapshot stores and a live report shows. */
  build(scope: WorkspaceScope, params: ReportParams): Data;
  /** The tables of the page, for the CSV export and the e-mail attachment. */
  tables(data: Data): ReportTable[];
}

const MAX_VALUE = 200;
const MAX_REPEATS = 50;
const short = (value: unknown): value is string =>
  typeof value === "string" && value !== "" && value.length <= MAX_VALUE;

/**
 * Keeps the named search parameters (short strings only); `repeated` ones keep every value
 * (a list). The page's own parsing checks the values, as it does for its URL.
 */
export function searchParams(
  names: readonly string[],
  repeated: readonly string[] = [],
): z.ZodType<ReportParams> {
  return z.record(z.string(), z.unknown()).transform((input) => {
    const kept: ReportParams = {};
    for (const name of names) {
      const value = input[name];
      const first = Array.isArray(value) ? value[0] : value;
      if (short(first)) kept[name] = first;
    }
    for (const name of repeated) {
      const value = input[name];
      const values = (Array.isArray(value) ? value : [value]).filter(short).slice(0, MAX_REPEATS);
      if (values.length > 0) kept[name] = values;
    }
    return kept;
  });
}

/** The single-valued parameters, as a page reading `Object.fromEntries(searchParams)` sees them. */
export function singleParams(params: ReportParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params))
    if (typeof value === "string") out[key] = value;
  return out;
}

/** The parameters as the page's URL query had them. */
export function toSearchParams(params: ReportParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  return query;
}

/** A URL query as saved parameters: repeated names become lists. */
export function paramsOfQuery(query: URLSearchParams): ReportParams {
  const out: ReportParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}
