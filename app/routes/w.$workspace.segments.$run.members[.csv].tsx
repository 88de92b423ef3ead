import type { LoaderFunctionArgs } from "@remix-run/node";
import { finishedRunOf } from "~/segments/run-access.server";
import { segmentMemberRows } from "~/segments/run-queries.server";
import { csvFileName, csvResponse, membersCsv } from "~/segments/segment-csv.server";
import { requireWorkspace } from "~/workspace.server";

/** The members of one segment (?segment=…) with the run's figures, as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  const segment = new URL(request.url).searchParams.get("segment") ?? undefined;
  const rows = segmentMemberRows(access.scope, run.id, segment);
  return csvResponse(
    membersCsv(run, rows),
    csvFileName("run", run.id, segment ?? "all", "members"),
  );
}
