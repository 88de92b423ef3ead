/**
 * A run's tabs read what the queue stored (run_views) and never compute it: a stored
 * result is returned as it is (even one a test has marked), a missing one is asked of the
 * queue, and after an import the stored one is stale, shown as such, and recomputed by the
 * queue. Workspace caches are invalidated by an import's publish, not by recounting.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { runViewsHandler } from "#jobs/handlers/run-views";
import { segmentRunHandler } from "#jobs/handlers/segment-run";
import { waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { eraseCustomer } from "~/customers/erase.server";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { bumpDataVersion, currentDataVersion } from "~/data-version.server";
import * as overviewRoute from "~/routes/w.$workspace.segments.$run._index";
import * as channelsRoute from "~/routes/w.$workspace.segments.$run.channels";
import * as membersRoute from "~/routes/w.$workspace.segments.$run.members";
import * as productsRoute from "~/routes/w.$workspace.segments.$run.products";
import { enqueueSegmentRun } from "~/segments/enqueue.server";
import {
  DEFAULT_VIEWS,
  readRunView,
  runViewName,
  storedSizesAndCategories,
} from "~/segments/run-views.server";
import { getRun } from "~/segments/runs.server";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { runCli } from "../../../cli/run";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction } from "./fixtures";

const { db, dir } = setUpTestDb();
const SLUG = "stored-views";

/** Runs the worker with the two handlers until `work` is done. */
async function withWorker<T>(work: () => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const done = runWorker({
    db,
    workerId: "test",
    handlers: new HandlerRegistry([segmentRunHandler, runViewsHandler]),
    signal: stop.signal,
    pollMs: 5,
    log: () => {},
  });
  try {
    return await work();
  } finally {
    stop.abort();
    await done;
  }
}

const jobByKey = (key: string) =>
  db.$client.prepare("SELECT id, status FROM jobs WHERE dedupe_key = ?").get(key) as
    | { id: number; status: string }
    | undefined;

const storedView = (runId: number, view: string) =>
  db.$client
    .prepare("SELECT data_version, payload FROM run_views WHERE run_id = ? AND view = ?")
    .get(runId, view) as { data_version: number; payload: string } | undefined;

/** Marks a stored view: a loader that computed instead of reading would not return the mark. */
function markStored(runId: number, view: string, jsonPath: string, value: number) {
  db.$client
    .prepare("UPDATE run_views SET payload = json_set(payload, ?, ?) WHERE run_id = ? AND view = ?")
    .run(jsonPath, value, runId, view);
}

async function importCsv(name: string, text: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const result = await runCli([
    "import",
    "--workspace",
    SLUG,
    "--kind",
    "transactions",
    "--file",
    file,
  ]);
  if (result.code !== 0) throw new Error(`import failed: ${result.stderr}`);
}

const owner = await createUser({ email: "views@c.test", name: "O", password: "correct horse" });
const workspace = createWorkspace({ slug: SLUG, name: "Stored views" }, owner);
const ws = workspace.id;
const customerIds: number[] = [];
for (let i = 0; i < 12; i++) {
  const id = addCustomer(db, ws, { consentDataProcessing: true, income: 1000 + i });
  customerIds.push(id);
  for (let j = 0; j <= i % 3; j++)
    addTransaction(db, ws, {
      customerId: id,
      date: `2025-01-${String(10 + i + j).padStart(2, "0")}`,
      amount: 10 * (i + 1),
    });
}

async function load<T>(
  route: { loader: (args: never) => unknown },
  runId: number,
  tab: string,
): Promise<T> {
  const request = requestAs(await cookieFor(owner.id), `/w/${SLUG}/segments/${runId}${tab}`);
  const { status, body } = await settle(() =>
    route.loader({
      request,
      params: { workspace: SLUG, run: String(runId) },
      context: { clientAddress: "127.0.0.1" },
    } as never),
  );
  expect(status).toBe(200);
  return body as T;
}

type ChannelsPage = { state: string; stale?: boolean; match?: { channels: number } };
type ProductsPage = {
  page: { state: string; stale?: boolean; report?: { purchases_used: number } };
};
type OverviewPage = { state: string; stale?: boolean; cells?: number[][] };

