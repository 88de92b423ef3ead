/** The segment and match commands as a script uses them: child processes, JSON, exit codes. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { channelAudiences } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-segment-cli-"));
const env = { ...process.env, DATABASE_URL: path.join(dir, "cli.db"), DATA_DIR: dir };
const db = openDb(env.DATABASE_URL);
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "cli/index.ts", ...args],
      { env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  const ws = addWorkspace(db, "acme");
  addWorkspace(db, "rival");
  for (let i = 0; i < 10; i++) {
    const id = addCustomer(db, ws, {
      consentDataProcessing: i !== 9,
      gender: i % 2 ? "male" : "female",
      birthYear: 1960 + 4 * i,
      income: i < 5 ? 20 + i : 200 + i,
    });
    addTransaction(db, ws, {
      customerId: id,
      date: `2025-02-${String(10 + i).padStart(2, "0")}`,
      amount: 10 * (i + 1),
      category: "Travel",
      productCode: "T1",
    });
  }
  scopeTo(db, ws).insert(channelAudiences, {
    channelName: "Blog",
    shares: { gender: { gender_female: 0.5, gender_male: 0.5 }, interests: { interest_travel: 1 } },
    rowHash: "b",
  });
});

// Each test starts CLI processes (tsx compiles on start-up): seconds each on a loaded
// machine, so these tests get more time than the default 30 s.
describe("segment and match commands", { timeout: 120_000 }, () => {
  it("runs RFM, clustering and both match reports", async () => {
    const rfm = await cli("segment", "rfm", "--workspace", "acme", "--as-of", "2025-03-01");
    expect(rfm.code).toBe(0);
    const rfmJson = JSON.parse(rfm.stdout);
    expect(rfmJson).toMatchObject({
      reference_date: "2025-03-01",
      excluded_without_consent: 1,
      customers_scored: 9,
    });
    expect(
      rfmJson.segments.reduce((n: number, s: { customers: number }) => n + s.customers, 0),
    ).toBe(9);
    expect(rfmJson.segments[0]).toHaveProperty("monetary_total");
    expect(rfmJson.segments[0]).toHaveProperty("revenue_share");

    const cluster = await cli(
      "segment",
      "cluster",
      "--workspace",
      "acme",
      "--features",
      "income,monetary",
      "--log",
      "monetary",
      "--k",
      "2",
      "--seed",
      "7",
    );
    expect(cluster.code).toBe(0);
    const clusterJson = JSON.parse(cluster.stdout);
    expect(clusterJson).toMatchObject({ k: 2, chosen_by: "fixed", seed: 7, log: ["monetary"] });
    expect(clusterJson.sizes.map((s: { customers: number }) => s.customers).sort()).toEqual([4, 5]);
    expect(clusterJson.inertia_by_k.map((p: { k: number }) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);

    const channels = await cli(
      "match",
      "channels",
      "--workspace",
      "acme",
      "--run",
      String(rfmJson.run_id),
    );
    expect(channels.code).toBe(0);
    const channelJson = JSON.parse(channels.stdout);
    expect(channelJson.segments[0].channels[0]).toMatchObject({ channel: "Blog" });

    const products = await cli(
      "match",
      "products",
      "--workspace",
      "acme",
      "--run",
      String(clusterJson.run_id),
    );
    expect(products.code).toBe(0);
    expect(JSON.parse(products.stdout)).toMatchObject({
      run_id: clusterJson.run_id,
      purchases_used: 9,
    });
  });

  it("fails clearly: unknown feature, another workspace's run, bad date", async () => {
    const unknown = await cli(
      "segment",
      "cluster",
      "--workspace",
      "acme",
      "--features",
      "income,shoe_size",
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("Unknown feature(s): shoe_size");

    const foreign = await cli("match", "channels", "--workspace", "rival", "--run", "1");
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain("No analysis run 1 in this workspace");

    const badDate = await cli("segment", "rfm", "--workspace", "acme", "--as-of", "01/03/2025");
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain("--as-of: a date YYYY-MM-DD");
  });
});
