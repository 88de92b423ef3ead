/**
 * Second k-means correctness check for bench/analytics.ts: scikit-learn run from OUR
 * k-means++ starting centres, so a silhouette difference can no longer come from which
 * local optimum each side's random starts happened to reach. Two readings (analytics_sklearn.py,
 * same_starts): (a) scikit-learn's Lloyd on our schedule — each start ≤ 30 iterations on the
 * same 10,000-row fit sample, the lowest inertia continues, then is refined on all rows — which
 * should land on our very partition; (b) each start run to convergence on all rows, best
 * inertia kept, which also shows what fitting the restarts on a sample costs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CLUSTERING_DEFAULTS, type KCandidate } from "~/analytics/clustering";
import { type FeatureMatrix, selectRows } from "~/analytics/feature-matrix";
import { KMEANS_DEFAULTS, kmeans, kmeansStarts } from "~/analytics/kmeans";
import { lloyd } from "~/analytics/lloyd";
import { PYTHON, round4, signed } from "./analytics-util";

interface Fit {
  silhouette: number;
  inertia: number;
}

export interface SameStartsRow {
  k: number;
  ours: Fit;
  /** scikit-learn's Lloyd on our schedule (screen on the fit sample, refine on all rows). */
  sklearnOurSchedule: Fit;
  /** scikit-learn running each start to convergence on all rows, lowest inertia kept. */
  sklearnAllRows: Fit;
}

export interface SameStartsInput {
  matrix: FeatureMatrix;
  /** The fit sample clusterFeatures drew (ascending row indices). */
  fitRows: Int32Array;
  silhouetteRows: Int32Array;
  /** clusterFeatures' result per k, from the timed run. */
  candidates: KCandidate[];
  matrixFile: string;
  sampleFile: string;
  dir: string;
  script: string;
}

export function compareFromSameStarts(input: SameStartsInput) {
  const { matrix, fitRows, candidates, dir } = input;
  const { seed, restarts, maxIterations } = CLUSTERING_DEFAULTS;
  const fitMatrix = selectRows(matrix, fitRows);
  const starts: Float64Array[] = [];
  for (const { k, inertia } of candidates) {
    // clusterFeatures seeds k's restarts with seed + k; re-running our pipeline from these
    // starts must give the timed run's inertia exactly, or they are not the starts it used.
    const options = { seed: seed + k, restarts, maxIterations };
    starts.push(...kmeansStarts(fitMatrix, k, options));
    const rerun = lloyd(matrix, kmeans(fitMatrix, k, options).centroids, k, maxIterations);
    if (rerun.inertia !== inertia)
      throw new Error(`starts for k = ${k} do not reproduce the timed run (${rerun.inertia})`);
  }
  const fitFile = path.join(dir, "fit-rows.bin");
  const startsFile = path.join(dir, "starts.bin");
  fs.writeFileSync(fitFile, fitRows);
  fs.writeFileSync(
    startsFile,
    Buffer.concat(starts.map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength))),
  );
  const ks = candidates.map((c) => c.k);
  const args = [
    input.script,
    "--same-starts",
    input.matrixFile,
    String(matrix.rows),
    String(matrix.cols),
    input.sampleFile,
    fitFile,
    startsFile,
    String(Math.min(...ks)),
    String(Math.max(...ks)),
    String(restarts),
    String(KMEANS_DEFAULTS.screeningIterations),
    String(maxIterations),
  ];
  const result = spawnSync(PYTHON, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`scikit-learn same-starts failed: ${result.stderr}`);
  const theirs = JSON.parse(result.stdout) as {
    per_k: {
      k: number;
      inertia: number;
      silhouette: number;
      all_rows_inertia: number;
      all_rows_silhouette: number;
    }[];
  };
  const rows = candidates.map((ours): SameStartsRow => {
    const t = theirs.per_k.find((p) => p.k === ours.k);
    if (!t) throw new Error(`scikit-learn same-starts result lacks k = ${ours.k}`);
    return {
      k: ours.k,
      ours: { silhouette: ours.silhouette, inertia: ours.inertia },
      sklearnOurSchedule: { silhouette: t.silhouette, inertia: t.inertia },
      sklearnAllRows: { silhouette: t.all_rows_silhouette, inertia: t.all_rows_inertia },
    };
  });
  const largest = (other: (r: SameStartsRow) => Fit) =>
    Math.max(...rows.map((r) => Math.abs(r.ours.silhouette - other(r).silhouette)));
  return {
    rows,
    largestDiffOurSchedule: largest((r) => r.sklearnOurSchedule),
    largestDiffAllRows: largest((r) => r.sklearnAllRows),
  };
}

type SameStarts = ReturnType<typeof compareFromSameStarts>;

export function printSameStarts({ rows, largestDiffOurSchedule, largestDiffAllRows }: SameStarts) {
  console.log("  from the same starting centres: our 10 k-means++ starts per k (the timed run's),");
  console.log(
    "  handed to scikit-learn's Lloyd (KMeans(init=start, n_init=1, tol=1e-4)), best inertia kept:",
  );
  console.log("    (a) on our schedule: ≤ 30 iterations per start on the 10,000-row fit sample,");
  console.log("        the best continues to convergence, then is refined on all rows");
  console.log("    (b) each start run to convergence on all 100,000 rows");
  console.log(
    "   k   silhouette: ours   sklearn (a) diff    | sklearn (b) diff    | inertia: ours / (a) / (b)",
  );
  for (const { k, ours, sklearnOurSchedule: a, sklearnAllRows: b } of rows) {
    const cell = (fit: Fit) =>
      `${fit.silhouette.toFixed(4)} ${signed(ours.silhouette - fit.silhouette)}`;
    const inertia = [ours, a, b].map((fit) => fit.inertia.toFixed(0)).join(" / ");
    console.log(
      `  ${String(k).padStart(2)}   ${ours.silhouette.toFixed(4)}  ${cell(a)}   | ${cell(b)}   | ${inertia}`,
    );
  }
  console.log(
    `  largest silhouette difference from the same starts: (a) ${largestDiffOurSchedule.toFixed(4)}, (b) ${largestDiffAllRows.toFixed(4)} (target ≤ 0.01)`,
  );
}

/** Figures for the bench's JSON line (silhouettes to 4 decimals, inertia to whole units). */
export function sameStartsFigures({
  rows,
  largestDiffOurSchedule,
  largestDiffAllRows,
}: SameStarts) {
  const rounded = (f: Fit) => ({
    silhouette: round4(f.silhouette),
    inertia: Math.round(f.inertia),
  });
  return {
    largest_silhouette_diff_our_schedule: round4(largestDiffOurSchedule),
    largest_silhouette_diff_all_rows: round4(largestDiffAllRows),
    silhouette_target_met: Math.max(largestDiffOurSchedule, largestDiffAllRows) <= 0.01,
    per_k: rows.map((r) => ({
      k: r.k,
      ours: rounded(r.ours),
      sklearn_our_schedule: rounded(r.sklearnOurSchedule),
      sklearn_each_start_all_rows: rounded(r.sklearnAllRows),
    })),
  };
}
