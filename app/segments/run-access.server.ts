/**
 * Finding a workspace's analysis runs from a route: always through the member's workspace,
 * so a run id of another workspace is a plain 404, like any other unknown id.
 */
import { redirect } from "@remix-run/node";
import { desc, inArray } from "drizzle-orm";
import { z } from "zod";
import { audit } from "~/audit.server";
import { clusterResult, rfmResult } from "~/components/segments/run-results";
import { schema } from "~/db.server";
import { RunNotFoundError } from "~/segments/errors";
import { type AnalysisRun, getRun, updateRun } from "~/segments/runs.server";
import { notFound, type WorkspaceAccess } from "~/workspace.server";

export const runPath = (slug: string, runId: number) => `/w/${slug}/segments/${runId}`;

export function runOf(access: WorkspaceAccess, param: string | undefined): AnalysisRun {
  const id = Number(param);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  try {
    return getRun(access.scope, id);
  } catch (error) {
    if (error instanceof RunNotFoundError) throw notFound();
    throw error;
  }
}

/** The run, if it has finished; otherwise back to its page, which shows the progress. */
export function finishedRunOf(access: WorkspaceAccess, param: string | undefined): AnalysisRun {
  const run = runOf(access, param);
  if (run.status !== "succeeded") throw redirect(runPath(access.workspace.slug, run.id));
  return run;
}

export interface RunSummary {
  id: number;
  kind: string;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
  /** Segments with members (RFM) or k (clusters); null until the run has finished. */
  segments: number | null;
  customers: number | null;
  excludedWithoutConsent: number | null;
  params: Record<string, unknown>;
}

export function listRuns(access: WorkspaceAccess, limit = 100): RunSummary[] {
  const { analysisRuns } = schema;
  const runs = access.scope.db
    .select()
    .from(analysisRuns)
    // analysis_runs also holds the response-curve fits (kind "response-curves"): not segments.
    .where(access.scope.where(analysisRuns, inArray(analysisRuns.kind, ["rfm", "cluster"])))
    .orderBy(desc(analysisRuns.createdAt), desc(analysisRuns.id))
    .limit(limit)
    .all();
  return runs.map((run) => {
    const rfm = rfmResult(run);
    const cluster = clusterResult(run);
    return {
      id: run.id,
      kind: run.kind,
      status: run.status,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      error: run.error,
      segments: rfm
        ? rfm.segments.filter((s) => s.customers > 0).length
        : cluster
          ? cluster.k
          : null,
      customers: rfm?.customers_scored ?? cluster?.customers_used ?? null,
      excludedWithoutConsent:
        rfm?.excluded_without_consent ?? cluster?.excluded_without_consent ?? null,
      params: run.params,
    };
  });
}

export const RenameSchema = z.object({
  cluster: z.coerce.number().int().min(0),
  name: z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters"),
});

/**
 * Stores a user's name for a cluster in the run's result (result.names); the suggested
 * name stays in result.sizes / profiles so the page can still show where it came from.
 */
export function renameCluster(
  access: WorkspaceAccess,
  run: AnalysisRun,
  input: z.output<typeof RenameSchema>,
): string | undefined {
  const result = clusterResult(run);
  const cluster = result?.sizes.find((s) => s.cluster === input.cluster);
  if (!result || !cluster) return "This run has no such cluster";
  const names = { ...(result.names ?? {}) };
  if (input.name === cluster.name) delete names[String(input.cluster)];
  else names[String(input.cluster)] = input.name;
  updateRun(access.scope, run.id, { result: { ...result, names } });
  audit({
    workspaceId: access.workspace.id,
    actorUserId: access.user.id,
    action: "segments.cluster_renamed",
    target: `analysis_run:${run.id}`,
    details: { cluster: input.cluster },
  });
  return undefined;
}
