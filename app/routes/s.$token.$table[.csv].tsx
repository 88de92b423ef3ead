/**
 * A table of a shared report as CSV (formula-safe), under the same checks as its page. The
 * header row is in the viewer's language (cookie, else Accept-Language), like the page.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileSlug, reportTableCsv } from "~/delivery/delivery-mail";
import { clientAddress } from "~/rate-limit.server";
import { csvFileName, csvResponse } from "~/segments/segment-csv.server";
import { sharedReportTable } from "~/sharing/shared-report.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { title, table } = await sharedReportTable(
    request,
    params.token,
    params.table,
    clientAddress(context),
  );
  return csvResponse(reportTableCsv(table), csvFileName(fileSlug(title), fileSlug(table.name)));
}
