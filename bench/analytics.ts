/**
 * Analytics benchmark, each figure beside a reference measured in the same run:
 *
 * 1. RFM on 1,000,000 transactions / 200,000 customers generated into a fresh temp SQLite
 *    file: our path (load columns from SQLite + computeRfm) against SQLite computing the same
 *    per-customer aggregates with GROUP BY (the faster of the planner's plan and a forced
 *    table scan). Target: load + compute ≤ 1.5 × GROUP BY.
 * 2. k-means on 100,000 × 10 seeded synthetic rows, k = 2..10, 10 restarts, silhouette on a
 *    5,000-row sample, against scikit-learn's KMeans(n_init=10) + silhouette_score on the SAME
 *    standardised data and sample rows. Target: time ≤ 1.0 × scikit-learn and silhouette
 *    within 0.01 at every k. Needs Debian's python3-sklearn; skipped with a note otherwise.
 *
 *   npm run bench:analytics -- [--repeat 3] [--keep]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "#db/client";
import { CLUSTERING_DEFAULTS, clusterFeatures } from "~/analytics/clustering";
import { createRandom, type SeededRandom, sampleIndices } from "~/analytics/random";
import { computeRfm } from "~/analytics/rfm";
import { prepareFeatures } from "~/analytics/scaling";
import { loadConsentedCustomers } from "~/segments/consented-customers.server";
import { runRfm } from "~/segments/rfm-run.server";
import { loadTransactionColumns } from "~/segments/transaction-columns.server";

const { values: flags } = parseArgs({
  options: { repeat: { type: "string", default: "3" }, keep: { type: "boolean" } },
});
const repeat = Math.max(1, Number(flags.repeat));
const PYTHON = "/usr/bin/python3";
const [CUSTOMERS, TRANSACTIONS, DAYS] = [200_000, 1_000_000, 730];
const [ROWS, COLS, CENTRES] = [100_000, 10, 6];
const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Best of `repeat` timings: the least disturbed by other work on the machine. */
function best<T>(work: () => T): { ms: number; all: number[]; value: T } {
  const all: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    value = work();
    all.push(performance.now() - started);
  }
  return { ms: Math.min(...all), all, value: value as T };
}

