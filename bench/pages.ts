/**
 * `npm run bench:pages`: the server time (time to first byte) of every page of the demo
 * workspace, through the production server, as a marketer's browser would ask for them.
 *
 * Builds the demo workspace in a temporary folder as `npm run demo` does (migrate, seed the
 * demo user and its scraper sources, the seeded demo files imported through the real
 * `import` command), starts the local fixture site, the job worker and the production
 * server on a free loopback port, runs an RFM and a k-means analysis on the queue, logs in
 * as the demo user and then measures:
 *   1. cold: one request per page right after a restart of the server;
 *   2. warm: 20 sequential requests per page;
 *   3. busy: 20 concurrent clients for 30 s, going round the pages, while an import of
 *      300,000 new sales runs in another process (the `import` command).
 * Each tab of one run of each kind is a page. Prints p50 / p95 per page and phase, the worst
 * page, the targets, and the load average of the machine (it is shared).
 *
 *   npm run bench:pages -- [--runs 20] [--clients 20] [--seconds 30] [--keep] [--reuse DIR]
 *
 * --reuse DIR copies a demo data folder made before (by --keep, or by `npm run demo` with
 * DATA_DIR) instead of building one: the set-up takes minutes on a busy machine. The copy is
 * measured, DIR is left as it was. Needs `npm run build` first.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    clients: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
    keep: { type: "boolean" },
    reuse: { type: "string" },
  },
});
const RUNS = Number(flags.runs);
const CLIENTS = Number(flags.clients);
const SECONDS = Number(flags.seconds);
for (const [name, value] of [
  ["--runs", RUNS],
  ["--clients", CLIENTS],
  ["--seconds", SECONDS],
] as const)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);

/** Targets of issue 12 (ms). */
const TARGETS = { cold: 1000, warm: 300, busy: 500 };
const SLUG = "demo";
const root = path.resolve(import.meta.dirname, "..");
if (!fs.existsSync(path.join(root, "build/server/index.js")))
  throw new Error("No production build: run `npm run build` first");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-bench-pages-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: path.join(dir, "channelscope.db"),
  DATA_DIR: dir,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  SCRAPER_ALLOW_HOSTS: "127.0.0.1",
};
// This process reads the same database (to start the runs and wait for them).
process.env.DATABASE_URL = env.DATABASE_URL;
process.env.DATA_DIR = dir;
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("exit", () => {
  stopAll();
  if (!flags.keep) fs.rmSync(dir, { recursive: true, force: true });
});
process.on("SIGINT", () => process.exit(130));

const log = (line: string) => console.error(line);
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Runs a script of this repository on the bench's data folder, quietly; returns stdout. */
function runScript(script: string, args: string[] = [], extra: Record<string, string> = {}) {
  return execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...env, ...extra },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Starts a long-running script; resolves once its output contains `ready` (if given). */
function startScript(script: string, args: string[], ready?: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  // Everything a process says on stderr is kept in the data folder (see --keep).
  const logFile = fs.createWriteStream(path.join(dir, `${path.basename(script, ".ts")}.log`), {
    flags: "a",
  });
  child.stderr?.pipe(logFile);
  if (!ready) {
    child.stdout?.resume();
    return Promise.resolve(child);
  }
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk) => {
      seen += String(chunk);
      if (ready.test(seen)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}) before ready`)));
  });
}

// 1. The demo data folder.
const fixturePort = await freePort();
const fixtureUrl = `http://127.0.0.1:${fixturePort}`;
await startScript(
  "tests/fixture-site/serve.ts",
  ["--host", "127.0.0.1", "--port", String(fixturePort)],
  /./,
);
if (flags.reuse) {
  const from = path.resolve(flags.reuse);
  log(`==> copying the demo data folder ${from}`);
  const Database = (await import("better-sqlite3")).default;
  const source = new Database(path.join(from, "channelscope.db"), { readonly: true });
  await source.backup(env.DATABASE_URL as string);
  source.close();
  for (const name of ["demo", "demo-credentials.json", "demo-data-loaded", "session-secret"]) {
    const at = path.join(from, name);
    if (fs.existsSync(at)) fs.cpSync(at, path.join(dir, name), { recursive: true });
  }
}
log("==> migrating and seeding the demo workspace");
runScript("db/migrate.ts");
const credentials = JSON.parse(
  runScript("scripts/seed-demo.ts", [], { DEMO_FIXTURE_URL: fixtureUrl }),
) as { email: string; password: string };
if (!flags.reuse) {
  log("==> loading the demo data through the import command (a few minutes)");
  execFileSync("bash", ["scripts/load-demo-data.sh"], { cwd: root, env, stdio: "inherit" });
}

