/**
 * Everything a segment run's overview page shows (its progress, its failure, or the RFM or
 * cluster results): the route's loader and a saved "segment-run" report both call
 * `segmentRunPage`. Runs are found through the workspace scope, so another workspace's run id
 * is simply not found.
 */
import type { WorkspaceScope } from "#db/scoped";
import { getWorkspaceJob } from "#jobs/queue";
import { clusterResult, rfmResult, segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { rfmCellCounts, scatterSample } from "~/segments/run-queries.server";
import { RunNotFoundError } from "./errors";
import { type OverviewView, readRunView } from "./run-views.server";
import { type AnalysisRun, getRun } from "./runs.server";

/** Points drawn in the browser at most; above this the scatter shows a systematic sample. */
const SCATTER_POINTS = 3_000;

/** The workspace's run with this id, or null (unknown id, or another workspace's). */
export function findRun(scope: WorkspaceScope, runId: number): AnalysisRun | null {
  if (!Number.isInteger(runId) || runId <= 0) return null;
  try {
    return getRun(scope, runId);
  } catch (error) {
    if (error instanceof RunNotFoundError) return null;
    throw error;
  }
}

export function segmentRunPage(
  scope: WorkspaceScope,
  run: AnalysisRun,
  options: {
    canEdit: boolean;
    /**
     * The PCA scatter's dots are single customers (named in their tooltips): the page draws
     * them for members; a report, which may leave the workspace, keeps only their count.
     */
    customerPoints: boolean;
    /**
     * Read the figures stored when the run was computed (the page) instead of working them
     * out now (a report being saved). A view not stored yet answers "computing".
     */
    stored?: boolean;
  },
) {
  const runId = run.id;
  if (run.status === "queued" || run.status === "running") {
    const job = run.jobId ? getWorkspaceJob(scope, run.jobId) : undefined;
    return {
      state: "pending" as const,
      runId,
      status: run.status,
      progress: job?.progress ?? null,
    };
  }
  const rfm = rfmResult(run);
  const cluster = clusterResult(run);
  let figures: Pick<OverviewView, "cells" | "scatter"> | null = null;
  let stale = false;
  if (options.stored && (rfm || cluster)) {
    const view = readRunView<OverviewView>(scope, run, { view: "overview" });
    if (view.state === "computing") return { state: "computing" as const, runId };
    figures = view.payload;
    stale = view.stale;
  }
  if (rfm)
    return {
      state: "rfm" as const,
      runId,
      result: rfm,
      cells: figures?.cells ?? rfmCellCounts(scope, run.id),
      money: reportingCurrency(scope),
      stale,
    };
  if (cluster) {
    const scatter = figures?.scatter ?? scatterSample(scope, run.id, SCATTER_POINTS);
    return {
      state: "cluster" as const,
      runId,
      result: cluster,
      labels: segmentLabels(run),
      scatter: options.customerPoints ? scatter : { ...scatter, points: [] },
      canEdit: options.canEdit,
      money: reportingCurrency(scope),
      stale,
    };
  }
  return {
    state: "failed" as const,
    runId,
    error: run.error ?? `The run ended as "${run.status}"`,
  };
}

export type SegmentRunPage = ReturnType<typeof segmentRunPage>;
