import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BasketTables } from "~/components/segments/BasketTables";
import { ProductFormulas } from "~/components/segments/HowComputed";
import { ProductMatchView } from "~/components/segments/ProductMatchView";
import { finishedRunOf } from "~/components/segments/run-access.server";
import { segmentLabels } from "~/components/segments/run-results";
import { getDb } from "~/db.server";
import { matchProducts } from "~/segments/match-products.server";
import { requireWorkspace } from "~/workspace.server";

/** Thresholds of the association rules, from the GET form (support in % of baskets). */
const Thresholds = z.object({
  support: z.coerce.number().min(0.01, "support ≥ 0.01 %").max(100, "support ≤ 100 %").catch(1),
  confidence: z.coerce.number().min(0, "confidence ≥ 0").max(1, "confidence ≤ 1").catch(0.2),
  lift: z.coerce.number().min(0, "lift ≥ 0").max(1000).catch(1),
});

const NEXT_BEST_SAMPLE = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  const query = new URL(request.url).searchParams;
  const thresholds = Thresholds.parse({
    support: query.get("support") ?? undefined,
    confidence: query.get("confidence") ?? undefined,
    lift: query.get("lift") ?? undefined,
  });
  const report = matchProducts(getDb(), access.workspace.id, run.id, {
    minSupport: thresholds.support / 100,
    minConfidence: thresholds.confidence,
    minLift: thresholds.lift,
    nextBestLimit: NEXT_BEST_SAMPLE,
  });
  return {
    report,
    thresholds,
    labels: segmentLabels(run),
    customersPath: `/w/${access.workspace.slug}/customers`,
  };
}

export default function SegmentProductsPage() {
  const { report, thresholds, labels, customersPath } = useLoaderData<typeof loader>();
  return (
    <>
      <ProductMatchView report={report} labels={labels} />
      <BasketTables
        report={report}
        thresholds={thresholds}
        labels={labels}
        customersPath={customersPath}
      />
      <ProductFormulas />
    </>
  );
}
