import type { LoaderFunctionArgs } from "@remix-run/node";
import { plainAnswer } from "~/i18n/plain-answer.server";
import {
  latestOfferRun,
  offersCsvLines,
  segmentOffers,
} from "~/notifications/stored-offers.server";
import { csvFileName, csvResponse } from "~/segments/segment-csv.server";
import { requireWorkspace } from "~/workspace.server";

/**
 * The stored next best offers of a run (?run=…, default the latest ranked) and segment
 * (?segment=…, default all), analysable customers only, formula-safe.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const search = new URL(request.url).searchParams;
  const runId = search.has("run") ? Number(search.get("run")) : latestOfferRun(scope);
  const segment = search.get("segment") || undefined;
  if (runId === undefined) return plainAnswer(request, 400, "notifications:csv.noOffers");
  // A run of another workspace simply has no rows here: the scope filters by workspace.
  const offers = Number.isInteger(runId) ? segmentOffers(scope, runId, segment) : [];
  return csvResponse(
    [...offersCsvLines(offers)].join(""),
    csvFileName("next-best-offers", "run", runId, segment ?? "all"),
  );
}
