/** What the reports of a segment run's tabs share: the run id parameter and finding the run. */
import type { WorkspaceScope } from "#db/scoped";
import { findRun } from "~/segments/run-page.server";
import type { AnalysisRun } from "~/segments/runs.server";
import { type ReportParams, searchParams } from "./report-kind.server";

/** The saved `run` parameter must be a run id; the run itself is looked up in the workspace. */
export const runParams = (names: readonly string[] = []) =>
  searchParams(["run", ...names]).refine((p) => /^[1-9]\d*$/.test(String(p.run ?? "")), {
    message: "Open a segment run first: the report needs the run it shows.",
  });

/** A live report whose run was deleted (or never finished) shows this instead of its tab. */
export interface MissingRun {
  state: "missing";
  runId: number;
}

/** The tab's data for the saved run, if the workspace still has it finished. */
export function forFinishedRun<Data>(
  scope: WorkspaceScope,
  params: ReportParams,
  build: (run: AnalysisRun) => Data,
): Data | MissingRun {
  const runId = Number(params.run);
  const run = findRun(scope, runId);
  return run?.status === "succeeded" ? build(run) : { state: "missing", runId };
}

export const isMissingRun = (data: unknown): data is MissingRun =>
  (data as MissingRun | null)?.state === "missing";
