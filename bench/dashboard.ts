/**
 * `npm run bench:dashboard`: the workspace home's loader on the demo workspace.
 *
 * Builds the demo workspace in a temporary database as `npm run demo` does (the seeded demo
 * files, imported through the real `import` command), runs RFM, adds the demo's scraper
 * sources, a saved report and a scheduled e-mail, then calls the route's loader with a real
 * session: once cold (nothing kept yet, as the first visit after a start or an import) and
 * then repeatedly. Prints the cold time, the median of the warm visits and, per figure, the
 * median of its own module.
 *
 *   npm run bench:dashboard -- [--scale 1] [--runs 30] [--keep] [--reuse DIR]
 *
 * --keep leaves the database in its temporary folder; --reuse DIR measures that kept
 * database again without building it (the set-up takes minutes on a busy machine).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean" },
    reuse: { type: "string" },
  },
});
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");

const reuse = flags.reuse !== undefined;
const dir = reuse
  ? path.resolve(flags.reuse as string)
  : fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-bench-dashboard-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.DATA_DIR = dir;
const SLUG = "demo";

/** Runs a script of this repository on the bench database, quietly. */
function runScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// Modules that read the database path are loaded only after it is set above.
const { getDb } = await import("#db/client");
const { scopeTo } = await import("#db/scoped");
const { reportDeliveries } = await import("#db/schema");
const { createUser, findUserByEmail } = await import("~/users.server");
const { createWorkspace, findMembership } = await import("~/workspace.server");
const { startUserSession } = await import("~/session.server");
const { seedDemoSources } = await import("~/scraping/demo-sources.server");
const { createReport } = await import("~/reports/reports.server");
const home = await import("~/routes/w.$workspace._index");
const figures = {
  "customers analysed": (await import("~/dashboard/customers-analysed.server")).customersAnalysed,
  "revenue trend": (await import("~/dashboard/revenue-trend.server")).revenueTrend,
  "active segments": (await import("~/dashboard/active-segments.server")).activeSegments,
  "best channel": (await import("~/dashboard/best-channel.server")).bestChannelByRoi,
  "scraper health": (await import("~/dashboard/scraper-health.server")).scraperHealth,
  "latest reports": (await import("~/dashboard/latest-reports.server")).latestReports,
  "next deliveries": (await import("~/dashboard/next-deliveries.server")).nextDeliveries,
};

const EMAIL = "bench@channelscope.local";

/** The demo workspace, its imports, an RFM run, sources, a report and a delivery. */
async function buildDemoWorkspace() {
  const user = await createUser({
    email: EMAIL,
    name: "Bench",
    password: "bench-password-not-secret",
  });
  const workspace = createWorkspace({ slug: SLUG, name: "Anadolu Bank (bench)" }, user);
  const out = path.join(dir, "demo");
  runScript("scripts/demo-data/index.ts", ["--out", out, "--scale", String(flags.scale)]);
  const load = (kind: string, file: string, ...extra: string[]) =>
    JSON.parse(
      runScript("cli/index.ts", [
        "import",
        "--workspace",
        SLUG,
        "--kind",
        kind,
        "--file",
        path.join(out, file),
        ...extra,
      ]),
    );
  load("products", "products.csv");
  load("customers", "customers_online.csv", "--source", "online");
  load("customers", "customers_offline.csv", "--source", "offline");
  load("transactions", "transactions.csv");
  load("campaigns", "campaigns.csv");
  load("channel_audiences", "channel_audiences.csv");
  runScript("cli/index.ts", ["segment", "rfm", "--workspace", SLUG]);
  const db = getDb();
  const scope = scopeTo(db, workspace.id);
  seedDemoSources(scopeTo(db, workspace.id), "http://127.0.0.1:4100");
  const report = createReport(scope, user.id, {
    kind: "campaign-roi",
    title: "Channel ROI",
    mode: "snapshot",
    params: {},
  });
  scope.insert(reportDeliveries, {
    reportId: report.id,
    cadence: "weekly",
    cron: "0 9 * * 1",
    recipients: ["manager@example.test"],
    nextRunAt: new Date(Date.now() + 86_400_000),
  });
  return { user, workspace };
}

const setupStart = performance.now();
const built = reuse ? null : await buildDemoWorkspace();
const setupSeconds = (performance.now() - setupStart) / 1000;
const db = getDb();
const user = built?.user ?? findUserByEmail(EMAIL);
const workspace = built?.workspace ?? findMembership(SLUG, user?.id ?? 0)?.workspace;
if (!user || !workspace) throw new Error(`No bench workspace in ${dir}`);
const scope = scopeTo(db, workspace.id);

const login = await startUserSession(new Request("http://localhost/login"), user.id, "/w");
const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
const visit = async () => {
  const request = new Request(`http://localhost/w/${SLUG}`, { headers: { Cookie: cookie } });
  const started = performance.now();
  await home.loader({
    request,
    params: { workspace: SLUG },
    context: { clientAddress: "127.0.0.1" },
  });
  return performance.now() - started;
};

const cold = await visit();
const warm: number[] = [];
for (let i = 0; i < runs; i++) warm.push(await visit());
const perFigure = Object.entries(figures).map(([name, figure]) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    figure(scope);
    times.push(performance.now() - started);
  }
  return { name, median: median(times) };
});

const count = (table: string) =>
  db.$client
    .prepare(`SELECT count(*) FROM ${table} WHERE workspace_id = ?`)
    .pluck()
    .get(workspace.id);
console.log(
  `dashboard bench: demo workspace${reuse ? ` reused from ${dir}` : ` at scale ${flags.scale}, set up in ${setupSeconds.toFixed(1)} s`} (${count("customers")} customers, ${count("transactions")} sales, ${count("campaigns")} campaign rows), Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`,
);
console.log(`  loader, first visit (nothing kept yet): ${ms(cold)}`);
console.log(
  `  loader, median of ${runs} visits: ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`,
);
for (const { name, median: value } of perFigure) console.log(`    ${name.padEnd(20)} ${ms(value)}`);

db.$client.close();
if (flags.keep || reuse) console.log(`  kept ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