// 2. The worker, and one analysis of each kind on the queue.
await startScript("jobs/worker.ts", []);
const { getDb } = await import("#db/client");
const { scopeTo } = await import("#db/scoped");
const schema = await import("#db/schema");
const { desc, eq } = await import("drizzle-orm");
const { enqueueSegmentRun } = await import("~/segments/enqueue.server");
const { listAvailableFeatures } = await import("~/segments/feature-list.server");
const { DEFAULT_VIEWS, runViewName } = await import("~/segments/run-views.server");
const db = getDb();
const workspace = db.select().from(schema.workspaces).where(eq(schema.workspaces.slug, SLUG)).get();
if (!workspace) throw new Error("The demo workspace is missing");
const scope = scopeTo(db, workspace.id);

function latestRun(kind: "rfm" | "cluster") {
  return db
    .select()
    .from(schema.analysisRuns)
    .where(scope.where(schema.analysisRuns, eq(schema.analysisRuns.kind, kind)))
    .orderBy(desc(schema.analysisRuns.id))
    .limit(1)
    .get();
}
const runIds: Record<"rfm" | "cluster", number> = { rfm: 0, cluster: 0 };
for (const kind of ["rfm", "cluster"] as const) {
  const existing = latestRun(kind);
  if (existing?.status === "succeeded") runIds[kind] = existing.id;
  else if (kind === "rfm")
    runIds.rfm = enqueueSegmentRun(scopeTo(db, workspace.id), "rfm", {}, null).runId;
  else {
    const names = listAvailableFeatures(scopeTo(db, workspace.id)).features.map((f) => f.name);
    const features = names.filter((n) => /recency|frequency|monetary|income|age/.test(n));
    runIds.cluster = enqueueSegmentRun(
      scopeTo(db, workspace.id),
      "cluster",
      { features: features.length >= 2 ? features : names.slice(0, 4), seed: 1, missing: "median" },
      null,
    ).runId;
  }
}
log(
  `==> waiting for the worker: runs ${runIds.rfm} (RFM), ${runIds.cluster} (k-means) and their stored pages`,
);
const storedViews = (runId: number) =>
  db
    .select({ view: schema.runViews.view })
    .from(schema.runViews)
    .where(scope.where(schema.runViews, eq(schema.runViews.runId, runId)))
    .all()
    .map((r) => r.view);
const defaults = DEFAULT_VIEWS.map(runViewName);
const waitStarted = Date.now();
for (;;) {
  const ready = Object.values(runIds).every((id) => {
    const stored = new Set(storedViews(id));
    return defaults.every((v) => stored.has(v));
  });
  if (ready) break;
  for (const id of Object.values(runIds)) {
    const run = db.select().from(schema.analysisRuns).where(eq(schema.analysisRuns.id, id)).get();
    if (run?.status === "failed") throw new Error(`Run ${id} failed: ${run.error}`);
  }
  if (Date.now() - waitStarted > 15 * 60_000) throw new Error("The runs took over 15 minutes");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// 3. The pages.
const someCustomer = db
  .select({ id: schema.customers.id })
  .from(schema.customers)
  .where(scope.where(schema.customers))
  .limit(1)
  .get();
const someDataset = db
  .select({ id: schema.datasets.id })
  .from(schema.datasets)
  .where(scope.where(schema.datasets, eq(schema.datasets.kind, "transactions")))
  .limit(1)
  .get();
const w = `/w/${SLUG}`;
const pages = [
  "/w",
  w,
  `${w}/data`,
  ...(someDataset ? [`${w}/data/${someDataset.id}`] : []),
  `${w}/customers`,
  ...(someCustomer ? [`${w}/customers/${someCustomer.id}`] : []),
  `${w}/segments`,
  ...(["rfm", "cluster"] as const).flatMap((kind) => {
    const base = `${w}/segments/${runIds[kind]}`;
    return [base, `${base}/channels`, `${base}/products`, `${base}/members`, `${base}/audience`];
  }),
  `${w}/campaigns`,
  `${w}/forecast`,
  `${w}/channels`,
  `${w}/sites`,
  `${w}/trends`,
  `${w}/scrapers`,
  `${w}/reports`,
  `${w}/reports/links`,
  `${w}/members`,
  `${w}/settings`,
];
const label = (page: string) =>
  page
    .replace(`/segments/${runIds.rfm}`, "/segments/<rfm>")
    .replace(`/segments/${runIds.cluster}`, "/segments/<k-means>")
    .replace(/\/(customers|data)\/\d+$/, "/$1/<id>");

let server: ChildProcess | null = null;
let origin = "";
/** (Re)starts the production server on a free loopback port. */
async function startServer() {
  if (server) {
    const stopped = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
  }
  const port = await freePort();
  env.PORT = String(port);
  origin = `http://127.0.0.1:${port}`;
  server = await startScript("server.ts", [], /listening/);
}

async function logIn(): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ email: credentials.email, password: credentials.password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Log-in failed (${response.status})`);
  return cookie;
}

/** One request: milliseconds to the response's headers (the body is read, not timed). */
async function timed(page: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${origin}${page}`, { headers: { cookie }, redirect: "manual" });
  const ttfb = performance.now() - started;
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  return ttfb;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

