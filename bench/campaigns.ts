/**
 * `npm run bench:campaigns`: fit response curves to 12 channels × 2 years of daily rows
 * (generated from known adstock + Hill curves with noise) and plan a budget across them;
 * then fit the same data with SciPy's curve_fit (Debian's python3-scipy) as the reference.
 * Prints both times, both errors (SSE) and the ratios. Targets: SSE ≤ the reference's on
 * every channel; fit + plan under 2 s.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { allocateBudget } from "~/analytics/budget-planner";
import { bootstrapCurves } from "~/analytics/curve-bootstrap";
import { createRandom } from "~/analytics/random";
import { adstock, type CurveParams, predictDaily, windowTotal } from "~/analytics/response-curve";
import { fitResponseCurve, sseOf } from "~/analytics/response-fit";

const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const CHANNELS = 12;
const DAYS = 730;

function generate() {
  const random = createRandom(2026);
  const dates = Array.from({ length: DAYS }, (_, t) =>
    new Date(Date.UTC(2024, 0, 1 + t)).toISOString().slice(0, 10),
  );
  return Array.from({ length: CHANNELS }, (_, c) => {
    const truth: CurveParams = {
      decay: 0.1 + 0.7 * random.next(),
      halfSaturation: 2000 + 30000 * random.next(),
      shape: 0.7 + 2.8 * random.next(),
      ceiling: 20 + 300 * random.next(),
    };
    const typical = truth.halfSaturation / (1 + truth.decay);
    const spend = dates.map(() =>
      random.next() < 0.25 ? 0 : typical * (0.1 + 1.9 * random.next()),
    );
    const clean = predictDaily(spend, truth);
    const outcome = Array.from(clean, (v) => Math.max(0, v * (1 + 0.3 * (random.next() - 0.5))));
    return { name: `Channel ${c + 1}`, truth, dates, spend, outcome };
  });
}

const channels = generate();
const started = performance.now();
const fits = channels.map((c) =>
  fitResponseCurve({ dates: c.dates, spend: c.spend, outcome: c.outcome }),
);
const fitMs = performance.now() - started;
const planStart = performance.now();
const plan = allocateBudget(
  channels.map((c, i) => {
    const params = fits[i]?.params as CurveParams;
    const last = adstock(c.spend, params.decay).at(-1) ?? 0;
    return {
      name: c.name,
      current: (c.spend.reduce((s, v) => s + v, 0) / DAYS) * 30,
      response: (x: number) => windowTotal(params, x / 30, 30, last, 0),
    };
  }),
  3_000_000,
);
const planMs = performance.now() - planStart;
const bootStart = performance.now();
for (const [i, c] of channels.entries())
  bootstrapCurves(c.spend, c.outcome, fits[i]?.params as CurveParams);
const bootMs = performance.now() - bootStart;

console.log(
  `campaigns bench: ${CHANNELS} channels × ${DAYS} days, Node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log(
  `  ours: fit ${(fitMs / 1000).toFixed(3)} s (grid + LM on all days, and the 80 % holdout refit) + plan ${(planMs / 1000).toFixed(3)} s (DP, ${CHANNELS} channels × 1,000 steps) = ${((fitMs + planMs) / 1000).toFixed(3)} s (target < 2 s)`,
);
console.log(
  `  bootstrap for intervals (40 refits per channel, done once per data import): ${(bootMs / 1000).toFixed(3)} s`,
);
console.log(`  plan spends ${plan.spent.toFixed(0)} of 3,000,000`);

const ours = channels.map((c, i) =>
  sseOf(c.spend, c.outcome, DAYS, fits[i]?.params as CurveParams),
);
if (spawnSync(PYTHON, ["-c", "import scipy"], { stdio: "ignore" }).status !== 0) {
  console.log(
    `  SciPy reference UNAVAILABLE: ${PYTHON} cannot import scipy. Install it with: apt-get install -y python3-scipy python3-numpy (or set BENCH_PYTHON to a python with SciPy).`,
  );
  process.exit(0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-campaigns-"));
const file = path.join(dir, "data.json");
fs.writeFileSync(
  file,
  JSON.stringify({
    channels: channels.map((c) => {
      const positive = c.spend.filter((v) => v > 0);
      let kMax = 0;
      for (const v of adstock(c.spend, 0.9)) kMax = Math.max(kMax, v);
      return { spend: c.spend, outcome: c.outcome, k_min: Math.min(...positive), k_max: kMax };
    }),
  }),
);
const script = path.join(path.dirname(new URL(import.meta.url).pathname), "campaigns_scipy.py");
const run = spawnSync(PYTHON, [script, file], { encoding: "utf8" });
fs.rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) {
  console.log(`  SciPy reference failed: ${run.stderr}`);
  process.exit(1);
}
const reference = JSON.parse(run.stdout) as {
  scipy: string;
  seconds: number;
  fits: { sse: number | null; params: number[] | null }[];
};
let worse = 0;
let oursTotal = 0;
let theirsTotal = 0;
channels.forEach((c, i) => {
  const theirs = reference.fits[i]?.sse ?? Number.POSITIVE_INFINITY;
  const mine = ours[i] as number;
  oursTotal += mine;
  theirsTotal += theirs;
  if (mine > theirs * (1 + 1e-6)) worse++;
  const p = fits[i]?.params as CurveParams;
  console.log(
    `  ${c.name.padEnd(11)} SSE ours ${mine.toFixed(1).padStart(12)}  scipy ${theirs.toFixed(1).padStart(12)}  ratio ${(mine / theirs).toFixed(4)}   λ ${p.decay.toFixed(2)} (true ${c.truth.decay.toFixed(2)}), K ${p.halfSaturation.toFixed(0)} (${c.truth.halfSaturation.toFixed(0)}), s ${p.shape.toFixed(2)} (${c.truth.shape.toFixed(2)})`,
  );
});
console.log(
  `  SciPy ${reference.scipy} curve_fit: ${reference.seconds.toFixed(3)} s for the ${CHANNELS} fits (one fit per channel; ours does two: all days and the holdout)`,
);
console.log(
  `  time ratio ours/scipy ${(fitMs / 1000 / reference.seconds).toFixed(2)}; total SSE ratio ours/scipy ${(oursTotal / theirsTotal).toFixed(4)}; channels where ours is worse: ${worse} (target 0)`,
);
