/**
 * The loop: when responses are uploaded after a plan was made, its estimate is made again
 * on the new evidence (ADR 030, docs/analytics.md §21).
 *
 * - Estimate: the stored plan's own policy (the share of its sends in each channel × offer
 *   × hour arm) evaluated by inverse propensity scoring on the segment's responses sent
 *   after the plan's as-of, which the plan never learned from. Until such responses exist
 *   (or when none of them used an arm of the plan), the held-out estimate made at planning
 *   time stays.
 * - Observed: each planned send is matched to the first later response to the same
 *   customer (any of their source ids) on the same channel with the same offer; the share
 *   of matched sends that converted is the plan's observed rate.
 */
import { eq } from "drizzle-orm";
import { notificationPlans } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { empiricalPolicy, evaluatePolicy, type LoggedSend } from "~/analytics/off-policy";
import {
  loadResponses,
  policyArm,
  type ResponseRow,
  type StoredEstimate,
  storedEstimate,
  workspaceHours,
} from "./plan-notifications.server";
import { planEstimate, planSendsForMatching, type StoredPlan } from "./stored-plans.server";

export function reestimatePlan(scope: WorkspaceScope, plan: StoredPlan): StoredEstimate | null {
  if (plan.status !== "succeeded" || !plan.asOf) return planEstimate(plan);
  const asOf = plan.asOf.getTime();
  const { hourOf } = workspaceHours(scope);
  const later = loadResponses(scope, plan.runId).filter((r) => r.sentAt > asOf);
  const sends = planSendsForMatching(scope, plan.id);

  const responsesOf = new Map<number, ResponseRow[]>();
  for (const row of later) {
    if (row.customerId === null) continue;
    const list = responsesOf.get(row.customerId) ?? [];
    list.push(row);
    responsesOf.set(row.customerId, list);
  }
  let matched = 0;
  let converted = 0;
  for (const send of sends) {
    const response = responsesOf
      .get(send.customerId)
      ?.find((r) => r.channel === send.channel && r.offer === send.offer);
    if (!response) continue;
    matched++;
    if (response.converted === 1) converted++;
  }
  const observed = {
    matched_sends: matched,
    responses: converted,
    rate: matched > 0 ? Math.round((converted / matched) * 10_000) / 10_000 : null,
  };

  const share = new Map<string, number>();
  for (const send of sends) {
    const arm = policyArm(send.channel, send.offer, send.hour);
    share.set(arm, (share.get(arm) ?? 0) + 1 / sends.length);
  }
  const inSegment = later.filter((r) => r.segment === plan.segment && r.offer !== null);
  const logged: LoggedSend[] = inSegment.map((r) => ({
    context: plan.segment,
    arm: policyArm(r.channel, r.offer as string, hourOf(r.sentAt)),
    reward: r.converted === 1 ? 1 : 0,
  }));
  if (logged.length > 0 && sends.length > 0) {
    const evaluation = evaluatePolicy(
      logged,
      (_x, arm) => share.get(arm) ?? 0,
      empiricalPolicy(logged),
      0.95,
    );
    if (evaluation.supported > 0) {
      const last = inSegment[inSegment.length - 1] as ResponseRow;
      return storedEstimate("after-plan", evaluation, last.sentAt, observed);
    }
  }
  const previous = planEstimate(plan);
  return previous ? { ...previous, observed } : null;
}

/** Re-estimates every finished plan of the workspace; returns how many were updated. */
export function reestimatePlans(scope: WorkspaceScope): number {
  const plans = scope.select(notificationPlans, eq(notificationPlans.status, "succeeded"));
  for (const plan of plans) {
    const estimate = reestimatePlan(scope, plan);
    scope.update(
      notificationPlans,
      {
        estimate: estimate as unknown as Record<string, unknown> | null,
        estimatedAt: new Date(),
      },
      eq(notificationPlans.id, plan.id),
    );
  }
  return plans.length;
}