describe("a run's stored views", () => {
  let runId = 0;

  it("are computed with the run, on the queue, at the data version of the run", async () => {
    const run = enqueueSegmentRun(scopeTo(db, ws), "rfm", { asOf: "2025-02-01" }, null);
    runId = run.runId;
    const job = await withWorker(() => waitForJob(db, run.jobId, 20_000));
    expect(job?.status).toBe("succeeded");
    const version = currentDataVersion(scopeTo(db, ws));
    for (const key of DEFAULT_VIEWS)
      expect(storedView(runId, runViewName(key))?.data_version).toBe(version);
  });

  it("are what the tabs' loaders return: a stored result is read, not computed", async () => {
    markStored(runId, "channels", "$.channels", 999);
    markStored(runId, runViewName(DEFAULT_VIEWS[3] as never), "$.purchases_used", 4242);
    markStored(runId, "overview", "$.cells[0][0]", 777);
    markStored(runId, "sizes", "$.sizes[0].customers", 31337);

    const channels = await load<ChannelsPage>(channelsRoute, runId, "/channels");
    expect(channels).toMatchObject({ state: "ready", stale: false, match: { channels: 999 } });
    const products = await load<ProductsPage>(productsRoute, runId, "/products");
    expect(products.page).toMatchObject({ state: "ready", report: { purchases_used: 4242 } });
    const overview = await load<OverviewPage>(overviewRoute, runId, "");
    expect(overview.state).toBe("rfm");
    expect(overview.cells?.[0]?.[0]).toBe(777);
    const members = await load<{ total: number }>(membersRoute, runId, "/members");
    expect(members.total).toBe(31337);
  });

  it("other thresholds are asked of the queue: the page says computing, the queue stores it", async () => {
    const request = requestAs(
      await cookieFor(owner.id),
      `/w/${SLUG}/segments/${runId}/products?support=5&confidence=0.5&lift=1`,
    );
    const first = (await productsRoute.loader({
      request,
      params: { workspace: SLUG, run: String(runId) },
      context: { clientAddress: "127.0.0.1" },
    })) as ProductsPage;
    expect(first.page.state).toBe("computing");
    const name = "products:support=5,confidence=0.5,lift=1";
    expect(storedView(runId, name)).toBeUndefined();
    const version = currentDataVersion(scopeTo(db, ws));
    const job = jobByKey(`run-view:${runId}:${name}:v${version}`);
    expect(job?.status).toBe("queued");
    await withWorker(() => waitForJob(db, job?.id ?? 0, 20_000));
    expect(storedView(runId, name)?.data_version).toBe(version);
    const again = (await productsRoute.loader({
      request,
      params: { workspace: SLUG, run: String(runId) },
      context: { clientAddress: "127.0.0.1" },
    })) as ProductsPage;
    expect(again.page.state).toBe("ready");
  });

  it("go stale with an import, are shown as stale, and are recomputed on the queue", async () => {
    const before = currentDataVersion(scopeTo(db, ws));
    await importCsv(
      "more-sales.csv",
      "transaction_id,customer_id,transaction_date,amount,currency\nN1,NEW-1,2025-01-20,50.00,TRY\n",
    );
    const version = currentDataVersion(scopeTo(db, ws));
    expect(version).toBeGreaterThan(before);
    // The publish queued the refresh of the workspace's stale views.
    const refresh = jobByKey(`run-views:${ws}:v${version}`);
    expect(refresh?.status).toBe("queued");

    // Until the queue has run, the tab shows what was stored, marked stale: no recompute.
    const stale = await load<ChannelsPage>(channelsRoute, runId, "/channels");
    expect(stale).toMatchObject({ state: "ready", stale: true, match: { channels: 999 } });
    expect(storedView(runId, "channels")?.data_version).toBe(before);

    await withWorker(() => waitForJob(db, refresh?.id ?? 0, 20_000));
    for (const key of DEFAULT_VIEWS)
      expect(storedView(runId, runViewName(key))?.data_version).toBe(version);
    const fresh = await load<ChannelsPage>(channelsRoute, runId, "/channels");
    // Recomputed: the demo has no channel audiences, so the mark is gone.
    expect(fresh).toMatchObject({ state: "ready", stale: false, match: { channels: 0 } });
  });

  it("a stale sizes view is shown as stored: no scan of the sales, no recount", () => {
    db.$client
      .prepare(
        `UPDATE run_views SET payload = json_set(payload, '$.categories', json('["Marked"]'),
           '$.sizes[0].customers', 31337) WHERE run_id = ? AND view = 'sizes'`,
      )
      .run(runId);
    const scope = scopeTo(db, ws);
    const run = getRun(scope, runId);
    expect(storedSizesAndCategories(scope, run).sizes[0]?.customers).toBe(31337);
    bumpDataVersion(scope);
    const stale = storedSizesAndCategories(scope, run);
    expect(stale.categories).toEqual(["Marked"]);
    expect(stale.sizes[0]?.customers).toBe(31337);
  });

  it("a page does not wait for another connection's write lock to ask for a missing view", async () => {
    const scope = scopeTo(db, ws);
    const run = getRun(scope, runId);
    const key = { view: "products", thresholds: { support: 7, confidence: 0.5, lift: 1 } } as const;
    const name = runViewName(key);
    const version = currentDataVersion(scope);
    const writer = new Database(path.join(dir, "test.db"));
    writer.prepare("BEGIN IMMEDIATE").run();
    try {
      expect(readRunView(scope, run, key)).toEqual({ state: "computing" });
      expect(jobByKey(`run-view:${runId}:${name}:v${version}`)).toBeUndefined();
    } finally {
      writer.prepare("ROLLBACK").run();
      writer.close();
    }
    expect(readRunView(scope, run, key)).toEqual({ state: "computing" });
    expect(jobByKey(`run-view:${runId}:${name}:v${version}`)?.status).toBe("queued");
  });

  it("are deleted by an erasure and computed again on the queue", async () => {
    eraseCustomer(scopeTo(db, ws), { customerId: customerIds[0] as number }, owner.id);
    expect(storedView(runId, "channels")).toBeUndefined();
    const page = await load<ChannelsPage>(channelsRoute, runId, "/channels");
    expect(page.state).toBe("computing");
    const version = currentDataVersion(scopeTo(db, ws));
    const job = jobByKey(`run-view:${runId}:channels:v${version}`);
    expect(job).toBeDefined();
    await withWorker(() => waitForJob(db, job?.id ?? 0, 20_000));
    expect(storedView(runId, "channels")?.data_version).toBe(version);
  });
});

describe("the workspace caches", () => {
  it("are invalidated by an import's publish, not by recounting the sales", async () => {
    const scope = scopeTo(db, ws);
    // The only sale that names a currency is the import's N1 above.
    const first = reportingCurrency(scope);
    expect(first.currency).toBe("TRY");
    expect(reportingCurrency(scope)).toBe(first);
    const rows = Array.from({ length: 400 }, (_, i) => `E${i},NEW-2,2025-01-21,10.00,EUR`).join(
      "\n",
    );
    await importCsv(
      "euro-sales.csv",
      `transaction_id,customer_id,transaction_date,amount,currency\n${rows}\n`,
    );
    expect(reportingCurrency(scope)).toEqual({ currency: "EUR", mixed: [] });
  });
});
