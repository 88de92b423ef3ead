// `scrape add` and `scrape run` as an operator uses them: a child process against the
// fixture site on 127.0.0.1 (allow-listed through SCRAPER_ALLOW_HOSTS), JSON on stdout.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { observations, workspaces } from "#db/schema";
import { type FixtureSite, startFixtureSite } from "../../fixture-site/server";

const exec = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-scrape-cli-"));
const dbFile = path.join(dir, "cli.db");
const env = {
  ...process.env,
  DATABASE_URL: dbFile,
  DATA_DIR: dir,
  SCRAPER_ALLOW_HOSTS: "127.0.0.1",
};
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite();
  const db = openDb(dbFile);
  db.insert(workspaces).values({ slug: "ops", name: "Ops" }).run();
  db.$client.close();
});
afterAll(async () => {
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await exec("npx", ["tsx", "cli/index.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("scrape CLI", () => {
  it("adds a source, then runs it and prints what it wrote", async () => {
    const config = JSON.stringify({ channel: "@acme_news", baseUrl: site.url });
    const addedFrom = Date.now();
    const added = await cli(
      ...["scrape", "add", "--workspace", "ops", "--adapter", "telegram"],
      ...["--config", config, "--schedule", "*/30 * * * *", "--name", "Acme"],
    );
    expect(added.code).toBe(0);
    const source = JSON.parse(added.stdout);
    expect(source).toMatchObject({ id: 1, name: "Acme", adapter: "telegram" });
    // The next half hour after the command started (not after it ended: a slow machine may
    // have passed that half hour by then).
    expect(Date.parse(source.next_run_at)).toBeGreaterThan(addedFrom);
    expect(Date.parse(source.next_run_at)).toBeLessThanOrEqual(Date.now() + 30 * 60_000);

    const ran = await cli("scrape", "run", "--workspace", "ops", "--source", String(source.id));
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    const db = openDb(dbFile);
    const stored = db.select().from(observations).all().length;
    db.$client.close();
    expect(result).toEqual({
      observations_written: stored,
      pages_fetched: 1,
      seconds: expect.any(Number),
    });
    expect(stored).toBeGreaterThan(10);
  }, 120_000);

  it("refuses a bad config or schedule with a message and a non-zero exit", async () => {
    const add = (config: string, schedule: string) =>
      cli(
        ...["scrape", "add", "--workspace", "ops", "--adapter", "telegram"],
        ...["--config", config, "--schedule", schedule, "--name", "X"],
      );
    const [bad, everyMinute] = await Promise.all([
      add('{"channel":"no"}', "0 * * * *"),
      add('{"channel":"acme_news"}', "* * * * *"),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid source: channel: not a Telegram channel name/);
    expect(everyMinute.code).toBe(1);
    expect(everyMinute.stderr).toMatch(/schedule: runs at most every 5 minutes/i);
  }, 120_000);

  it("reports a failed run (robots.txt) as an error", async () => {
    site.setFault("robots-disallow");
    const ran = await cli("scrape", "run", "--workspace", "ops", "--source", "1");
    site.clearFaults();
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/scrape run: robots\.txt does not allow fetching/);
  }, 120_000);
});
