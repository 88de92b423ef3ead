/**
 * The members of a run's segments who may still be analysed: assignments of the run
 * joined with today's consent. A customer who withdrew data-processing consent after the
 * run is left out of every later report and counted.
 */
import type { WorkspaceScope } from "#db/scoped";
import type { AnalysisExclusion } from "~/customers/analysable.server";
import { loadConsentedCustomers } from "./consented-customers.server";
import type { IdIndex } from "./id-index";
import { type AnalysisRun, getRun, loadSegmentOf } from "./runs.server";

export interface SegmentMembers {
  run: AnalysisRun;
  /** Consented customers of the workspace (positions index the columns loaders return). */
  customers: IdIndex;
  /** Segment code per customer position; −1 = not in the run. */
  segmentOf: Int32Array;
  /** Segment names, largest segment first (ties by name). */
  segments: string[];
  sizes: number[];
  /** Members of the run who have no data-processing consent now. */
  excludedWithoutConsent: number;
  /** The run's members left out now, and why a report is empty when the basis is why. */
  exclusion: AnalysisExclusion;
}

export function loadSegmentMembers(scope: WorkspaceScope, runId: number): SegmentMembers {
  const run = getRun(scope, runId);
  if (run.status !== "succeeded") throw new Error(`Run ${runId} has not finished (${run.status})`);
  const assigned = loadSegmentOf(scope, runId);
  const consented = loadConsentedCustomers(scope);
  const counts = new Map<string, number>();
  let excluded = 0;
  for (const [customerId, segment] of assigned) {
    if (consented.index.positionOf(customerId) < 0) excluded++;
    else counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  const segments = [...counts.keys()].sort(
    (a, b) => (counts.get(b) as number) - (counts.get(a) as number) || a.localeCompare(b),
  );
  const code = new Map(segments.map((s, i) => [s, i]));
  const segmentOf = new Int32Array(consented.index.ids.length).fill(-1);
  for (const [customerId, segment] of assigned) {
    const position = consented.index.positionOf(customerId);
    if (position >= 0) segmentOf[position] = code.get(segment) as number;
  }
  return {
    run,
    customers: consented.index,
    segmentOf,
    segments,
    sizes: segments.map((s) => counts.get(s) as number),
    excludedWithoutConsent: excluded,
    exclusion: { ...consented.exclusion, excluded_without_consent: excluded },
  };
}

/** The run's reference day if it recorded one (RFM and clustering do), else undefined. */
export function runReferenceDate(run: AnalysisRun): string | undefined {
  const date = run.result?.reference_date;
  return typeof date === "string" ? date : undefined;
}
