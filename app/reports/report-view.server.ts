/**
 * What a report shows: the frozen data of a snapshot, or the page rebuilt now within the
 * saved parameters (live). Only the saved parameters are used; a share link's date range can
 * narrow the saved range, never widen it (clamped here, on the server).
 */
import type { WorkspaceScope } from "#db/scoped";
import type { ReportParams } from "./kinds/report-kind.server";
import { reportKinds } from "./kinds.server";
import type { ReportKindId } from "./report-kinds";
import type { ReportTable } from "./report-table";
import { type Report, reportKindOf } from "./reports.server";

export interface ReportView {
  kind: ReportKindId;
  title: string;
  note: string;
  mode: Report["mode"];
  /** When the data was taken: the snapshot's time, or now for a live report. */
  takenAt: string;
  params: ReportParams;
  data: unknown;
}

export interface DateRangeRequest {
  from?: string;
  to?: string;
}

/** The later of two YYYY-MM-DD days (undefined = unbounded), and the earlier. */
const later = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);
const earlier = (a?: string, b?: string) => (!a ? b : !b ? a : a < b ? a : b);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The saved parameters with a requested date range clamped inside the saved one. */
export function clampedParams(
  report: Report,
  requested: DateRangeRequest | undefined,
): ReportParams {
  const kind = reportKindOf(report);
  const saved = report.params as ReportParams;
  const range = kind ? reportKinds[kind].dateRange : null;
  if (!range || !requested) return saved;
  const from = requested.from && DAY.test(requested.from) ? requested.from : undefined;
  const to = requested.to && DAY.test(requested.to) ? requested.to : undefined;
  const savedDay = (name: string) => {
    const value = saved[name];
    return typeof value === "string" ? value : undefined;
  };
  const clampedFrom = later(savedDay(range.from), from);
  const clampedTo = earlier(savedDay(range.to), to);
  const next = { ...saved };
  if (clampedFrom) next[range.from] = clampedFrom;
  if (clampedTo) next[range.to] = clampedTo;
  if (clampedFrom && clampedTo && clampedFrom > clampedTo) return saved;
  return next;
}

export function loadReportView(
  scope: WorkspaceScope,
  report: Report,
  options: { dateRange?: DateRangeRequest; now?: Date } = {},
): ReportView | null {
  const kind = reportKindOf(report);
  if (!kind) return null;
  const base = { kind, title: report.title, note: report.note, mode: report.mode };
  if (report.mode === "snapshot")
    return {
      ...base,
      takenAt: (report.snapshotAt ?? report.createdAt).toISOString(),
      params: report.params as ReportParams,
      data: report.snapshot,
    };
  const params = clampedParams(report, options.dateRange);
  const data = JSON.parse(JSON.stringify(reportKinds[kind].build(scope, params)));
  return { ...base, takenAt: (options.now ?? new Date()).toISOString(), params, data };
}

/** The report's tables for a CSV export or an e-mail attachment. */
export function reportTables(view: ReportView): ReportTable[] {
  return reportKinds[view.kind].tables(view.data);
}
