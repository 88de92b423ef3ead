/**
 * Writes the value benchmark's training and evaluation feature sets (20,000 simulated
 * customers, the base features without the stacked BG/NBD one) to tmp/value-{train,eval}.csv
 * and fits gbdt.ts on them, for bench/value_sklearn.py to fit scikit-learn on the same rows:
 *
 *   npx tsx bench/value-sklearn-data.ts && /usr/bin/python3 bench/value_sklearn.py
 */
import fs from "node:fs";
import {
  buildFeatureSet,
  chooseVocabulary,
  salesOrder,
  valueSplits,
} from "~/analytics/customer-value/features";
import {
  bestTreeCount,
  fitBoostedTrees,
  predictBoostedTrees,
} from "~/analytics/customer-value/gbdt";
import { regressionMetrics } from "~/analytics/customer-value/metrics";
import { simulateValueHistory } from "../tests/helpers/value-history";

const h = simulateValueHistory({ customers: 20000, days: 730, seed: 3 });
let last = 0;
for (let r = 0; r < h.sales.rows; r++) last = Math.max(last, h.sales.day[r] as number);
const s = valueSplits(last, 90);
const v = chooseVocabulary(h, s.training.cutoff);
const o = salesOrder(h.sales);
fs.mkdirSync("tmp", { recursive: true });
for (const [name, split] of [
  ["train", s.training],
  ["eval", s.evaluation],
] as const) {
  const f = buildFeatureSet(h, split, v, o);
  const lines = [[...f.names, "target"].join(",")];
  for (let i = 0; i < f.customers.length; i++)
    lines.push([...f.columns.map((c) => c[i]), f.target[i]].join(","));
  fs.writeFileSync(`tmp/value-${name}.csv`, lines.join("\n"));
}
const read = (f: string) => {
  const rows = fs
    .readFileSync(f, "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const k = (rows[0] as number[]).length - 1;
  return {
    cols: Array.from({ length: k }, (_, j) => Float64Array.from(rows, (r) => r[j] as number)),
    y: Float64Array.from(rows, (r) => r[k] as number),
  };
};
const tr = read("tmp/value-train.csv");
const ev = read("tmp/value-eval.csv");
const n = tr.y.length;
const fit = [...Array(n).keys()].filter((i) => i % 5 !== 0);
const chk = [...Array(n).keys()].filter((i) => i % 5 === 0);
const pick = (c: Float64Array, rows: number[]) => Float64Array.from(rows, (i) => c[i] as number);
const t = performance.now();
const m = fitBoostedTrees(
  tr.cols.map((c) => pick(c, fit)),
  pick(tr.y, fit),
);
const k = bestTreeCount(
  m,
  tr.cols.map((c) => pick(c, chk)),
  pick(tr.y, chk),
);
const el = (performance.now() - t) / 1000;
const p = predictBoostedTrees(m, ev.cols, k).map((v) => Math.max(0, v));
const r = regressionMetrics(ev.y, p);
console.log(
  `gbdt.ts: fit ${el.toFixed(2)} s, ${k} trees; eval MAE ${r.mae.toFixed(2)} RMSE ${r.rmse.toFixed(2)} R2 ${r.r2?.toFixed(3)}`,
);
