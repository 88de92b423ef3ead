import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { segmentLabels } from "~/components/segments/run-results";
import { SegmentRunView } from "~/components/segments/SegmentRunView";
import { SegmentValueRanking } from "~/components/value/SegmentValueRanking";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { segmentsByPredictedValue } from "~/customers/value-of-customers.server";
import { parseForm } from "~/forms.server";
import { RenameSchema, renameCluster, runOf } from "~/segments/run-access.server";
import { segmentRunPage } from "~/segments/run-page.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = runOf(access, params.run);
  return {
    ...segmentRunPage(access.scope, run, {
      canEdit: access.role !== "viewer",
      customerPoints: true,
      // Read what the queue stored with the run; the page never computes it.
      stored: true,
    }),
    value: {
      ranking: run.status === "succeeded" ? segmentsByPredictedValue(access.scope, run.id) : null,
      labels: segmentLabels(run),
      currency: reportingCurrency(access.scope).currency,
    },
  };
}

/** Renaming a cluster: the name is stored with the run (result.names). */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = runOf(access, params.run);
  const parsed = parseForm(await request.formData(), RenameSchema);
  if (!parsed.ok)
    return data({ error: Object.values(parsed.errors)[0] ?? "Check the name" }, { status: 400 });
  const error = renameCluster(access, run, parsed.data);
  return error ? data({ error }, { status: 400 }) : { error: null };
}

export default function RunPage() {
  const page = useLoaderData<typeof loader>();
  const renamed = useActionData<typeof action>();
  return (
    <>
      <SegmentRunView data={page} interactive renameError={renamed?.error ?? null} />
      {page.state === "rfm" || page.state === "cluster" ? (
        <SegmentValueRanking {...page.value} />
      ) : null}
      {page.state === "rfm" || page.state === "cluster" ? (
        <SaveReportForm kind="segment-run" params={{ run: String(page.runId) }} />
      ) : null}
    </>
  );
}
