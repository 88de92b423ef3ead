import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileSlug, reportTableCsv } from "~/delivery/delivery-mail";
import { reportOf } from "~/reports/report-page.server";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { notFound, requireWorkspace } from "~/workspace.server";

/** One table of a report as CSV, with spreadsheet formulas neutralised (customers/csv.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const report = reportOf(access, params.report);
  const view = loadReportView(access.scope, report);
  const table = view ? reportTables(view).find((t) => t.name === params.table) : undefined;
  if (!table) throw notFound();
  // The same name as the e-mail's attachment; ASCII for old clients, UTF-8 for the rest.
  const name = `${fileSlug(report.title)}-${fileSlug(table.name)}.csv`;
  const ascii = name.replace(/[^\w.-]+/g, "_");
  return new Response(reportTableCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
