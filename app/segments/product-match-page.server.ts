/**
 * Everything a segment run's Products tab shows (category and product lift, association
 * rules, next-best products) for the rule thresholds of its GET form: the route's loader and a
 * saved "product-match" report both call this.
 */
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import { segmentLabels } from "~/components/segments/run-results";
import { matchProductChannels } from "./match-product-channels.server";
import { matchProducts } from "./match-products.server";
import {
  type ComputingView,
  type ProductChannelsView,
  type ProductsView,
  readRunView,
} from "./run-views.server";
import type { AnalysisRun } from "./runs.server";

/** Thresholds of the association rules, from the GET form (support in % of baskets). */
const Thresholds = z.object({
  support: z.coerce.number().min(0.01, "support ≥ 0.01 %").max(100, "support ≤ 100 %").catch(1),
  confidence: z.coerce.number().min(0, "confidence ≥ 0").max(1, "confidence ≤ 1").catch(0.2),
  lift: z.coerce.number().min(0, "lift ≥ 0").max(1000).catch(1),
});

export const THRESHOLD_PARAMS = ["support", "confidence", "lift"] as const;

const NEXT_BEST_SAMPLE = 20;

function thresholdsOf(query: Record<string, string | undefined>) {
  return Thresholds.parse({
    support: query.support,
    confidence: query.confidence,
    lift: query.lift,
  });
}

const targetOf = (query: Record<string, string | undefined>) =>
  query.target === "product" ? ("product" as const) : ("category" as const);

/** The tab worked out now (a report being saved). */
export function productMatchPage(
  scope: WorkspaceScope,
  run: AnalysisRun,
  query: Record<string, string | undefined>,
  options: {
    /**
     * The next-best table lists single customers: the page shows a sample to members; a
     * report, which may leave the workspace, keeps only how many customers get a suggestion.
     */
    customerRows: boolean;
  },
) {
  const thresholds = thresholdsOf(query);
  const report = matchProducts(scope, run.id, {
    minSupport: thresholds.support / 100,
    minConfidence: thresholds.confidence,
    minLift: thresholds.lift,
    nextBestLimit: options.customerRows ? NEXT_BEST_SAMPLE : 0,
  });
  const productChannels = matchProductChannels(scope, run.id, {
    target: targetOf(query),
  });
  return pageOf(run, report, productChannels, thresholds, false);
}

/**
 * The tab as the page shows it, for the thresholds of its GET form: what the queue stored,
 * never computed here ("computing" until it is; `stale` while it refreshes a change).
 */
export function storedProductMatchPage(
  scope: WorkspaceScope,
  run: AnalysisRun,
  query: Record<string, string | undefined>,
): ProductMatchPage | (ComputingView & { thresholds: z.output<typeof Thresholds> }) {
  const thresholds = thresholdsOf(query);
  const report = readRunView<ProductsView>(scope, run, { view: "products", thresholds });
  const productChannels = readRunView<ProductChannelsView>(scope, run, {
    view: "product-channels",
    target: targetOf(query),
  });
  if (report.state === "computing" || productChannels.state === "computing")
    return { state: "computing", runId: run.id, thresholds };
  return pageOf(
    run,
    report.payload,
    productChannels.payload,
    thresholds,
    report.stale || productChannels.stale,
  );
}

function pageOf(
  run: AnalysisRun,
  report: ProductsView,
  productChannels: ProductChannelsView,
  thresholds: z.output<typeof Thresholds>,
  stale: boolean,
) {
  return {
    state: "ready" as const,
    runId: run.id,
    stale,
    report,
    productChannels,
    thresholds,
    labels: segmentLabels(run),
  };
}

export type ProductMatchPage = ReturnType<typeof pageOf>;
