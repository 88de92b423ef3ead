/** `export` and `customer erase` as an operator runs them: a child process, exit codes. */

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { upsertCustomerBatch } from "~/customers/merge.server";
import { runCli } from "../../../cli/run";
import { setUpTestDb } from "../../helpers/test-db";
import { createDataset, createWorkspace, customerRow } from "./support";

const { db, file, dir } = setUpTestDb();
const env = { ...process.env, DATABASE_URL: file, DATA_DIR: dir };

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", "cli/index.ts", ...args], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const { workspaceId } = createWorkspace(db, "shop");
upsertCustomerBatch(
  scopeTo(db, workspaceId),
  createDataset(db, workspaceId),
  [
    customerRow({
      external_id: "C1",
      name: "@Ayşe",
      email: "ayse@example.test",
      consent_data_processing: "yes",
    }),
    customerRow({
      external_id: "C2",
      name: "Ali",
      email: "ali@example.test",
      consent_data_processing: "no",
    }),
    customerRow({
      external_id: "C3",
      name: "Can",
      email: "can@example.test",
      consent_data_processing: "yes",
    }),
  ],
  "online",
);

// Each test starts CLI processes (tsx compiles on start-up): seconds each on a loaded
// machine, so these tests get more time than the default 30 s.
describe("cli export", { timeout: 120_000 }, () => {
  it("prints the consented customers as CSV and says how many were left out", async () => {
    const result = await cli("export", "--workspace", "shop", "--kind", "customers");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("\uFEFFprofile_id,")).toBe(true);
    expect(result.stdout.endsWith("\r\n")).toBe(true); // no extra newline after the last row
    const rows = parse(result.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(["'@Ayşe", "Can"]);
    expect(result.stderr).toContain("1 customers without data-processing consent left out");
  });

  it("includes everyone with --include-unconsented", async () => {
    const result = await cli(
      "export",
      "--workspace",
      "shop",
      "--kind",
      "customers",
      "--include-unconsented",
    );
    const rows = parse(result.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(["'@Ayşe", "Ali", "Can"]);
    expect(result.stderr).not.toContain("left out");
  });

  it("fails with a message and no output for an unknown kind or workspace", async () => {
    const kind = await cli("export", "--workspace", "shop", "--kind", "people");
    expect([kind.code, kind.stdout]).toEqual([1, ""]);
    expect(kind.stderr).toContain("--kind");
    const workspace = await cli("export", "--workspace", "nope", "--kind", "customers");
    expect([workspace.code, workspace.stdout]).toEqual([1, ""]);
    expect(workspace.stderr).toContain('No workspace "nope"');
  });
});

describe("cli customer erase", { timeout: 120_000 }, () => {
  it("erases by a source id and by #internal id, and fails when no one matches", async () => {
    const byId = await cli("customer", "erase", "--workspace", "shop", "--id", "C2");
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toEqual({
      erased: true,
      removed: {
        customers: 1,
        customer_sources: 1,
        transactions: 0,
        responses: 0,
        rejected_rows: 0,
        cell_warnings: 0,
        stored_uploads: 0,
      },
      redacted: 0,
      walCheckpointed: true,
    });
    const again = await cli("customer", "erase", "--workspace", "shop", "--id", "C2");
    expect([again.code, again.stdout]).toEqual([1, ""]);
    expect(again.stderr).toContain('No customer with id "C2"');

    const canId = db.$client
      .prepare("SELECT customer_id FROM customer_sources WHERE external_id = 'C3'")
      .pluck()
      .get();
    // This process in the middle of a read (as the web app may be): the CLI's checkpoint
    // cannot empty the write-ahead log, and it says so.
    db.$client.exec("BEGIN");
    db.$client.prepare("SELECT count(*) FROM customers").get();
    const byInternal = await cli("customer", "erase", "--workspace", "shop", "--id", `#${canId}`);
    db.$client.exec("COMMIT");
    expect(JSON.parse(byInternal.stdout)).toMatchObject({
      erased: true,
      removed: { customers: 1 },
      walCheckpointed: false,
      note: expect.stringContaining("write-ahead log"),
    });
  });
});

describe("runCli", () => {
  it("prints raw output as is and every other result as one JSON object", async () => {
    const raw = await runCli(["export", "--workspace", "shop", "--kind", "products"]);
    expect(raw).toEqual({
      code: 0,
      stdout: "\uFEFFcode,name,category,price\r\n",
      stderr: undefined,
      raw: true,
    });
    const json = await runCli(["workspace", "list"]);
    expect(json.raw).toBeUndefined();
    expect(JSON.parse(json.stdout ?? "")).toMatchObject({ workspaces: [{ slug: "shop" }] });
  });
});
