/**
 * What a report's page shows around its body: the report, its data (snapshot or rebuilt
 * live), its parameters, where it came from and its tables for the CSV links. The report
 * page and the CSV export both start here, so they agree on what the report is.
 */
import type { WorkspaceAccess } from "~/workspace.server";
import { notFound } from "~/workspace.server";
import { reportKinds } from "./kinds.server";
import { loadReportView, reportTables } from "./report-view.server";
import { findReport, reportKindOf, reportPagePath } from "./reports.server";

export function reportOf(access: WorkspaceAccess, param: string | undefined) {
  const id = Number(param);
  const report = Number.isInteger(id) && id > 0 ? findReport(access.scope, id) : undefined;
  if (!report) throw notFound();
  return report;
}

export function reportPage(access: WorkspaceAccess, param: string | undefined) {
  const report = reportOf(access, param);
  const view = loadReportView(access.scope, report);
  const kind = reportKindOf(report);
  const slug = access.workspace.slug;
  return {
    report: {
      id: report.id,
      title: report.title,
      note: report.note,
      mode: report.mode,
      updatedAt: report.updatedAt?.toISOString() ?? null,
    },
    view,
    personal: kind ? reportKinds[kind].personal : false,
    pagePath: reportPagePath(slug, report),
    base: `/w/${slug}/reports/${report.id}`,
    tables: view ? reportTables(view).map((t) => ({ name: t.name, rows: t.rows.length })) : [],
  };
}
