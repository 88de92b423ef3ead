import type { LoaderFunctionArgs } from "@remix-run/node";
import { finishedRunOf } from "~/segments/run-access.server";
import { csvFileName, csvResponse, segmentTableCsv } from "~/segments/segment-csv.server";
import { requireWorkspace } from "~/workspace.server";

/** The run's segment table (RFM segments or cluster profiles) as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  return csvResponse(segmentTableCsv(run), csvFileName("run", run.id, run.kind, "segments"));
}
