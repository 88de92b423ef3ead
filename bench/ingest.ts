/**
 * Import benchmark: a generated transactions CSV (1,000,000 rows ≈ 57 MB by default) loaded
 * through the `import` command in a child process, against the sqlite3 shell's `.import` of
 * the same file into an untyped table (no parsing of values, no keys, no validation): the
 * fastest way the file can reach SQLite, so the ratio shows what validation and upserts cost.
 * Also times the sqlite3 shell loading the file typed, keyed and indexed as we store it
 * (ingest-floor.ts): what SQLite alone needs, with no JavaScript at all.
 *
 *   npm run bench:ingest -- [--rows 1000000] [--keep] [--command-only]
 *
 * --command-only runs bench/import-command.ts (the import command without the CLI's other
 * commands loaded), to tell the import's own memory from the CLI's start-up baseline.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "#db/client";
import { workspaces } from "#db/schema";
import { type FloorVariant, floorScript, floorVariants, transactionIndexes } from "./ingest-floor";

const TARGET_RATIO = 2.0;
const TARGET_RSS_MB = 300;

const { values: flags } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    keep: { type: "boolean" },
    "command-only": { type: "boolean" },
  },
});
const rows = Number(flags.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error("--rows must be a positive integer");

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** Deterministic rows (a linear congruential sequence): ids, 2% anonymous, 2% returns. */
async function writeTransactions(file: string, count: number): Promise<number> {
  const out = fs.createWriteStream(file);
  let chunk =
    "transaction_id,customer_id,occurred_at,product_code,quantity,unit_price,amount,channel\n";
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let index = 1; index <= count; index++) {
    const r = next();
    const customer = r % 50 === 0 ? "" : `C${pad(r % 100_000, 5)}`;
    const day = 1 + (r % 28);
    const month = 1 + ((r >> 5) % 12);
    const quantity = (r % 50 === 1 ? -1 : 1) * (1 + ((r >> 9) % 4));
    const cents = 100 + ((r >> 3) % 99_900);
    const price = (cents / 100).toFixed(2);
    const amount = ((quantity * cents) / 100).toFixed(2);
    const time = `${pad((r >> 4) % 24, 2)}:${pad((r >> 7) % 60, 2)}`;
    chunk += `T${pad(index, 7)},${customer},2025-${pad(month, 2)}-${pad(day, 2)} ${time},P${(r >> 11) % 500},${quantity},${price},${amount},${r % 3 === 0 ? "web" : "store"}\n`;
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return fs.statSync(file).size;
}

interface Run {
  seconds: number;
  stdout: string;
  stderr: string;
  code: number | null;
  peakRssMb: number | null;
  /** User + system CPU seconds (GNU time only): less sensitive than wall time to other load. */
  cpuSeconds: number | null;
}

