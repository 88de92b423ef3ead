/**
 * The life of one analysis run, shared by RFM and clustering: take (or create) the
 * analysis_runs row, mark it running, compute, store the result and mark it succeeded, or
 * store the error and mark it failed. The job handler and the CLI both come through here.
 */
import type { WorkspaceScope } from "#db/scoped";
import { createRun, getRun, type RunKind, updateRun } from "./runs.server";

export interface RunProgress {
  percent: number;
  message: string;
}

export interface RunOptions {
  /** Fill this queued run (from enqueueSegmentRun) instead of creating a new one. */
  runId?: number;
  userId?: number | null;
  onProgress?: (progress: RunProgress) => void;
}

export type ProgressFn = (percent: number, message: string) => Promise<void>;

/**
 * Lets timers run between the heavy phases: the worker renews its job lease on a timer, and
 * a phase of a few seconds must not starve it (see jobs/worker.ts).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function withRun<Result extends Record<string, unknown>>(
  scope: WorkspaceScope,
  kind: RunKind,
  params: Record<string, unknown>,
  options: RunOptions,
  compute: (runId: number, progress: ProgressFn) => Promise<Result>,
): Promise<{ run_id: number } & Result> {
  const run =
    options.runId === undefined
      ? createRun(scope, kind, params, options.userId)
      : getRun(scope, options.runId);
  if (run.kind !== kind) throw new Error(`Run ${run.id} is a ${run.kind} run, not ${kind}`);
  updateRun(scope, run.id, { status: "running", error: null });
  const progress: ProgressFn = async (percent, message) => {
    options.onProgress?.({ percent, message });
    await yieldToEventLoop();
  };
  try {
    const result = await compute(run.id, progress);
    updateRun(scope, run.id, { status: "succeeded", result, finishedAt: new Date() });
    return { run_id: run.id, ...result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    updateRun(scope, run.id, {
      status: "failed",
      error: message,
      finishedAt: new Date(),
    });
    throw error;
  }
}
