import type { LoaderFunctionArgs } from "@remix-run/node";
import { plainAnswer } from "~/i18n/plain-answer.server";
import { planCsvLines } from "~/notifications/plan-notifications.server";
import { getPlan, listPlans, planCsvRows } from "~/notifications/stored-plans.server";
import { csvFileName, csvResponse } from "~/segments/segment-csv.server";
import { notFound, requireWorkspace } from "~/workspace.server";

/**
 * A stored plan (?plan=…, default the latest) as CSV for the sending system, formula-safe,
 * with contact consent checked again now.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const asked = new URL(request.url).searchParams.get("plan");
  const planId = asked === null ? listPlans(scope, 1)[0]?.id : Number(asked);
  if (planId === undefined) return plainAnswer(request, 400, "notifications:csv.noPlan");
  const plan = Number.isInteger(planId) ? getPlan(scope, planId) : undefined;
  if (!plan) throw notFound();
  if (plan.status !== "succeeded") return plainAnswer(request, 409, "notifications:csv.notReady");
  const { rows } = planCsvRows(scope, plan.id);
  return csvResponse(
    [...planCsvLines(rows)].join(""),
    csvFileName("notification-plan", plan.id, plan.segment),
  );
}
