import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getWorkspaceJob } from "#jobs/queue";
import { ClusterRunView } from "~/components/segments/ClusterRunView";
import { RfmRunView } from "~/components/segments/RfmRunView";
import { RunProgress } from "~/components/segments/RunProgress";
import {
  RenameSchema,
  renameCluster,
  runOf,
  runPath,
} from "~/components/segments/run-access.server";
import { rfmCellCounts, scatterSample } from "~/components/segments/run-queries.server";
import { clusterResult, rfmResult, segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { getDb } from "~/db.server";
import { parseForm } from "~/forms.server";
import { requireWorkspace } from "~/workspace.server";

/** Points drawn in the browser at most; above this the scatter shows a systematic sample. */
const SCATTER_POINTS = 3_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = runOf(access, params.run);
  const base = runPath(access.workspace.slug, run.id);
  if (run.status === "queued" || run.status === "running") {
    const job = run.jobId ? getWorkspaceJob(getDb(), access.workspace.id, run.jobId) : undefined;
    return { state: "pending" as const, status: run.status, progress: job?.progress ?? null };
  }
  const rfm = rfmResult(run);
  if (rfm)
    return {
      state: "rfm" as const,
      base,
      result: rfm,
      cells: rfmCellCounts(access.scope, run.id),
      money: reportingCurrency(access.scope),
    };
  const cluster = clusterResult(run);
  if (cluster) {
    return {
      state: "cluster" as const,
      base,
      result: cluster,
      labels: segmentLabels(run),
      scatter: scatterSample(access.scope, run.id, SCATTER_POINTS),
      canEdit: access.role !== "viewer",
      money: reportingCurrency(access.scope),
    };
  }
  return { state: "failed" as const, error: run.error ?? `The run ended as "${run.status}"` };
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
  switch (page.state) {
    case "pending":
      return <RunProgress status={page.status} progress={page.progress} />;
    case "failed":
      return (
        <p className="form-error" role="alert">
          The analysis failed: {page.error}
        </p>
      );
    case "rfm":
      return (
        <RfmRunView result={page.result} cells={page.cells} base={page.base} money={page.money} />
      );
    case "cluster":
      return (
        <ClusterRunView
          result={page.result}
          labels={page.labels}
          scatter={page.scatter}
          base={page.base}
          canEdit={page.canEdit}
          money={page.money}
          renameError={renamed?.error ?? null}
        />
      );
  }
}
