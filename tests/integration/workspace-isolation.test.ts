/**
 * Tenant isolation: a member of workspace A gets 404 for every workspace route of B,
 * for loaders and actions alike. The routes are discovered from app/routes, so a new
 * workspace route is covered without touching this test.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { schema, scopeTo } from "~/db.server";
import { createReport } from "~/reports/reports.server";
import { runRfm } from "~/segments/rfm-run.server";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../helpers/session";
import { setUpTestDb } from "../helpers/test-db";

const { db } = setUpTestDb();

const routesDir = path.resolve("app/routes");
const workspaceRoutes = fs
  .readdirSync(routesDir)
  .filter((f) => f.startsWith("w.$workspace") && /\.tsx?$/.test(f))
  .sort();

/** Route file name → URL segments: `w.$workspace.data.$dataset.rejected[.csv].tsx`. */
function segmentsOf(file: string): string[] {
  return file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.([^\]]*)\]/g, "\u0000$1")
    .split(".")
    .map((s) => s.replace("\u0000", "."))
    .filter((s) => s !== "_index" && !s.startsWith("_"));
}

/** Every `$param` gets the id of a real record of workspace B, so B itself can load it. */
function paramsFor(file: string, ids: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const s of segmentsOf(file).filter((s) => s.startsWith("$"))) {
    const name = paramName(s);
    const id = ids[name];
    if (!id) throw new Error(`No record of workspace B for $${name}: add one in beforeAll`);
    params[name] = id;
  }
  return params;
}

/** "$table.csv" is the param "table" followed by ".csv" in the URL. */
const paramName = (segment: string) => segment.slice(1).replace(/\..*$/, "");

function urlFor(file: string, params: Record<string, string>): string {
  return `/${segmentsOf(file)
    .map((s) => (s.startsWith("$") ? params[paramName(s)] + s.slice(1 + paramName(s).length) : s))
    .join("/")}`;
}

let cookieA = "";
let cookieB = "";
const slugB = "bravo";
const idsOfB: Record<string, string> = {};

beforeAll(async () => {
  const alice = await createUser({
    email: "alice@a.test",
    name: "Alice",
    password: "correct horse battery",
  });
  const bob = await createUser({
    email: "bob@b.test",
    name: "Bob",
    password: "correct horse battery",
  });
  createWorkspace({ slug: "alpha", name: "Alpha" }, alice);
  const bravo = createWorkspace({ slug: slugB, name: "Bravo" }, bob);
  const scopeB = scopeTo(db, bravo.id);
  const dataset = scopeB.insert(schema.datasets, {
    kind: "customers",
    fileName: "b.csv",
    status: "succeeded",
    uploadedBy: bob.id,
  });
  const customer = scopeB.insert(schema.customers, {
    name: "Bravo Customer",
    consentDataProcessing: true,
  });
  scopeB.insert(schema.customerSources, {
    customerId: customer.id,
    source: "online",
    externalId: "B-1",
    datasetId: dataset.id,
    matchedBy: "new",
    record: {},
    rowHash: "x",
  });
  scopeB.insert(schema.transactions, {
    customerId: customer.id,
    customerExternalId: "B-1",
    transactionKey: "B-T1",
    occurredAt: new Date("2025-01-15T10:00:00Z"),
    category: "Books",
    productCode: "B-P1",
    amount: 10,
    datasetId: dataset.id,
  });
  const run = await runRfm(scopeTo(db, bravo.id));
  const report = createReport(scopeB, bob.id, {
    kind: "campaign-roi",
    title: "Bravo ROI",
    mode: "live",
  });
  idsOfB.workspace = slugB;
  idsOfB.run = String(run.run_id);
  idsOfB.dataset = String(dataset.id);
  idsOfB.customer = String(customer.id);
  idsOfB.report = String(report.id);
  // A table every campaign ROI report has, even with no campaign rows.
  idsOfB.table = "campaigns";
  cookieA = await cookieFor(alice.id);
  cookieB = await cookieFor(bob.id);
});

describe("workspace isolation", () => {
  it("finds the workspace routes to walk", () => {
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of workspaceRoutes) {
    it(`${file}: a member of another workspace gets 404`, async () => {
      const mod = await import(/* @vite-ignore */ path.join(routesDir, file));
      const params = paramsFor(file, idsOfB);
      const url = urlFor(file, params);
      expect(mod.loader ?? mod.action, "route has a loader or an action").toBeTruthy();
      if (mod.loader) {
        const own = await settle(() =>
          mod.loader({ request: requestAs(cookieB, url), params, context: {} }),
        );
        expect(own.status, "the owner can load it (so the 404 below means something)").not.toBe(
          404,
        );
        const other = await settle(() =>
          mod.loader({ request: requestAs(cookieA, url), params, context: {} }),
        );
        expect(other.status).toBe(404);
      }
      if (mod.action) {
        const body = new URLSearchParams({ intent: "delete", confirm: slugB });
        const other = await settle(() =>
          mod.action({
            request: requestAs(cookieA, url, { method: "POST", body }),
            params,
            context: {},
          }),
        );
        expect(other.status).toBe(404);
      }
    });
  }

  it("asks anonymous visitors to log in instead of revealing anything", async () => {
    const mod = await import("~/routes/w.$workspace._index");
    const result = await settle(() =>
      mod.loader({
        request: new Request(`http://localhost/w/${slugB}`),
        params: { workspace: slugB },
        context: {},
      } as never),
    );
    expect(result.status).toBe(302);
  });
});
