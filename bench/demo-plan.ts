/**
 * Part 3 of `npm run bench:models`: the notification plan on the demo's generated responses,
 * scored against the truth they were drawn from (responses-truth.json). The demo is loaded
 * as `npm run demo` loads it (every file through the import CLI) into a throw-away database,
 * segmented by RFM, and each segment planned as `plan-notifications` plans it. Per segment
 * and pooled over the segments (weighted by held-out sends), it prints the offline estimate
 * of the evaluated plan (self-normalised IPS, 95 % interval), the historical policy's rate on
 * the same held-out sends, the evaluated plan's true rate, and whether the check
 * holds: the true rate within the estimate's interval, and the estimate above the historical
 * policy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  cliJson,
  loadDemoWorkspace,
  type SendChoice,
  trueRate,
} from "../tests/helpers/demo-workspace";

interface Interval {
  rate: number;
  lower: number;
  upper: number;
}

const Z95 = 1.959964;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const interval = (e: Interval) => `${pct(e.rate)} [${pct(e.lower)}, ${pct(e.upper)}]`;

/** Weighted mean of independent estimates, its interval from their intervals' half-widths. */
function pooled(parts: { weight: number; estimate: Interval }[]): Interval {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  let rate = 0;
  let variance = 0;
  for (const { weight, estimate } of parts) {
    const w = weight / total;
    rate += w * estimate.rate;
    variance += (w * (estimate.upper - estimate.lower)) ** 2 / (2 * Z95) ** 2;
  }
  const half = Z95 * Math.sqrt(variance);
  return { rate, lower: rate - half, upper: rate + half };
}

export async function benchDemoPlan(scale: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-bench-demo-"));
  // The app's modules open DATABASE_URL on first use: set before any of them runs.
  process.env.DATABASE_URL = path.join(dir, "bench.db");
  process.env.DATA_DIR = dir;
  try {
    const { getDb } = await import("#db/client");
    const { scopeTo } = await import("#db/scoped");
    const { computeSegmentPlan } = await import("~/notifications/plan-notifications.server");
    let started = performance.now();
    const { truth, rowsLoaded } = await loadDemoWorkspace(dir, { slug: "demo", scale });
    console.log(
      `demo at scale ${scale}: ${rowsLoaded["responses.csv"]} responses, ${rowsLoaded["transactions.csv"]} sale lines; generated and imported in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const rfm = await cliJson<{ run_id: number; segments: { segment: string }[] }>([
      "segment",
      "rfm",
      "--workspace",
      "demo",
    ]);
    const workspaceId = (
      getDb().$client.prepare("SELECT id FROM workspaces WHERE slug = 'demo'").get() as {
        id: number;
      }
    ).id;
    const scope = scopeTo(getDb(), workspaceId);
    const parts: {
      weight: number;
      estimate: Interval;
      historical: Interval;
      truth: number;
    }[] = [];
    let planSeconds = 0;
    let held = 0;
    let above = 0;
    console.log(
      `${"segment".padEnd(20)} ${"held-out".padStart(8)}  ${"plan estimate [95 %]".padEnd(30)} ${"historical [95 %]".padEnd(30)} ${"plan true".padEnd(9)}  in  above`,
    );
    for (const { segment } of rfm.segments) {
      started = performance.now();
      const plan = computeSegmentPlan(scope, {
        runId: rfm.run_id,
        segment,
        weeklyCap: 2,
        explore: 0.1,
      });
      planSeconds += (performance.now() - started) / 1000;
      const estimate = plan.summary.offline_estimate;
      if (!estimate || plan.evaluatedSends.length === 0) {
        console.log(`${segment.padEnd(20)} no held-out responses to estimate on`);
        continue;
      }
      const sends: SendChoice[] = plan.evaluatedSends;
      const truthRate = trueRate(truth, sends);
      const sn = estimate.plan_self_normalised;
      const within = truthRate >= sn.lower && truthRate <= sn.upper;
      const better = sn.rate > estimate.historical.rate;
      held += Number(within);
      above += Number(better);
      parts.push({
        weight: estimate.held_out_sends,
        estimate: sn,
        historical: estimate.historical,
        truth: truthRate,
      });
      console.log(
        `${segment.padEnd(20)} ${String(estimate.held_out_sends).padStart(8)}  ${interval(sn).padEnd(30)} ${interval(estimate.historical).padEnd(30)} ${pct(truthRate).padEnd(9)}  ${within ? "yes" : "no "} ${better ? "yes" : "no"}`,
      );
    }
    const all = pooled(parts);
    const historical = pooled(parts.map((p) => ({ weight: p.weight, estimate: p.historical })));
    const total = parts.reduce((sum, p) => sum + p.weight, 0);
    const truthAll = parts.reduce((sum, p) => sum + (p.weight / total) * p.truth, 0);
    const within = truthAll >= all.lower && truthAll <= all.upper;
    console.log(
      `${"pooled".padEnd(20)} ${String(total).padStart(8)}  ${interval(all).padEnd(30)} ${interval(historical).padEnd(30)} ${pct(truthAll).padEnd(9)}  ${within ? "yes" : "no "} ${all.rate > historical.rate ? "yes" : "no"}`,
    );
    console.log(
      `true rate within the estimate's interval in ${held} of ${parts.length} segments, estimate above the historical policy in ${above}; ${rfm.segments.length} plans in ${planSeconds.toFixed(1)} s`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
