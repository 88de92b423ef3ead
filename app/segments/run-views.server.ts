/**
 * What a finished run's tabs show, computed on the queue and stored (run_views), so that a
 * page only reads a row (docs/decisions/026). The segment-run job computes every tab's
 * default view right after the run; a tab asked with other options (the Products tab's rule
 * thresholds, its category / product switch) is computed by a "run-views" job the first time
 * and read from then on.
 *
 * Each view records the workspace's data version (data-version.server.ts) it was computed
 * at. When the data change, views become stale: every change enqueues a refresh of the
 * workspace's stale views, and a page that meets one shows it, marked as being updated,
 * until the refresh has stored the new one. A stale view is shown without its single
 * customers (the scatter's dots, the next-best list): whoever withdrew consent since must
 * not stay on screen until the refresh. Changes that remove people (erasure, objection,
 * the legal basis) delete the views outright.
 */
import { eq, lt } from "drizzle-orm";
import type { Db } from "#db/client";
import { analysisRuns, runViews } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { enqueue, getWorkspaceJob } from "#jobs/queue";
import { SCATTER_SAMPLE_LIMIT, thinScatter } from "~/analytics/scatter-thinning";
import { bumpDataVersion, currentDataVersion } from "~/data-version.server";
import { writeIfFree } from "~/page-write.server";
import {
  rfmCellCounts,
  scatterSample,
  segmentSizes,
  transactionCategories,
} from "~/segments/run-queries.server";
import { matchChannels } from "./match-channels.server";
import { matchProductChannels } from "./match-product-channels.server";
import { matchProducts } from "./match-products.server";
import { type AnalysisRun, getRun } from "./runs.server";

export const RUN_VIEWS_JOB = "run-views";

/** Customers listed with next-best products on the Products tab (the rest are counted). */
const NEXT_BEST_SAMPLE = 20;
/** Products views kept per run for thresholds other than the defaults (oldest go first). */
const KEPT_THRESHOLD_VIEWS = 10;

/** Thresholds of the association rules (support in % of baskets). */
export interface ProductThresholds {
  support: number;
  confidence: number;
  lift: number;
}

export const DEFAULT_THRESHOLDS: ProductThresholds = { support: 1, confidence: 0.2, lift: 1 };

export type ProductChannelTarget = "category" | "product";

export type RunViewKey =
  | { view: "overview" }
  | { view: "sizes" }
  | { view: "channels" }
  | { view: "products"; thresholds: ProductThresholds }
  | { view: "product-channels"; target: ProductChannelTarget };

/** The views the segment-run job stores with every finished run. */
export const DEFAULT_VIEWS: readonly RunViewKey[] = [
  { view: "overview" },
  { view: "sizes" },
  { view: "channels" },
  { view: "products", thresholds: DEFAULT_THRESHOLDS },
  { view: "product-channels", target: "category" },
  { view: "product-channels", target: "product" },
];

const DEFAULT_NAMES = new Set(DEFAULT_VIEWS.map((key) => runViewName(key)));
const isDefaultView = (key: RunViewKey) => DEFAULT_NAMES.has(runViewName(key));

/** The stored name of a view, e.g. "products:support=1,confidence=0.2,lift=1". */
export function runViewName(key: RunViewKey): string {
  switch (key.view) {
    case "products": {
      const { support, confidence, lift } = key.thresholds;
      return `products:support=${support},confidence=${confidence},lift=${lift}`;
    }
    case "product-channels":
      return `product-channels:${key.target}`;
    default:
      return key.view;
  }
}

/** The key of a stored name (the inverse of runViewName), or null for an unknown name. */
export function parseRunViewName(name: string): RunViewKey | null {
  if (name === "overview" || name === "sizes" || name === "channels") return { view: name };
  const target = /^product-channels:(category|product)$/.exec(name)?.[1];
  if (target) return { view: "product-channels", target: target as ProductChannelTarget };
  const products = /^products:support=([\d.e-]+),confidence=([\d.e-]+),lift=([\d.e-]+)$/.exec(name);
  if (!products) return null;
  const [support, confidence, lift] = products.slice(1).map(Number) as [number, number, number];
  return { view: "products", thresholds: { support, confidence, lift } };
}

