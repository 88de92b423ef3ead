import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useRevalidateWhile } from "~/components/live";
import { OffersTable } from "~/components/notifications/OffersTable";
import { PlanForm } from "~/components/notifications/PlanForm";
import { PlanList } from "~/components/notifications/PlanList";
import {
  type PlanEstimateView,
  type PlanSummaryView,
  PlanView,
} from "~/components/notifications/PlanView";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { parseForm } from "~/forms.server";
import { message } from "~/i18n/message";
import { finishedRuns, responseCount, runSegments } from "~/notifications/plan-choices.server";
import { enqueueNotificationPlan } from "~/notifications/plan-job.server";
import { OFFER_HORIZON_DAYS, segmentOffers } from "~/notifications/stored-offers.server";
import { getPlan, listPlans, planSendGroups } from "~/notifications/stored-plans.server";
import { notFound, requireWorkspace } from "~/workspace.server";

/** Customers whose offers the page lists (the CSV has them all). */
const OFFER_CUSTOMERS_SHOWN = 50;

const positiveId = (raw: string | null) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const { scope, workspace } = access;
  const url = new URL(request.url);
  const runs = finishedRuns(scope);
  const asked = positiveId(url.searchParams.get("run"));
  const runId = runs.find((r) => r.id === asked)?.id ?? runs[0]?.id ?? null;
  const plans = listPlans(scope);
  const askedPlan = url.searchParams.get("plan");
  const plan = askedPlan
    ? getPlan(scope, positiveId(askedPlan) ?? 0)
    : plans[0] && getPlan(scope, plans[0].id);
  // A plan of another workspace is "not found", like a missing one.
  if (askedPlan && !plan) throw notFound();
  const base = `/w/${workspace.slug}`;
  const ready = plan?.status === "succeeded";
  return {
    canEdit: access.role !== "viewer",
    runs,
    runId,
    segments: runId ? runSegments(scope, runId) : [],
    plans: plans.map(({ summary: _s, estimate: _e, ...rest }) => rest),
    plan: plan ? { ...plan, summary: undefined, estimate: undefined } : null,
    summary: ready ? (plan.summary as unknown as PlanSummaryView) : null,
    estimate: ready ? (plan.estimate as unknown as PlanEstimateView | null) : null,
    groups: ready ? planSendGroups(scope, plan.id) : [],
    offers: ready ? segmentOffers(scope, plan.runId, plan.segment, OFFER_CUSTOMERS_SHOWN) : [],
    csvHref: plan ? `${base}/notifications.csv?plan=${plan.id}` : "",
    offersCsvHref: plan
      ? `${base}/next-best-offers.csv?run=${plan.runId}&segment=${encodeURIComponent(plan.segment)}`
      : "",
    customersPath: `${base}/customers`,
    horizonDays: OFFER_HORIZON_DAYS,
    currency: reportingCurrency(scope).currency,
  };
}

const PlanFormSchema = z.object({
  run: z.coerce
    .number({ error: message("notifications:errors.chooseRun") })
    .int(message("notifications:errors.chooseRun"))
    .positive(message("notifications:errors.chooseRun")),
  segment: z
    .string({ error: message("notifications:errors.chooseSegment") })
    .trim()
    .min(1, message("notifications:errors.chooseSegment")),
  cap: z.coerce
    .number({ error: message("notifications:errors.capWhole") })
    .int(message("notifications:errors.capWhole"))
    .min(1, message("notifications:errors.capWhole"))
    .max(14, message("notifications:errors.capWhole")),
  /** A percentage on the form; the plan keeps the share (0–1). */
  explore: z.coerce
    .number({ error: message("notifications:errors.exploreRange") })
    .min(0, message("notifications:errors.exploreRange"))
    .max(100, message("notifications:errors.exploreRange")),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const { scope, workspace } = access;
  const parsed = parseForm(await request.formData(), PlanFormSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { run, segment, cap, explore } = parsed.data;
  if (!finishedRuns(scope).some((r) => r.id === run))
    return data(
      { errors: { run: message("notifications:errors.chooseRun") } as Record<string, string> },
      { status: 400 },
    );
  if (!runSegments(scope, run).some((s) => s.segment === segment))
    return data(
      { errors: { segment: message("notifications:errors.unknownSegment", { run, segment }) } },
      { status: 400 },
    );
  if (responseCount(scope) === 0)
    return data({ errors: { form: message("notifications:errors.noResponses") } }, { status: 400 });
  const planId = enqueueNotificationPlan(scope, {
    runId: run,
    segment,
    weeklyCap: cap,
    explore: explore / 100,
    createdBy: access.user.id,
  });
  return redirect(`/w/${workspace.slug}/notifications?plan=${planId}&run=${run}`);
}

export default function NotificationsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("notifications");
  const busy = page.plan?.status === "queued" || page.plan?.status === "running";
  useRevalidateWhile(busy);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {page.canEdit ? (
        <PlanForm
          runs={page.runs}
          runId={page.runId}
          segments={page.segments}
          errors={result?.errors ?? {}}
        />
      ) : (
        <p className="muted small">{t("form.viewer")}</p>
      )}
      {page.plan ? (
        <>
          <PlanView
            plan={page.plan}
            summary={page.summary}
            estimate={page.estimate}
            groups={page.groups}
            csvHref={page.csvHref}
          />
          {page.summary ? (
            <OffersTable
              offers={page.offers}
              shownCustomers={OFFER_CUSTOMERS_SHOWN}
              horizonDays={page.horizonDays}
              currency={page.currency}
              csvHref={page.offersCsvHref}
              customersPath={page.customersPath}
            />
          ) : null}
        </>
      ) : null}
      <PlanList plans={page.plans} openId={page.plan?.id ?? null} />
    </>
  );
}
