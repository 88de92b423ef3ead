/**
 * The demo workspace as `npm run demo` loads it (scripts/load-demo-data.sh): the generator's
 * files imported through the `import` command, in-process, into the database DATABASE_URL
 * names, and the truth the responses were drawn from (responses-truth.json), to score what
 * the app learns. Shared by the integration tests and `npm run bench:models`.
 */
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../../cli/run";
import { generateDemoData } from "../../scripts/demo-data/generate";

/** The part of responses-truth.json that scores a plan. */
export interface ResponsesTruth {
  /** persona → channel → offer → "HH" (Turkish time) → P(converted | sent). */
  rates: Record<string, Record<string, Record<string, Record<string, number>>>>;
  neverResponders: string[];
  personaOfCustomer: Record<string, string>;
}

/** The files in load-demo-data.sh's order, with their kinds and extra flags. */
const DEMO_FILES = [
  ["products", "products.csv"],
  ["customers", "customers_online.csv", "--source", "online"],
  ["customers", "customers_offline.csv", "--source", "offline"],
  ["transactions", "transactions.csv"],
  ["campaigns", "campaigns.csv"],
  ["channel_audiences", "channel_audiences.csv"],
  ["responses", "responses.csv"],
] as const;

/** Runs a CLI command in this process; fails with its message, returns its printed JSON. */
export async function cliJson<T = Record<string, unknown>>(argv: string[]): Promise<T> {
  const result = await runCli(argv);
  if (result.code !== 0) throw new Error(`cli ${argv.join(" ")} failed: ${result.stderr}`);
  return JSON.parse(result.stdout ?? "") as T;
}

/**
 * Generates the demo's files into `dir`/demo (seed 42, the demo's own, at `scale`), creates
 * workspace `slug` with an owner, and imports every file as load-demo-data.sh does.
 */
export async function loadDemoWorkspace(
  dir: string,
  options: { slug: string; scale: number; seed?: number },
): Promise<{ truth: ResponsesTruth; rowsLoaded: Record<string, number> }> {
  const out = path.join(dir, "demo");
  await generateDemoData({ outDir: out, seed: options.seed ?? 42, scale: options.scale });
  const passwordFile = path.join(dir, "owner-password");
  fs.writeFileSync(passwordFile, "demo workspace owner password\n");
  const email = `owner-${options.slug}@demo.test`;
  await cliJson(["user", "create", "--email", email, "--password-file", passwordFile]);
  await cliJson([
    "workspace",
    "create",
    "--slug",
    options.slug,
    "--name",
    "Demo",
    "--owner",
    email,
  ]);
  const rowsLoaded: Record<string, number> = {};
  for (const [kind, file, ...extra] of DEMO_FILES) {
    const summary = await cliJson<{ rows_loaded: number }>([
      "import",
      "--workspace",
      options.slug,
      "--kind",
      kind,
      "--file",
      path.join(out, file),
      ...extra,
    ]);
    rowsLoaded[file] = summary.rows_loaded;
  }
  const truth = JSON.parse(
    fs.readFileSync(path.join(out, "responses-truth.json"), "utf8"),
  ) as ResponsesTruth;
  return { truth, rowsLoaded };
}

/** A planned send as the plan's CSV names it. */
export interface SendChoice {
  customerId: string;
  channel: string;
  offer: string;
  hour: number;
}

/** The sends of a plan's CSV (customer_id,channel,offer,send_hour,…). */
export function planCsvSends(csvText: string): SendChoice[] {
  return csvText
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => {
      const [customerId = "", channel = "", offer = "", hour = ""] = line.split(",");
      return { customerId, channel, offer, hour: Number(hour) };
    });
}

/**
 * The true conversion rate of a plan's sends (the demo workspace's send hours are Turkish
 * time, as the truth's): the mean over them of the rate the truth gives the customer's
 * persona for that channel, offer and hour, 0 for a customer who never responds. Throws on
 * a send the truth has no rate for.
 */
export function trueRate(truth: ResponsesTruth, sends: readonly SendChoice[]): number {
  if (sends.length === 0) throw new Error("the plan has no sends");
  const never = new Set(truth.neverResponders);
  let sum = 0;
  for (const send of sends) {
    if (never.has(send.customerId)) continue;
    const persona = truth.personaOfCustomer[send.customerId];
    const hour = String(send.hour).padStart(2, "0");
    const rate = truth.rates[persona ?? ""]?.[send.channel]?.[send.offer]?.[hour];
    if (rate === undefined) throw new Error(`no true rate for ${JSON.stringify(send)}`);
    sum += rate;
  }
  return sum / sends.length;
}
