/**
 * Section 2 of bench/analytics.ts: k-means on 100,000 × 10 seeded synthetic rows, k = 2..10,
 * against scikit-learn on the SAME standardised data and silhouette rows, two ways:
 *
 * - scikit-learn's own KMeans(n_init=10) with its random starts: timing (target ≤ 1.0 ×) and
 *   silhouette (target within 0.01 at every k), plus its seed 0 vs seed 1 spread;
 * - scikit-learn from OUR starting centres (analytics-kmeans-same-starts.ts), which isolates
 *   the algorithm from which local optimum each side's starts reach.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLUSTERING_DEFAULTS, clusterFeatures } from "~/analytics/clustering";
import { createRandom, sampleIndices } from "~/analytics/random";
import { prepareFeatures } from "~/analytics/scaling";
import {
  compareFromSameStarts,
  printSameStarts,
  sameStartsFigures,
} from "./analytics-kmeans-same-starts";
import { normal, PYTHON, round4, rssMb, seconds, signed } from "./analytics-util";

const [ROWS, COLS, CENTRES] = [100_000, 10, 6];
const { kMin, kMax, seed } = CLUSTERING_DEFAULTS;

interface SklearnRun {
  sklearn: string;
  seconds: number;
  peak_rss_mb: number;
  per_k: { k: number; inertia: number; silhouette: number; silhouette_other_seed?: number }[];
}

/** Runs the section, prints its tables and returns its figures for the summary line. */
export function kmeansBench(dir: string) {
  const blobs = createRandom(7);
  const centres = Array.from({ length: CENTRES * COLS }, () => (blobs.next() - 0.5) * 8);
  const raw = Array.from({ length: COLS }, () => new Float64Array(ROWS));
  for (let i = 0; i < ROWS; i++) {
    const centre = Math.floor(blobs.next() * CENTRES);
    for (let j = 0; j < COLS; j++)
      (raw[j] as Float64Array)[i] = (centres[centre * COLS + j] as number) + 1.5 * normal(blobs);
  }
  const prepared = prepareFeatures(raw.map((values, j) => ({ name: `f${j}`, values })));
  const started = performance.now();
  const ours = clusterFeatures(prepared.matrix, { seed });
  const oursMs = performance.now() - started;
  const clusterRss = rssMb();
  // The rows clusterFeatures used: its generator first draws the fit sample, then the
  // silhouette sample (see clusterFeatures); drawing the same way reproduces them.
  const sampler = createRandom(seed);
  const fitRows = sampleIndices(ROWS, CLUSTERING_DEFAULTS.fitSampleSize, sampler);
  const silhouetteRows = sampleIndices(ROWS, CLUSTERING_DEFAULTS.silhouetteSampleSize, sampler);

  console.log(
    `\nk-means, ${ROWS} × ${COLS} (${CENTRES} overlapping groups), k = ${kMin}..${kMax}, 10 restarts, silhouette on ${ours.silhouetteRows} rows`,
  );
  console.log(
    `  ours ${seconds(oursMs)} s (single thread), chose k = ${ours.k}, peak RSS ${clusterRss} MB`,
  );
  const figures = { seconds: round4(oursMs / 1000), chosen_k: ours.k };
  if (spawnSync(PYTHON, ["-c", "import sklearn"], { stdio: "ignore" }).status !== 0) {
    console.log(
      `  scikit-learn reference SKIPPED: ${PYTHON} cannot import sklearn (apt-get install python3-sklearn)`,
    );
    return { ours: figures };
  }
  const matrixFile = path.join(dir, "matrix.bin");
  const sampleFile = path.join(dir, "sample.bin");
  fs.writeFileSync(matrixFile, prepared.matrix.data);
  fs.writeFileSync(sampleFile, silhouetteRows);
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), "analytics_sklearn.py");
  const sklearn = (threads?: number, otherSeed?: number): SklearnRun => {
    const env = threads ? { ...process.env, OMP_NUM_THREADS: String(threads) } : process.env;
    const args = [script, matrixFile, String(ROWS), String(COLS), sampleFile, String(kMin)];
    args.push(String(kMax), ...(otherSeed === undefined ? [] : [String(otherSeed)]));
    const result = spawnSync(PYTHON, args, { env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`scikit-learn reference failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as SklearnRun;
  };
  const all = sklearn(undefined, 1);
  const single = sklearn(1);
  console.log(
    `  scikit-learn ${all.sklearn}, ${os.cpus().length} threads: ${all.seconds.toFixed(3)} s   ratio ${(oursMs / 1000 / all.seconds).toFixed(2)} (target ≤ 1.0)`,
  );
  console.log(
    `  scikit-learn ${single.sklearn}, 1 thread:  ${single.seconds.toFixed(3)} s   ratio ${(oursMs / 1000 / single.seconds).toFixed(2)}`,
  );
  console.log(`  scikit-learn peak RSS ${all.peak_rss_mb.toFixed(0)} MB`);
  console.log("  against scikit-learn's own KMeans(n_init=10), its random starts (seed 0):");
  console.log(
    "   k   silhouette: ours   sklearn   diff   | sklearn seed 1 (diff)   inertia: ours / sklearn",
  );
  const perK = [];
  let worst = 0;
  let worstSeedToSeed = 0;
  for (const candidate of ours.candidates) {
    const theirs = all.per_k.find((p) => p.k === candidate.k);
    if (!theirs) continue;
    const diff = candidate.silhouette - theirs.silhouette;
    const other = theirs.silhouette_other_seed ?? Number.NaN;
    worst = Math.max(worst, Math.abs(diff));
    worstSeedToSeed = Math.max(worstSeedToSeed, Math.abs(other - theirs.silhouette));
    perK.push({
      k: candidate.k,
      silhouette: { ours: round4(candidate.silhouette), sklearn: round4(theirs.silhouette) },
      inertia: { ours: Math.round(candidate.inertia), sklearn: Math.round(theirs.inertia) },
    });
    const k = String(candidate.k).padStart(2);
    const inertia = `${candidate.inertia.toFixed(0)} / ${theirs.inertia.toFixed(0)}`;
    console.log(
      `  ${k}   ${candidate.silhouette.toFixed(4)}  ${theirs.silhouette.toFixed(4)}  ${signed(diff)} | ${other.toFixed(4)} (${signed(other - theirs.silhouette)})   ${inertia}`,
    );
  }
  console.log(`  largest silhouette difference ${worst.toFixed(4)} (target ≤ 0.01)`);
  // Beyond the true number of groups, k-means has many near-equal optima; scikit-learn's own
  // silhouette moves between seeds, which is the noise floor for the comparison above.
  console.log(`  scikit-learn seed 0 vs seed 1, largest difference ${worstSeedToSeed.toFixed(4)}`);

  const same = compareFromSameStarts({
    matrix: prepared.matrix,
    fitRows,
    silhouetteRows,
    candidates: ours.candidates,
    matrixFile,
    sampleFile,
    dir,
    script,
  });
  printSameStarts(same);
  return {
    ours: figures,
    vs_sklearn_own_random_starts: {
      sklearn_seconds: round4(all.seconds),
      sklearn_seconds_one_thread: round4(single.seconds),
      time_ratio: round4(oursMs / 1000 / all.seconds),
      time_target_met: oursMs / 1000 <= all.seconds,
      largest_silhouette_diff: round4(worst),
      silhouette_target_met: worst <= 0.01,
      sklearn_seed_0_vs_1_largest_silhouette_diff: round4(worstSeedToSeed),
      per_k: perK,
    },
    vs_sklearn_same_starts: sameStartsFigures(same),
  };
}
