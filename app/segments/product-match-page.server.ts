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
import type { AnalysisRun } from "./runs.server";

/** Thresholds of the association rules, from the GET form (support in % of baskets). */
const Thresholds = z.object({
  support: z.coerce.number().min(0.01, "support ≥ 0.01 %").max(100, "support ≤ 100 %").catch(1),
  confidence: z.coerce.number().min(0, "confidence ≥ 0").max(1, "confidence ≤ 1").catch(0.2),
  lift: z.coerce.number().min(0, "lift ≥ 0").max(1000).catch(1),
});

export const THRESHOLD_PARAMS = ["support", "confidence", "lift"] as const;

const NEXT_BEST_SAMPLE = 20;

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
  const thresholds = Thresholds.parse({
    support: query.support,
    confidence: query.confidence,
    lift: query.lift,
  });
  const report = matchProducts(scope.db, scope.workspaceId, run.id, {
    minSupport: thresholds.support / 100,
    minConfidence: thresholds.confidence,
    minLift: thresholds.lift,
    nextBestLimit: options.customerRows ? NEXT_BEST_SAMPLE : 0,
  });
  const productChannels = matchProductChannels(scope.db, scope.workspaceId, run.id, {
    target: query.target === "product" ? "product" : "category",
  });
  return { runId: run.id, report, productChannels, thresholds, labels: segmentLabels(run) };
}

export type ProductMatchPage = ReturnType<typeof productMatchPage>;
