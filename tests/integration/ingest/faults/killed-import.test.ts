/**
 * A CLI import killed with `kill -9`: the real command in a child process, paused at a
 * known point (CHANNELSCOPE_TEST_PAUSE_IMPORT blocks it for good, so its lease stops being
 * renewed), then killed. Until its lease runs out the dataset counts as being imported;
 * after that the next command settles it.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { datasets } from "#db/schema";
import { recoverExpiredImports, STOPPED_IMPORT_ERROR } from "~/datasets/stale-imports.server";
import { englishMessage } from "~/i18n/english";
import { isBeingImported } from "~/ingest/import-job.server";
import { STORED_COPY_REMOVED } from "~/ingest/load.server";
import { runCli } from "../../../../cli/run";
import { countOf, fixture, setUpIngest } from "../support";
import { type Child, killHard, spawnTsx, waitUntil } from "./processes";

/** What the CLI and pages in English say of an import whose process died. */
const STOPPED_AND_REMOVED = `${englishMessage(STOPPED_IMPORT_ERROR)} ${STORED_COPY_REMOVED}`;

const { db, dir, scope, workspaceId, importOk } = setUpIngest("acme");
const LEASE_MS = 1_500;
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.child.exitCode === null && child.child.signalCode === null) await killHard(child);
  }
});

function writeFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** `import` in a child process that pauses at `pause` and is then killed. */
async function importKilledAt(pause: "first-batch" | "published", kind: string, file: string) {
  const cli = spawnTsx(
    "cli/index.ts",
    ["import", "--workspace", "acme", "--kind", kind, "--file", file],
    { IMPORT_LEASE_MS: String(LEASE_MS), CHANNELSCOPE_TEST_PAUSE_IMPORT: pause },
  );
  children.push(cli);
  await cli.printed(`paused: ${pause === "published" ? "published" : "first batch written"}`);
  expect(await killHard(cli)).toBe("SIGKILL");
  const dataset = scope
    .select(datasets, eq(datasets.fileName, path.basename(file)))
    .at(-1) as typeof datasets.$inferSelect;
  expect(dataset).toBeDefined();
  return dataset;
}

/** Waits (bounded) until the dataset's lease is in the past. */
async function leaseRunsOut(dataset: typeof datasets.$inferSelect) {
  const expires = dataset.leaseExpiresAt?.getTime() ?? 0;
  await waitUntil(() => Date.now() > expires, "the dead import's lease to run out", 10 * LEASE_MS);
}

async function listed(id: number) {
  const result = await runCli(["dataset", "list", "--workspace", "acme"]);
  expect(result.code).toBe(0);
  const { datasets: rows } = JSON.parse(result.stdout ?? "") as {
    datasets: Record<string, unknown>[];
  };
  return rows.find((row) => row.id === id);
}

describe("a CLI import killed with kill -9", { timeout: 180_000 }, () => {
  it("mid-import: importing until its lease runs out, then failed with nothing kept", async () => {
    await importOk("customers", fixture("ingest/customers-online.csv"));
    const rows = Array.from({ length: 5_000 }, (_, i) => `K-${i},Kişi ${i},k${i}@example.com`);
    const file = writeFile("many-customers.csv", ["customer_id,full_name,email", ...rows]);

    const dead = await importKilledAt("first-batch", "customers", file);
    // Its first batch (header + 1,999 rows) committed; the process is gone.
    expect(dead).toMatchObject({ status: "importing", rowsLoaded: 1_999 });
    expect(dead.leaseOwner).toMatch(/:\d+:[0-9a-f]{8}$/);
    expect(countOf(db, "customers", workspaceId)).toBe(3 + 1_999);
    const stored = dead.storedPath as string;
    expect(fs.existsSync(stored)).toBe(true);

    // Before its lease runs out nobody can tell it is dead: it blocks erasure, and the sweep
    // leaves it alone.
    const beforeExpiry = (dead.leaseExpiresAt?.getTime() ?? 0) - 1;
    expect(isBeingImported(db, dead, beforeExpiry)).toBe(true);
    expect(recoverExpiredImports(db, beforeExpiry)).toEqual([]);

    await leaseRunsOut(dead);
    // The next command that touches datasets settles it.
    expect(await listed(dead.id)).toMatchObject({
      id: dead.id,
      kind: "customers",
      file: "many-customers.csv",
      status: "failed",
      rows_read: 0,
      rows_loaded: 0,
      error: STOPPED_AND_REMOVED,
    });
    expect(countOf(db, "customers", workspaceId)).toBe(3);
    expect(
      db.$client
        .prepare("SELECT count(*) FROM customer_sources WHERE dataset_id = ?")
        .pluck()
        .get(dead.id),
    ).toBe(0);
    expect(fs.existsSync(stored)).toBe(false);
    expect(scope.first(datasets, eq(datasets.id, dead.id))).toMatchObject({
      storedPath: null,
      leaseOwner: null,
      leaseExpiresAt: null,
    });

    const erased = await runCli(["customer", "erase", "--workspace", "acme", "--id", "WEB-1"]);
    expect(erased.stderr ?? "").toBe("");
    expect(JSON.parse(erased.stdout ?? "")).toMatchObject({ erased: true });
  });

  it("after its publish committed: succeeded with the counts it committed", async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `T-${i},C-${i % 7},2025-01-02,${i}.50`);
    const file = writeFile("sales.csv", ["transaction_id,customer_id,date,amount", ...rows]);
    const before = countOf(db, "transactions", workspaceId);

    const dead = await importKilledAt("published", "transactions", file);
    const committed = {
      status: "succeeded",
      rowsRead: 3_000,
      rowsLoaded: 3_000,
      rowsRejected: 0,
      rowsNew: 3_000,
      rowsUpdated: 0,
      rowsUnchanged: 0,
    };
    // Published and counted in one transaction; only the tidying up was left undone.
    expect(dead).toMatchObject(committed);
    expect(dead.publishedAt).not.toBeNull();
    expect(countOf(db, "transactions", workspaceId)).toBe(before + 3_000);
    const stored = dead.storedPath as string;
    expect(fs.existsSync(stored)).toBe(true);
    // Its lease still holds: an erasure would meet the stored copy mid-removal.
    expect(isBeingImported(db, dead, (dead.leaseExpiresAt?.getTime() ?? 0) - 1)).toBe(true);

    await leaseRunsOut(dead);
    expect(await listed(dead.id)).toMatchObject({
      status: "succeeded",
      rows_loaded: 3_000,
      rows_new: 3_000,
      error: null,
    });
    expect(scope.first(datasets, eq(datasets.id, dead.id))).toMatchObject({
      ...committed,
      storedPath: null,
      leaseOwner: null,
    });
    expect(fs.existsSync(stored)).toBe(false);
    expect(countOf(db, "transactions", workspaceId)).toBe(before + 3_000);
    const erased = await runCli(["customer", "erase", "--workspace", "acme", "--id", "WEB-2"]);
    expect(JSON.parse(erased.stdout ?? "")).toMatchObject({ erased: true });
  });
});