/**
 * The PCA scatter as stored: every member read here, on the queue, and thinned to at most
 * 600 dots that keep every cluster and its extremes (analytics/scatter-thinning.ts). 3,000
 * dots made the overview 800 kB of HTML and 220 ms of rendering on every view.
 */
function thinnedScatter(scope: WorkspaceScope, runId: number) {
  const all = scatterSample(scope, runId, Number.MAX_SAFE_INTEGER);
  const thinned = thinScatter(all.points, SCATTER_SAMPLE_LIMIT);
  return { total: all.total, step: 1, points: thinned.points, sampled: thinned.sampled };
}

/** The overview tab's figures read from the run's assignments. */
function overviewFigures(scope: WorkspaceScope, run: AnalysisRun) {
  return {
    cells: run.kind === "rfm" ? rfmCellCounts(scope, run.id) : null,
    scatter: run.kind === "cluster" ? thinnedScatter(scope, run.id) : null,
  };
}

/**
 * The Members and Audience tabs' segment sizes and categories: a view of their own, so those
 * tabs do not read the scatter's thousands of points.
 */
function sizesAndCategories(scope: WorkspaceScope, run: AnalysisRun) {
  return { sizes: segmentSizes(scope, run.id), categories: transactionCategories(scope) };
}

export type OverviewView = ReturnType<typeof overviewFigures>;
export type SizesView = ReturnType<typeof sizesAndCategories>;
export type ChannelsView = ReturnType<typeof matchChannels>;
export type ProductsView = ReturnType<typeof matchProducts>;
export type ProductChannelsView = ReturnType<typeof matchProductChannels>;

/** The compute path: what the view shows, worked out now from the workspace's data. */
export function computeRunView(scope: WorkspaceScope, run: AnalysisRun, key: RunViewKey): unknown {
  switch (key.view) {
    case "overview":
      return overviewFigures(scope, run);
    case "sizes":
      return sizesAndCategories(scope, run);
    case "channels":
      // analytics/channel-match.ts is a black box here: its output is stored as it is.
      return matchChannels(scope, run.id);
    case "products":
      return matchProducts(scope, run.id, {
        minSupport: key.thresholds.support / 100,
        minConfidence: key.thresholds.confidence,
        minLift: key.thresholds.lift,
        nextBestLimit: NEXT_BEST_SAMPLE,
      });
    case "product-channels":
      return matchProductChannels(scope, run.id, { target: key.target });
  }
}

/** A stale view without its single customers (see the module's comment). */
function withoutCustomerRows(key: RunViewKey, payload: unknown): unknown {
  if (key.view === "overview") {
    const overview = payload as OverviewView;
    return overview.scatter
      ? { ...overview, scatter: { ...overview.scatter, points: [] } }
      : overview;
  }
  if (key.view === "products") return { ...(payload as ProductsView), next_best: [] };
  return payload;
}

function storeRunView(
  scope: WorkspaceScope,
  runId: number,
  key: RunViewKey,
  dataVersion: number,
  payload: unknown,
): void {
  const view = runViewName(key);
  scope.db
    .insert(runViews)
    .values({
      workspaceId: scope.workspaceId,
      runId,
      view,
      dataVersion,
      payload,
      computedAt: new Date(),
    })
    .onConflictDoUpdate({
      target: [runViews.runId, runViews.view],
      set: { dataVersion, payload, computedAt: new Date() },
    })
    .run();
  if (
    key.view === "products" &&
    view !== runViewName({ view: "products", thresholds: DEFAULT_THRESHOLDS })
  )
    dropOldThresholdViews(scope, runId);
}

