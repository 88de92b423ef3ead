/**
 * What the segment pages read from an analysis run: its stored result typed by kind, and the
 * names shown for its segments (a marketer may rename a cluster; the stored assignments keep
 * the suggested name as the key, so renaming never rewrites customer rows).
 */
import type { runClustering } from "~/segments/cluster-run.server";
import type { RfmRunResult } from "~/segments/rfm-run.server";

export type { RfmRunResult };

export type ClusterRunResult = Omit<Awaited<ReturnType<typeof runClustering>>, "run_id"> & {
  /** Names given by users, by cluster number; absent = the suggested name. */
  names?: Record<string, string>;
};

export interface RunLike {
  kind: string;
  status: string;
  result: Record<string, unknown> | null;
}

export function rfmResult(run: RunLike): RfmRunResult | null {
  return run.kind === "rfm" && run.status === "succeeded" && run.result
    ? (run.result as RfmRunResult)
    : null;
}

export function clusterResult(run: RunLike): ClusterRunResult | null {
  return run.kind === "cluster" && run.status === "succeeded" && run.result
    ? (run.result as ClusterRunResult)
    : null;
}

/** Segment key (as stored in segment_assignments) → name to show. */
export function segmentLabels(run: RunLike): Record<string, string> {
  const cluster = clusterResult(run);
  if (!cluster) return {};
  return Object.fromEntries(
    cluster.sizes.map((s) => [s.name, cluster.names?.[String(s.cluster)] ?? s.name]),
  );
}

export function labelOf(labels: Record<string, string>, segment: string): string {
  return labels[segment] ?? segment;
}

export const runKindLabels: Record<string, string> = {
  rfm: "RFM segments",
  cluster: "k-means clusters",
};

/** Where each formula is written down, for "How this is computed". */
export const ANALYTICS_DOC = "docs/analytics.md";
