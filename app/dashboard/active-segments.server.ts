/**
 * "Active segments": the segments marketers work with are those of the latest finished run
 * of each kind (RFM, k-means), as the Segments page lists them. Per kind: the run, its
 * reference day, how many segments have members, how many customers it placed and its
 * largest segment; and whether a newer run is still queued, running or has failed.
 * Figures are the run's own, as stored when it finished (the run page shows them live).
 */
import { and, desc, eq, ne } from "drizzle-orm";
import { analysisRuns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import {
  clusterResult,
  labelOf,
  rfmResult,
  segmentLabels,
} from "~/components/segments/run-results";

export type SegmentKind = "rfm" | "cluster";

export interface ActiveRun {
  runId: number;
  finishedAt: string | null;
  referenceDate: string;
  /** Segments (RFM) or clusters with at least one customer. */
  segments: number;
  customers: number;
  largest: { name: string; customers: number; share: number } | null;
}

export interface ActiveSegmentsOfKind {
  kind: SegmentKind;
  latest: ActiveRun | null;
  /** A run newer than `latest` that has not succeeded: its id and status. */
  newer: { runId: number; status: string } | null;
}

function latestRun(scope: WorkspaceScope, kind: SegmentKind, succeeded: boolean) {
  return scope.db
    .select()
    .from(analysisRuns)
    .where(
      scope.where(
        analysisRuns,
        and(
          eq(analysisRuns.kind, kind),
          succeeded ? eq(analysisRuns.status, "succeeded") : ne(analysisRuns.status, "succeeded"),
        ),
      ),
    )
    .orderBy(desc(analysisRuns.createdAt), desc(analysisRuns.id))
    .limit(1)
    .get();
}

function summary(run: NonNullable<ReturnType<typeof latestRun>>): ActiveRun | null {
  const rfm = rfmResult(run);
  const cluster = clusterResult(run);
  const base = { runId: run.id, finishedAt: run.finishedAt?.toISOString() ?? null };
  if (rfm) {
    const filled = rfm.segments.filter((s) => s.customers > 0);
    const top = [...filled].sort((a, b) => b.customers - a.customers)[0];
    return {
      ...base,
      referenceDate: rfm.reference_date,
      segments: filled.length,
      customers: rfm.customers_scored,
      largest: top ? { name: top.segment, customers: top.customers, share: top.share } : null,
    };
  }
  if (cluster) {
    const labels = segmentLabels(run);
    const filled = cluster.sizes.filter((s) => s.customers > 0);
    const top = [...filled].sort((a, b) => b.customers - a.customers)[0];
    return {
      ...base,
      referenceDate: cluster.reference_date,
      segments: filled.length,
      customers: cluster.customers_used,
      largest: top
        ? { name: labelOf(labels, top.name), customers: top.customers, share: top.share }
        : null,
    };
  }
  return null;
}

export function activeSegments(scope: WorkspaceScope): ActiveSegmentsOfKind[] {
  return (["rfm", "cluster"] as const).map((kind) => {
    const done = latestRun(scope, kind, true);
    const other = latestRun(scope, kind, false);
    const newer =
      other &&
      (!done ||
        other.createdAt > done.createdAt ||
        (other.createdAt.getTime() === done.createdAt.getTime() && other.id > done.id))
        ? { runId: other.id, status: other.status }
        : null;
    return { kind, latest: done ? summary(done) : null, newer };
  });
}