await startServer();
const cookie = await logIn();
log(`==> restart, then one cold request per page (load ${load()})`);
await startServer();
const cold = new Map<string, number>();
for (const page of pages) cold.set(page, await timed(page, cookie));
const loadCold = load();

log(`==> ${RUNS} sequential requests per page`);
const warm = new Map<string, number[]>();
for (const page of pages) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(page, cookie));
  warm.set(page, times);
}
const loadWarm = load();

log(`==> ${CLIENTS} concurrent clients for ${SECONDS} s while 300,000 sales are imported`);
const demoSales = path.join(dir, "demo", "transactions.csv");
const newSales = path.join(dir, "bench-sales.csv");
{
  // The demo's sales under new ids: every row is new, so the import writes throughout.
  const lines = fs.readFileSync(demoSales, "utf8").split("\n");
  fs.writeFileSync(
    newSales,
    lines.map((line, i) => (i === 0 || line === "" ? line : `B${line}`)).join("\n"),
  );
}
const importer = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "cli/index.ts",
    "import",
    "--workspace",
    SLUG,
    "--kind",
    "transactions",
    "--file",
    newSales,
  ],
  { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] },
);
children.push(importer);
let importFinished: number | null = null;
const importStarted = performance.now();
importer.once("exit", () => {
  importFinished = performance.now() - importStarted;
});
const busy = new Map<string, number[]>(pages.map((p) => [p, []]));
const errors: string[] = [];
const until = performance.now() + SECONDS * 1000;
let next = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const page = pages[next++ % pages.length] as string;
      try {
        busy.get(page)?.push(await timed(page, cookie));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }),
);
const loadBusy = load();
const importState =
  importFinished === null
    ? "still running at the end"
    : `finished after ${((importFinished as number) / 1000).toFixed(1)} s`;

// 4. The figures.
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "—");
const rows = pages.map((page) => {
  const w20 = warm.get(page) ?? [];
  const b = busy.get(page) ?? [];
  return {
    page: label(page),
    cold: cold.get(page) ?? Number.NaN,
    warmP50: percentile(w20, 50),
    warmP95: percentile(w20, 95),
    busyP50: percentile(b, 50),
    busyP95: percentile(b, 95),
    busyN: b.length,
  };
});
const width = Math.max(...rows.map((r) => r.page.length));
console.log(`\n${"page".padEnd(width)}  cold ms  warm p50  warm p95  busy p50  busy p95  busy n`);
for (const r of rows)
  console.log(
    `${r.page.padEnd(width)}  ${ms(r.cold).padStart(7)}  ${ms(r.warmP50).padStart(8)}  ${ms(r.warmP95).padStart(8)}  ${ms(r.busyP50).padStart(8)}  ${ms(r.busyP95).padStart(8)}  ${String(r.busyN).padStart(6)}`,
  );
const worst = (key: "cold" | "warmP95" | "busyP95") =>
  rows.reduce((a, b) => ((b[key] as number) > (a[key] as number) ? b : a));
const verdict = (value: number, target: number) => (value <= target ? "meets" : "MISSES");
const worstCold = worst("cold");
const worstWarm = worst("warmP95");
const worstBusy = worst("busyP95");
const allBusy = [...busy.values()].flat();
console.log(`
worst cold (first request after a restart): ${ms(worstCold.cold)} ms  ${worstCold.page}  (target ≤ ${TARGETS.cold}: ${verdict(worstCold.cold, TARGETS.cold)})
worst warm p95 (${RUNS} sequential):         ${ms(worstWarm.warmP95)} ms  ${worstWarm.page}  (target ≤ ${TARGETS.warm}: ${verdict(worstWarm.warmP95, TARGETS.warm)})
worst busy p95 (${CLIENTS} clients, import):    ${ms(worstBusy.busyP95)} ms  ${worstBusy.page}  (target ≤ ${TARGETS.busy}: ${verdict(worstBusy.busyP95, TARGETS.busy)})
busy, all pages: ${allBusy.length} requests, p50 ${ms(percentile(allBusy, 50))} ms, p95 ${ms(percentile(allBusy, 95))} ms, ${errors.length} errors${errors.length ? ` (first: ${errors[0]})` : ""}; the import was ${importState}
load average (1, 5, 15 min; ${os.cpus().length} CPUs, shared): cold ${loadCold} · warm ${loadWarm} · busy ${loadBusy}
${flags.keep ? `data folder kept: ${dir}` : ""}`);
stopAll();
process.exit(0);