/** Keeps the newest few products views of other thresholds, so odd choices do not pile up. */
function dropOldThresholdViews(scope: WorkspaceScope, runId: number): void {
  scope
    .sql(
      `DELETE FROM run_views WHERE workspace_id = @workspace AND run_id = @runId
         AND view LIKE 'products:%' AND view <> @defaults
         AND rowid NOT IN (SELECT rowid FROM run_views
           WHERE workspace_id = @workspace AND run_id = @runId
             AND view LIKE 'products:%' AND view <> @defaults
           ORDER BY computed_at DESC, rowid DESC LIMIT @kept)`,
    )
    .run({
      runId,
      defaults: runViewName({ view: "products", thresholds: DEFAULT_THRESHOLDS }),
      kept: KEPT_THRESHOLD_VIEWS,
    });
}

/**
 * Computes one view and stores it under the data version read before computing: a change
 * that lands meanwhile leaves it stale, and the change's own refresh computes it again.
 */
export function storeComputedRunView(scope: WorkspaceScope, runId: number, key: RunViewKey): void {
  const version = currentDataVersion(scope);
  const run = getRun(scope, runId);
  if (run.status !== "succeeded") return;
  const payload = computeRunView(scope, run, key);
  storeRunView(scope, runId, key, version, payload);
}

/** Every default view of a run that has just finished (called by the segment-run job). */
export async function storeDefaultRunViews(
  scope: WorkspaceScope,
  runId: number,
  between: () => Promise<void> = async () => {},
): Promise<void> {
  for (const key of DEFAULT_VIEWS) {
    await between();
    try {
      storeComputedRunView(scope, runId, key);
    } catch (error) {
      // The run itself succeeded: a view that cannot be computed now is asked again by its
      // page, on the queue, where the failure shows in the job's error.
      console.error(`run ${runId}: view ${runViewName(key)} not stored:`, error);
    }
  }
}

/** What a page answers for a view the queue has not stored yet. */
export interface ComputingView {
  state: "computing";
  runId: number;
}

export type StoredRunView<T> =
  | { state: "ready"; payload: T; stale: boolean; computedAt: string }
  | { state: "computing" };

/**
 * The stored view for a page: never computed here. A missing view is asked of the queue
 * (the page says it is being computed); a stale one is shown, marked, and refreshed there.
 */
export function readRunView<T>(
  scope: WorkspaceScope,
  run: AnalysisRun,
  key: RunViewKey,
): StoredRunView<T> {
  const row = scope.first(
    runViews,
    eq(runViews.runId, run.id),
    eq(runViews.view, runViewName(key)),
  );
  const version = currentDataVersion(scope);
  if (!row) {
    // The run's own job stores its default views right after the run: no second job then.
    const own = run.jobId ? getWorkspaceJob(scope, run.jobId) : undefined;
    const ownStillRunning = own?.status === "running" || own?.status === "queued";
    // A page's ask never waits for an import's write lock (page-write.server.ts): the next
    // view of the page asks again.
    if (!ownStillRunning || !isDefaultView(key))
      writeIfFree(scope.db, () => requestRunView(scope, run.id, key, version));
    return { state: "computing" };
  }
  const stale = row.dataVersion < version;
  // The change that made it stale queued the refresh of every stale view: no job of its own.
  if (stale && jobIdByKey(scope.db, staleRefreshKey(scope.workspaceId, version)) === undefined)
    writeIfFree(scope.db, () => requestRunView(scope, run.id, key, version));
  return {
    state: "ready",
    payload: (stale ? withoutCustomerRows(key, row.payload) : row.payload) as T,
    stale,
    computedAt: row.computedAt.toISOString(),
  };
}

/** The job queued under a dedupe key, if any: a read, which never waits for the writer. */
function jobIdByKey(db: Db, dedupeKey: string): number | undefined {
  const row = db.$client.prepare("SELECT id FROM jobs WHERE dedupe_key = ?").get(dedupeKey) as
    | { id: number }
    | undefined;
  return row?.id;
}

function staleRefreshKey(workspaceId: number, version: number): string {
  return `run-views:${workspaceId}:v${version}`;
}

