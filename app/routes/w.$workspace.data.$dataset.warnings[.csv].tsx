import type { LoaderFunctionArgs } from "@remix-run/node";
import { cellWarningsCsv } from "~/customers/export.server";
import { getDataset } from "~/datasets/queries.server";
import { requestT } from "~/i18n/locale.server";
import { translateMessage } from "~/i18n/message";
import { notFound, requireWorkspace } from "~/workspace.server";

/** Download of a dataset's cell warnings, with spreadsheet formulas neutralised. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const id = Number(params.dataset);
  const dataset = Number.isInteger(id) ? getDataset(scope, id) : undefined;
  if (!dataset) throw notFound();
  // The reasons in the reader's language, as the page shows them.
  const { t } = await requestT(request);
  const csv = cellWarningsCsv(scope, dataset.id, (reason) => translateMessage(t, reason));
  const name = `${dataset.fileName.replace(/\.[^.]+$/, "")}-warnings.csv`.replace(/[^\w.-]+/g, "_");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