function normal(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-bench-analytics-"));
const db = openDb(path.join(dir, "bench.db"));
const sqlite = db.$client;

// ---- 1. RFM ------------------------------------------------------------------------------
let started = performance.now();
sqlite.prepare("INSERT INTO workspaces (slug, name) VALUES ('bench', 'Bench')").run();
const random = createRandom(42);
const addCustomer = sqlite.prepare(
  "INSERT INTO customers (workspace_id, consent_data_processing) VALUES (1, ?)",
);
const addTransaction = sqlite.prepare(
  `INSERT INTO transactions (workspace_id, transaction_key, customer_id, occurred_at, amount,
     is_return, category, product_code, row_hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?, '')`,
);
const firstDay = Date.parse("2024-11-01T00:00:00Z");
sqlite.transaction(() => {
  // About 8 % without data-processing consent, as in the demo data.
  for (let c = 0; c < CUSTOMERS; c++) addCustomer.run(random.next() < 0.08 ? 0 : 1);
  for (let t = 0; t < TRANSACTIONS; t++) {
    // Skewed activity: a few customers buy often, most rarely.
    const customer = 1 + Math.floor(CUSTOMERS * random.next() ** 2);
    const at = firstDay + Math.floor(random.next() * DAYS * 86_400_000);
    const amount = Math.round(Math.exp(4 + normal(random)) * 100) / 100;
    const product = Math.floor(random.next() * 100);
    addTransaction.run(
      `t${t}`,
      customer,
      at,
      amount,
      random.next() < 0.02 ? 1 : 0,
      `c${product % 10}`,
      `p${product}`,
    );
  }
})();
sqlite.pragma("wal_checkpoint(TRUNCATE)");
console.log(
  `generated ${TRANSACTIONS} transactions / ${CUSTOMERS} customers in ${seconds(performance.now() - started)} s`,
);

const aggregates = (from: string) =>
  sqlite
    .prepare(
      `SELECT customer_id,
         max(CASE WHEN is_return = 0 AND amount >= 0 THEN occurred_at END),
         sum(CASE WHEN is_return = 0 AND amount >= 0 THEN 1 ELSE 0 END),
         sum(CASE WHEN is_return = 1 OR amount < 0 THEN -abs(amount) ELSE amount END)
       FROM ${from} WHERE workspace_id = 1 AND customer_id IS NOT NULL GROUP BY customer_id`,
    )
    .raw()
    .all();
const groupByPlanner = best(() => aggregates("transactions"));
const groupByScan = best(() => aggregates("transactions NOT INDEXED"));
const reference = Math.min(groupByPlanner.ms, groupByScan.ms);

const load = best(() => {
  const consented = loadConsentedCustomers(db, 1);
  return { consented, columns: loadTransactionColumns(db, 1, consented.index) };
});
const { consented, columns } = load.value;
const ids = Array.from(consented.index.ids, String);
const compute = best(() =>
  computeRfm(
    {
      customerIndex: columns.customerIndex,
      day: columns.day,
      netAmount: columns.amount,
      isReturn: columns.isReturn,
    },
    ids,
  ),
);
started = performance.now();
const full = await runRfm(db, 1);
const fullMs = performance.now() - started;
const rfmRss = rssMb();

console.log("\nRFM, 1,000,000 transactions / 200,000 customers (best of", repeat, "runs)");
console.log(`  SQLite GROUP BY, planner's plan (index) ${seconds(groupByPlanner.ms)} s`);
console.log(
  `  SQLite GROUP BY, table scan             ${seconds(groupByScan.ms)} s   <- reference`,
);
console.log(`  ours: load columns from SQLite          ${seconds(load.ms)} s`);
console.log(
  `  ours: computeRfm (scores, segments)     ${seconds(compute.ms)} s   ratio ${(compute.ms / reference).toFixed(2)}`,
);
console.log(
  `  ours: load + compute                    ${seconds(load.ms + compute.ms)} s   ratio ${((load.ms + compute.ms) / reference).toFixed(2)} (target ≤ 1.5)`,
);
console.log(
  `  ours: runRfm incl. saving ${full.customers_scored} assignments ${seconds(fullMs)} s   ratio ${(fullMs / reference).toFixed(2)}`,
);
console.log(
  `  consented customers scored: ${compute.value.customers.length}; GROUP BY rows (all customers): ${groupByScan.value.length}`,
);
console.log(`  peak RSS ${rfmRss} MB`);

// ---- 2. Clustering ------------------------------------------------------------------------
const blobs = createRandom(7);
const centres = Array.from({ length: CENTRES * COLS }, () => (blobs.next() - 0.5) * 8);
const raw = Array.from({ length: COLS }, () => new Float64Array(ROWS));
for (let i = 0; i < ROWS; i++) {
  const centre = Math.floor(blobs.next() * CENTRES);
  for (let j = 0; j < COLS; j++)
    (raw[j] as Float64Array)[i] = (centres[centre * COLS + j] as number) + 1.5 * normal(blobs);
}
const prepared = prepareFeatures(raw.map((values, j) => ({ name: `f${j}`, values })));
const seed = CLUSTERING_DEFAULTS.seed;
started = performance.now();
const ours = clusterFeatures(prepared.matrix, { seed });
const oursMs = performance.now() - started;
const clusterRss = rssMb();
// The sample rows clusterFeatures scored: its generator first draws the fit sample, then the
// silhouette sample (see clusterFeatures); drawing the same way reproduces them.
const sampler = createRandom(seed);
sampleIndices(ROWS, CLUSTERING_DEFAULTS.fitSampleSize, sampler);
const silhouetteRows = sampleIndices(ROWS, CLUSTERING_DEFAULTS.silhouetteSampleSize, sampler);

console.log(
  `\nk-means, ${ROWS} × ${COLS} (${CENTRES} overlapping groups), k = 2..10, 10 restarts, silhouette on ${ours.silhouetteRows} rows`,
);
console.log(
  `  ours ${seconds(oursMs)} s (single thread), chose k = ${ours.k}, peak RSS ${clusterRss} MB`,
);

const sklearnAvailable =
  spawnSync(PYTHON, ["-c", "import sklearn"], { stdio: "ignore" }).status === 0;
if (!sklearnAvailable) {
  console.log(
    `  scikit-learn reference SKIPPED: ${PYTHON} cannot import sklearn (apt-get install python3-sklearn)`,
  );
} else {
  const matrixFile = path.join(dir, "matrix.bin");
  const sampleFile = path.join(dir, "sample.bin");
  fs.writeFileSync(matrixFile, prepared.matrix.data);
  fs.writeFileSync(sampleFile, silhouetteRows);
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), "analytics_sklearn.py");
  const sklearn = (threads?: number, otherSeed?: number) => {
    const env = threads ? { ...process.env, OMP_NUM_THREADS: String(threads) } : process.env;
    const result = spawnSync(
      PYTHON,
      [
        script,
        matrixFile,
        String(ROWS),
        String(COLS),
        sampleFile,
        "2",
        "10",
        ...(otherSeed === undefined ? [] : [String(otherSeed)]),
      ],
      { env, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`scikit-learn reference failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as {
      sklearn: string;
      seconds: number;
      peak_rss_mb: number;
      per_k: { k: number; inertia: number; silhouette: number; silhouette_other_seed?: number }[];
    };
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
  console.log(
    "   k   silhouette: ours   sklearn   diff   | sklearn seed 1 (diff)   inertia: ours / sklearn",
  );
  const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;
  let worst = 0;
  let worstSeedToSeed = 0;
  for (const candidate of ours.candidates) {
    const theirs = all.per_k.find((p) => p.k === candidate.k);
    if (!theirs) continue;
    const diff = candidate.silhouette - theirs.silhouette;
    const other = theirs.silhouette_other_seed ?? Number.NaN;
    worst = Math.max(worst, Math.abs(diff));
    worstSeedToSeed = Math.max(worstSeedToSeed, Math.abs(other - theirs.silhouette));
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
}

console.log(`\npeak RSS of this process ${rssMb()} MB`);
if (flags.keep) console.log(`kept ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
