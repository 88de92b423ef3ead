import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BasketTables } from "~/components/segments/BasketTables";
import {
  type ChannelPropensityResult,
  ChannelPropensityView,
} from "~/components/segments/ChannelPropensityView";
import { ProductFormulas } from "~/components/segments/HowComputed";
import { ProductMatchView } from "~/components/segments/ProductMatchView";
import { finishedRunOf } from "~/components/segments/run-access.server";
import { segmentLabels } from "~/components/segments/run-results";
import { getDb } from "~/db.server";
import { scoreChannelUsers } from "~/segments/channel-propensity.server";
import { CHANNEL_USERS_MAX_BYTES } from "~/segments/channel-users-csv";
import { SegmentInputError } from "~/segments/errors";
import { matchProducts } from "~/segments/match-products.server";
import { runReferenceDate } from "~/segments/segment-members.server";
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
    canEdit: access.role !== "viewer",
  };
}

/** Scores an uploaded list of channel users (docs/analytics.md §10). */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = finishedRunOf(access, params.run);
  const fail = (error: string) => data<ChannelPropensityResult>({ error }, { status: 400 });
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: CHANNEL_USERS_MAX_BYTES }),
    );
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return fail("Choose a CSV of channel users");
    const target = form.get("target") === "product" ? "product" : "category";
    const propensity = scoreChannelUsers(
      getDb(),
      access.workspace.id,
      new Uint8Array(await file.arrayBuffer()),
      { target, referenceDate: runReferenceDate(run) },
    );
    return data<ChannelPropensityResult>({ propensity });
  } catch (error) {
    if (error instanceof SegmentInputError) return fail(error.message);
    if (error instanceof Error && /exceeded upload size/i.test(error.message))
      return fail(`The file is larger than ${CHANNEL_USERS_MAX_BYTES / 1024 / 1024} MB`);
    throw error;
  }
}

export default function SegmentProductsPage() {
  const { report, thresholds, labels, customersPath, canEdit } = useLoaderData<typeof loader>();
  const propensity = useActionData<typeof action>() as ChannelPropensityResult | undefined;
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
      <ChannelPropensityView canEdit={canEdit} result={propensity} />
    </>
  );
}
