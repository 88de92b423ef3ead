/** What every kind of report provides: how to rebuild its page and how to export it. */
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import type { ReportTable } from "../report-table";

export type ReportParams = Record<string, string>;

export interface ReportKind<Data> {
  /** The page it is saved from, relative to /w/:workspace (the report links back to it). */
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

/** Keeps the named search parameters (short strings only); the page's own parsing checks them. */
export function searchParams(names: readonly string[]): z.ZodType<ReportParams> {
  return z.record(z.string(), z.unknown()).transform((input) => {
    const kept: ReportParams = {};
    for (const name of names) {
      const value = input[name];
      if (typeof value === "string" && value !== "" && value.length <= 200) kept[name] = value;
    }
    return kept;
  });
}
