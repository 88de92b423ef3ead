import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NewRunForms } from "~/components/segments/NewRunForms";
import { RunList } from "~/components/segments/RunList";
import { FeaturesComputingNotice } from "~/components/segments/StoredViewNotice";
import { parseForm } from "~/forms.server";
import { enqueueSegmentRun } from "~/segments/enqueue.server";
import { listAvailableFeatures } from "~/segments/feature-list.server";
import { IsoDateSchema } from "~/segments/params";
import { listRuns, runPath } from "~/segments/run-access.server";
import { readFeatureList } from "~/segments/workspace-views.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const canEdit = access.role !== "viewer";
  return {
    runs: listRuns(access),
    segmentsPath: `/w/${access.workspace.slug}/segments`,
    canEdit,
    // Stored by the queue (workspace-views.server.ts): never computed for the page.
    features: canEdit ? readFeatureList(access.scope) : null,
  };
}

const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), IsoDateSchema.optional());

const RunForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rfm"), asOf: optionalDate }),
  z.object({
    intent: z.literal("cluster"),
    k: z.union([
      z.literal("auto"),
      z.coerce.number().int().min(2, "k is 2 to 10").max(10, "k is 2 to 10"),
    ]),
    seed: z.coerce
      .number()
      .int("The seed is a whole number")
      .min(0)
      .max(2 ** 31 - 1),
    missing: z.enum(["drop", "median"]),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const form = await request.formData();
  const parsed = parseForm(form, RunForm);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  let runParams: Record<string, unknown> = {};
  if (parsed.data.intent === "rfm") {
    runParams = parsed.data.asOf ? { asOf: parsed.data.asOf } : {};
  } else {
    // The stored list when there is one; starting a run is rare enough to compute it else.
    const stored = readFeatureList(access.scope);
    const list = stored.state === "ready" ? stored.list : listAvailableFeatures(access.scope);
    const available = new Set(list.features.map((f) => f.name));
    const features = form.getAll("features").map(String);
    if (features.length === 0)
      return data({ errors: { features: "Choose at least one feature" } }, { status: 400 });
    const unknown = features.filter((f) => !available.has(f));
    if (unknown.length > 0)
      return data(
        { errors: { features: `Unknown feature: ${unknown.join(", ")}` } },
        { status: 400 },
      );
    // A log box ticked for a feature that is not chosen has nothing to transform.
    const log = form
      .getAll("log")
      .map(String)
      .filter((f) => features.includes(f));
    const { k, seed, missing } = parsed.data;
    runParams = { features, log, seed, missing, ...(k === "auto" ? {} : { k }) };
  }
  const { runId } = enqueueSegmentRun(access.scope, parsed.data.intent, runParams, access.user.id);
  return redirect(runPath(access.workspace.slug, runId));
}

export default function SegmentsPage() {
  const { runs, segmentsPath, canEdit, features } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("segments");
  return (
    <>
      <h1>{t("runs.title")}</h1>
      <p className="muted">{t("runs.intro")}</p>
      {canEdit && features?.state === "ready" ? (
        <NewRunForms features={features.list} errors={result?.errors ?? {}} />
      ) : null}
      {canEdit && features?.state === "computing" ? <FeaturesComputingNotice /> : null}
      <h2>{t("runs.runsTitle")}</h2>
      <RunList runs={runs} segmentsPath={segmentsPath} />
    </>
  );
}
