import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AudienceBuilder } from "~/components/segments/AudienceBuilder";
import {
  AudienceChoiceSchema,
  audienceRequestOf,
  searchParamsForm,
} from "~/components/segments/audience-form";
import { segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { predictedValuesOf } from "~/customers/value-of-customers.server";
import { parseForm } from "~/forms.server";
import { buildAudienceFromSegment } from "~/segments/audience.server";
import { SegmentInputError } from "~/segments/errors";
import { finishedRunOf, runPath } from "~/segments/run-access.server";
import { storedSizesAndCategories } from "~/segments/run-views.server";
import { requireWorkspace } from "~/workspace.server";

const PREVIEW_MEMBERS = 20;

/** Audience builder: a preview of who can be contacted, and who is left out and why. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = finishedRunOf(access, params.run);
  const query = new URL(request.url).searchParams;
  const { sizes, categories } = storedSizesAndCategories(access.scope, run);
  const base = {
    exportPath: `${runPath(access.workspace.slug, run.id)}/audience.csv`,
    labels: segmentLabels(run),
    sizes,
    categories,
    query: Object.fromEntries(query),
    runExcluded: Number(run.result?.excluded_without_consent ?? 0),
    money: reportingCurrency(access.scope),
  };
  if (!query.has("segment")) return { ...base, preview: null, errors: {} };
  const parsed = parseForm(searchParamsForm(query), AudienceChoiceSchema);
  if (!parsed.ok) return { ...base, preview: null, errors: parsed.errors };
  const choice = parsed.data;
  try {
    const audience = buildAudienceFromSegment(access.scope, audienceRequestOf(run.id, choice));
    const { members, ...counts } = audience;
    const sample = members.slice(0, PREVIEW_MEMBERS);
    // From the latest value model; null before any training (the page shows "—").
    const predicted = predictedValuesOf(
      access.scope,
      sample.map((m) => m.customer_id),
    );
    return {
      ...base,
      errors: {},
      preview: {
        ...counts,
        choice,
        count: members.length,
        sample: sample.map((m) => ({
          ...m,
          predicted_value: predicted?.values[m.customer_id] ?? null,
        })),
        valueHorizonDays: predicted?.horizonDays ?? null,
      },
    };
  } catch (error) {
    if (!(error instanceof SegmentInputError)) throw error;
    return { ...base, preview: null, errors: { segment: error.message } };
  }
}

export default function AudiencePage() {
  const data = useLoaderData<typeof loader>();
  return <AudienceBuilder {...data} />;
}