/** Runs a command; peak RSS from GNU time when installed, else by polling ps. */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const gnuTime = fs.existsSync("/usr/bin/time");
  const started = performance.now();
  const child = gnuTime
    ? spawn("/usr/bin/time", ["-v", command, ...args], { env })
    : spawn(command, args, { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => {
    stdout += data;
  });
  child.stderr.on("data", (data: Buffer) => {
    stderr += data;
  });
  let polledKb = 0;
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        const ps = spawn("ps", ["-o", "rss=", "-p", String(child.pid)]);
        ps.stdout.on("data", (data: Buffer) => {
          polledKb = Math.max(polledKb, Number(String(data).trim()) || 0);
        });
      }, 100);
  const [code] = (await once(child, "exit")) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  const reportedKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const kb = gnuTime ? Number(reportedKb ?? 0) : polledKb;
  const cpu = (label: string) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1]);
  const cpuSeconds = gnuTime ? cpu("User") + cpu("System") : null;
  return {
    seconds,
    stdout,
    stderr,
    code,
    peakRssMb: kb ? Math.round(kb / 1024) : null,
    cpuSeconds,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-bench-"));
  const csv = path.join(dir, "transactions.csv");
  const fileBytes = await writeTransactions(csv, rows);

  const dbFile = path.join(dir, "bench.db");
  const db = openDb(dbFile);
  db.insert(workspaces).values({ slug: "bench", name: "Benchmark" }).run();
  db.$client.close();

  const env = { ...process.env, DATABASE_URL: dbFile, DATA_DIR: dir };
  const entry = flags["command-only"] ? ["bench/import-command.ts"] : ["cli/index.ts", "import"];
  const cliArgs = ["--import", "tsx", ...entry, "--workspace", "bench"];
  const imported = await timed(
    process.execPath,
    [...cliArgs, "--kind", "transactions", "--file", csv],
    env,
  );
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.stderr}`);
  const result = JSON.parse(imported.stdout) as { rows_loaded: number; rows_rejected: number };

  const reference = await timed(
    "sqlite3",
    [path.join(dir, "reference.db"), ".mode csv", `.import ${csv} t`],
    env,
  );
  if (reference.code !== 0) throw new Error(`sqlite3 .import failed:\n${reference.stderr}`);

  // The sqlite3 shell loading the same file the way our publish stores it (see ingest-floor.ts).
  const floor: Record<FloorVariant, number> = { indexed: 0, keyed: 0, bare: 0 };
  for (const variant of floorVariants) {
    const floorDb = path.join(dir, `floor-${variant}.db`);
    openDb(floorDb).$client.close();
    const script = path.join(dir, `floor-${variant}.sql`);
    fs.writeFileSync(script, floorScript(csv, variant, transactionIndexes(floorDb)));
    const run = await timed("sqlite3", [floorDb, `.read ${script}`], env);
    if (run.code !== 0) throw new Error(`sqlite3 floor (${variant}) failed:\n${run.stderr}`);
    floor[variant] = run.seconds;
  }

  const ratio = imported.seconds / reference.seconds;
  const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  const cpuRatio =
    imported.cpuSeconds && reference.cpuSeconds ? imported.cpuSeconds / reference.cpuSeconds : null;
  const figures = {
    rows,
    entry: entry.join(" "),
    file_mb: Math.round(fileBytes / 1e5) / 10,
    import_seconds: Math.round(imported.seconds * 100) / 100,
    sqlite3_import_seconds: Math.round(reference.seconds * 100) / 100,
    ratio: Math.round(ratio * 100) / 100,
    import_cpu_seconds: round2(imported.cpuSeconds),
    sqlite3_cpu_seconds: round2(reference.cpuSeconds),
    cpu_ratio: round2(cpuRatio),
    load_average: os.loadavg()[0],
    rows_per_second: Math.round(rows / imported.seconds),
    sqlite3_typed_indexed_seconds: round2(floor.indexed),
    sqlite3_typed_keyed_seconds: round2(floor.keyed),
    sqlite3_typed_bare_seconds: round2(floor.bare),
    sqlite3_typed_indexed_ratio: round2(floor.indexed / reference.seconds),
    import_peak_rss_mb: imported.peakRssMb,
    rows_loaded: result.rows_loaded,
    rows_rejected: result.rows_rejected,
    ratio_target_met: ratio <= TARGET_RATIO,
    rss_target_met: imported.peakRssMb !== null && imported.peakRssMb <= TARGET_RSS_MB,
  };
  console.log(JSON.stringify(figures));
  console.log(
    [
      "",
      `rows                     ${rows.toLocaleString("en")} (${figures.file_mb} MB)`,
      `channelscope import      ${figures.import_seconds} s  (${figures.rows_per_second.toLocaleString("en")} rows/s)`,
      `sqlite3 .import          ${figures.sqlite3_import_seconds} s`,
      `ratio                    ${figures.ratio}  (target ≤ ${TARGET_RATIO})`,
      `sqlite3 typed load       ${figures.sqlite3_typed_indexed_seconds} s indexed (ratio ${figures.sqlite3_typed_indexed_ratio}), ${figures.sqlite3_typed_keyed_seconds} s unique key only, ${figures.sqlite3_typed_bare_seconds} s no keys`,
      `CPU seconds              ${figures.import_cpu_seconds} vs ${figures.sqlite3_cpu_seconds} (ratio ${figures.cpu_ratio})`,
      `import peak RSS          ${figures.import_peak_rss_mb} MB  (target ≤ ${TARGET_RSS_MB})`,
    ].join("\n"),
  );
  if (flags.keep) console.log(`\nkept: ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

await main();
