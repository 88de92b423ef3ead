/**
 * The Segments page's feature list is stored by the queue and read by the page: a missing
 * list is asked of the queue (the page says so), a stored one is returned as it is (even one
 * a test has marked), a data change makes it stale (shown, and computed again on the queue),
 * and a page never waits for another connection's write lock to ask.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { runViewsHandler } from "#jobs/handlers/run-views";
import { waitForJob } from "#jobs/queue";
import { HandlerRegistry } from "#jobs/registry";
import { runWorker } from "#jobs/worker";
import { bumpDataVersion } from "~/data-version.server";
import * as segmentsRoute from "~/routes/w.$workspace.segments._index";
import type { FeatureList } from "~/segments/feature-list.server";
import { dataChanged } from "~/segments/run-views.server";
import { featureListKey, readFeatureList } from "~/segments/workspace-views.server";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor, requestAs, settle } from "../../helpers/session";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db, file } = setUpTestDb();
const SLUG = "feature-views";

async function withWorker<T>(work: () => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const done = runWorker({
    db,
    workerId: "test",
    handlers: new HandlerRegistry([runViewsHandler]),
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

const jobOf = (workspaceId: number) =>
  db.$client
    .prepare("SELECT id, status FROM jobs WHERE dedupe_key = ?")
    .get(`workspace-view:${workspaceId}:features:${featureListKey(scopeTo(db, workspaceId))}`) as
    | { id: number; status: string }
    | undefined;

const owner = await createUser({ email: "features@c.test", name: "O", password: "correct horse" });
const ws = createWorkspace({ slug: SLUG, name: "Feature views" }, owner).id;
for (let n = 1; n <= 3; n++) {
  const id = addCustomer(db, ws, { name: `C${n}`, income: 1000 * n, consentDataProcessing: true });
  addTransaction(db, ws, { customerId: id, date: "2026-01-05", amount: 10 * n });
}

type Page = {
  features: { state: string; stale?: boolean; list?: FeatureList } | null;
};

async function loadPage(): Promise<Page> {
  const request = requestAs(await cookieFor(owner.id), `/w/${SLUG}/segments`);
  const { status, body } = await settle(() =>
    segmentsRoute.loader({
      request,
      params: { workspace: SLUG },
      context: { clientAddress: "127.0.0.1" },
    } as never),
  );
  expect(status).toBe(200);
  return body as Page;
}

const income = (page: Page) => page.features?.list?.features.find((f) => f.name === "income");

describe("the Segments page's feature list", () => {
  it("is asked of the queue when missing: the page says computing, the queue stores it", async () => {
    const first = await loadPage();
    expect(first.features?.state).toBe("computing");
    const job = jobOf(ws);
    expect(job?.status).toBe("queued");
    // Asking again does not queue a second job.
    await loadPage();
    expect(
      db.$client.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'run-views'").get(),
    ).toEqual({ n: 1 });
    await withWorker(() => waitForJob(db, job?.id ?? 0, 20_000));
    const ready = await loadPage();
    expect(ready.features).toMatchObject({ state: "ready", stale: false });
    expect(income(ready)?.mean).toBe(2000);
  });

  it("is read as stored, not computed, while the data are unchanged", async () => {
    db.$client
      .prepare(
        "UPDATE workspace_views SET payload = json_set(payload, '$.customers', 4242) WHERE workspace_id = ?",
      )
      .run(ws);
    const page = await loadPage();
    expect(page.features).toMatchObject({ state: "ready", stale: false });
    expect(page.features?.list?.customers).toBe(4242);
  });

  it("goes stale with a data change, is shown as it was, and is computed again on the queue", async () => {
    const version = dataChanged(scopeTo(db, ws));
    const refresh = db.$client
      .prepare("SELECT id FROM jobs WHERE dedupe_key = ?")
      .get(`run-views:${ws}:v${version}`) as { id: number } | undefined;
    expect(refresh).toBeDefined();
    const stale = await loadPage();
    expect(stale.features).toMatchObject({ state: "ready", stale: true });
    expect(stale.features?.list?.customers).toBe(4242);
    await withWorker(() => waitForJob(db, refresh?.id ?? 0, 20_000));
    const fresh = await loadPage();
    expect(fresh.features).toMatchObject({ state: "ready", stale: false });
    expect(fresh.features?.list?.customers).toBe(3);
  });

  it("is not asked for while another connection holds the write lock, and is once it is free", () => {
    const other = addWorkspace(db, "feature-views-locked");
    bumpDataVersion(scopeTo(db, other));
    const writer = new Database(file);
    writer.prepare("BEGIN IMMEDIATE").run();
    try {
      // With busy_timeout (15 s) this would wait for the writer, holding every request up.
      expect(readFeatureList(scopeTo(db, other))).toEqual({ state: "computing" });
      expect(jobOf(other)).toBeUndefined();
    } finally {
      writer.prepare("ROLLBACK").run();
      writer.close();
    }
    expect(readFeatureList(scopeTo(db, other))).toEqual({ state: "computing" });
    expect(jobOf(other)?.status).toBe("queued");
    // The connection waits for writers again as it did before.
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(15_000);
  });
});