/**
 * Enqueues once per dedupe key. Looked up first: pages call this while a view is missing or
 * stale, and a read does not wait for the write lock an import may be holding.
 */
export function enqueueOnce(
  scope: WorkspaceScope,
  dedupeKey: string,
  payload: Record<string, unknown>,
): number {
  const existing = jobIdByKey(scope.db, dedupeKey);
  if (existing !== undefined) return existing;
  const { workspaceId } = scope;
  return enqueue(scope.db, {
    kind: RUN_VIEWS_JOB,
    workspaceId,
    payload: { workspaceId, ...payload },
    dedupeKey,
  });
}

/** Queues one view of one run (once per data version). */
export function requestRunView(
  scope: WorkspaceScope,
  runId: number,
  key: RunViewKey,
  version = currentDataVersion(scope),
): number {
  const view = runViewName(key);
  return enqueueOnce(scope, `run-view:${runId}:${view}:v${version}`, { runId, view });
}

/** Queues the refresh of every stale view of the workspace (once per data version). */
export function requestStaleRunViewsRefresh(scope: WorkspaceScope, version: number): number {
  return enqueueOnce(scope, staleRefreshKey(scope.workspaceId, version), {});
}

/** Views stored before the current data version, of runs that still stand. */
export function staleViewsOf(scope: WorkspaceScope): { runId: number; key: RunViewKey }[] {
  const version = currentDataVersion(scope);
  return scope.db
    .select({ runId: runViews.runId, view: runViews.view })
    .from(runViews)
    .innerJoin(analysisRuns, eq(analysisRuns.id, runViews.runId))
    .where(
      scope.where(
        runViews,
        lt(runViews.dataVersion, version),
        eq(analysisRuns.status, "succeeded"),
      ),
    )
    .orderBy(runViews.runId, runViews.view)
    .all()
    .flatMap((row) => {
      const key = parseRunViewName(row.view);
      return key ? [{ runId: row.runId, key }] : [];
    });
}

/**
 * The workspace's data changed: the version moves (so every cache and stored view is stale)
 * and the stale views are queued for a refresh. `removesPeople` (an erasure, an objection,
 * the legal basis) deletes the stored views outright, as they may name those people.
 * Call inside the change's write transaction when there is one.
 */
export function dataChanged(
  scope: WorkspaceScope,
  options: { removesPeople?: boolean } = {},
): number {
  const version = bumpDataVersion(scope);
  if (options.removesPeople) {
    // The views named what is now gone; the refresh below has nothing stale to find, so
    // the runs' default views are queued one by one.
    const stored = scope.db
      .selectDistinct({ runId: runViews.runId, view: runViews.view })
      .from(runViews)
      .where(scope.where(runViews))
      .all();
    scope.delete(runViews);
    for (const row of stored) {
      const key = parseRunViewName(row.view);
      if (key) requestRunView(scope, row.runId, key, version);
    }
    return version;
  }
  // A workspace without stored views (a run's, or the feature list) has nothing to refresh.
  const anyStored = scope
    .sql(
      `SELECT 1 FROM run_views WHERE workspace_id = @workspace
       UNION ALL SELECT 1 FROM workspace_views WHERE workspace_id = @workspace LIMIT 1`,
    )
    .get();
  if (anyStored) requestStaleRunViewsRefresh(scope, version);
  return version;
}

/**
 * The Members and Audience tabs' segment sizes and categories, as stored; a stale view is
 * shown as it is (counts and category names, nobody in particular) while the queue
 * refreshes it. Only a view not stored yet counts the sizes from the run's assignments (a
 * grouped count); its categories come from every sale of the workspace (a distinct scan,
 * seconds on 600k sales while an import runs), so none are shown until the queue has
 * stored them.
 */
export function storedSizesAndCategories(scope: WorkspaceScope, run: AnalysisRun): SizesView {
  const view = readRunView<SizesView>(scope, run, { view: "sizes" });
  if (view.state === "ready") return view.payload;
  return { sizes: segmentSizes(scope, run.id), categories: [] };
}
