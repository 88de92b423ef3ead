/**
 * The demo generator's seven files, imported like a user would: every row loads except the
 * branch file's deliberately broken ones, sales find their customers, and every response
 * loads and goes to a known, consenting customer.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type DemoDataSummary, generateDemoData } from "../../../scripts/demo-data/generate";
import { countOf, type ImportSummary, setUpIngest } from "./support";

const { db, dir, workspaceId, importOk } = setUpIngest();
let demo: DemoDataSummary;
const imported: Record<string, ImportSummary> = {};

const files = [
  ["customers_online.csv", "customers"],
  ["customers_offline.csv", "customers"],
  ["transactions.csv", "transactions"],
  ["products.csv", "products"],
  ["campaigns.csv", "campaigns"],
  ["channel_audiences.csv", "channel_audiences"],
  ["responses.csv", "responses"],
] as const;

function rowsIn(file: string): number {
  const found = demo.files.find((summary) => summary.file === file);
  if (!found) throw new Error(`the generator wrote no ${file}`);
  return found.rows;
}

/**
 * Broken branch rows that must be rejected: only the ragged ones (a bad date, income or
 * e-mail leaves that cell empty with a warning). Ragged defects alternate "a field missing"
 * and (every third) "one extra, empty field"; the latter is a trailing delimiter, which loads.
 */
function expectedBranchRejects(): number {
  const { ragged_row } = demo.offlineDefects;
  const raggedWithEmptyExtra = Array.from({ length: ragged_row }, (_, v) => v % 3 === 2).filter(
    Boolean,
  ).length;
  return ragged_row - raggedWithEmptyExtra;
}

/** Broken branch cells: a row each, kept with the cell empty and a warning. */
function expectedBranchWarnings(): number {
  const { invalid_date, non_numeric_income, malformed_email } = demo.offlineDefects;
  return invalid_date + non_numeric_income + malformed_email;
}

beforeAll(async () => {
  demo = await generateDemoData({ outDir: path.join(dir, "demo"), seed: 7, scale: 0.01 });
  for (const [file, kind] of files) {
    imported[file] = await importOk(kind, path.join(dir, "demo", file));
  }
}, 60_000);

describe("demo data import", () => {
  it("reads every row of every file", () => {
    for (const [file] of files) expect(imported[file]?.rows_read, file).toBe(rowsIn(file));
  });

  it("rejects exactly the ragged branch rows and warns for the broken cells, nothing else", () => {
    expect(expectedBranchRejects()).toBeGreaterThan(0);
    expect(imported["customers_offline.csv"]?.rows_rejected).toBe(expectedBranchRejects());
    expect(expectedBranchWarnings()).toBeGreaterThan(0);
    expect(imported["customers_offline.csv"]?.cell_warnings).toBe(expectedBranchWarnings());
    for (const [file] of files.filter(([file]) => file !== "customers_offline.csv")) {
      expect(imported[file]?.rows_rejected, file).toBe(0);
      expect(imported[file]?.cell_warnings, file).toBe(0);
    }
  });

  it("reads the branch file as Windows-1254 with ';' and decimal commas", () => {
    expect(imported["customers_offline.csv"]).toMatchObject({
      encoding: "windows-1254",
      delimiter: ";",
      decimal: ",",
    });
  });

  it("keeps returns and anonymous sales, and links the others to profiles", () => {
    expect(countOf(db, "transactions", workspaceId)).toBe(rowsIn("transactions.csv"));
    const count = (where: string) =>
      db.$client
        .prepare(`SELECT count(*) FROM transactions WHERE workspace_id = ? AND ${where}`)
        .pluck()
        .get(workspaceId);
    expect(count("is_return = 1")).toBe(demo.transactionReturns);
    expect(count("customer_external_id IS NULL")).toBe(demo.anonymousTransactions);
    // A sale with a customer id is unlinked only when that customer's branch row was broken.
    const unlinked = db.$client
      .prepare(
        `SELECT DISTINCT customer_external_id FROM transactions
         WHERE workspace_id = ? AND customer_external_id IS NOT NULL AND customer_id IS NULL`,
      )
      .pluck()
      .all(workspaceId) as string[];
    const rejectedIds = (
      db.$client
        .prepare("SELECT raw FROM rejected_rows WHERE workspace_id = ?")
        .pluck()
        .all(workspaceId) as string[]
    ).map((raw) => raw.split(";")[0]);
    for (const id of unlinked) expect(rejectedIds).toContain(id);
  });

  it("keeps one source record per valid customer row", () => {
    const validRows =
      rowsIn("customers_online.csv") + rowsIn("customers_offline.csv") - expectedBranchRejects();
    const fromFiles = db.$client
      .prepare("SELECT count(*) FROM customer_sources WHERE workspace_id = ? AND source != ?")
      .pluck()
      .get(workspaceId, "transactions");
    expect(fromFiles).toBe(validRows);
    // People in both files share a profile: fewer profiles than records.
    expect(countOf(db, "customers", workspaceId)).toBeLessThan(validRows);
  });

  it("loads products, campaign days and channel audiences one row each", () => {
    expect(countOf(db, "products", workspaceId)).toBe(rowsIn("products.csv"));
    expect(countOf(db, "campaigns", workspaceId)).toBe(rowsIn("campaigns.csv"));
    expect(countOf(db, "channel_audiences", workspaceId)).toBe(rowsIn("channel_audiences.csv"));
  });
});

describe("demo responses import", () => {
  it("loads every message with no rejected row or cell warning", () => {
    expect(rowsIn("responses.csv")).toBeGreaterThan(100);
    expect(imported["responses.csv"]).toMatchObject({ rows_rejected: 0, cell_warnings: 0 });
    expect(countOf(db, "responses", workspaceId)).toBe(rowsIn("responses.csv"));
    const converted = db.$client
      .prepare("SELECT count(*) FROM responses WHERE workspace_id = ? AND converted = 1")
      .pluck()
      .get(workspaceId);
    expect(converted).toBe(demo.responses.converted);
  });

  it("sends e-mail and SMS only to customers whose merged profile consents to them", () => {
    const offending = db.$client
      .prepare(
        `SELECT r.channel, r.customer_external_id, c.consent_data_processing, c.consent_email,
                c.consent_sms
         FROM responses AS r
         JOIN customer_sources AS cs
           ON cs.workspace_id = r.workspace_id AND cs.external_id = r.customer_external_id
         JOIN customers AS c ON c.id = cs.customer_id
         WHERE r.workspace_id = ?
           AND (coalesce(c.consent_data_processing, 0) != 1
             OR (r.channel = 'email' AND coalesce(c.consent_email, 0) != 1)
             OR (r.channel = 'sms' AND coalesce(c.consent_sms, 0) != 1))`,
      )
      .all(workspaceId);
    expect(offending).toEqual([]);
    const unknown = db.$client
      .prepare(
        `SELECT count(*) FROM responses AS r WHERE r.workspace_id = ? AND NOT EXISTS (
           SELECT 1 FROM customer_sources AS cs
           WHERE cs.workspace_id = r.workspace_id AND cs.external_id = r.customer_external_id)`,
      )
      .pluck()
      .get(workspaceId);
    expect(unknown).toBe(0);
  });
});
