/**
 * Stored notification plans: made by the plan job from computeSegmentPlan, read by the
 * Notifications page and its CSV download. The sends are personal data and go with the
 * customer (cascade on erasure); the CSV checks contact consent again when it is made, so
 * a customer who withdrew consent after planning is not sent to.
 */
import { and, desc, eq } from "drizzle-orm";
import { notificationPlanSends, notificationPlans } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { contactableSql } from "~/customers/analysable.server";
import { SegmentInputError } from "~/segments/errors";
import { computeSegmentPlan, type StoredEstimate } from "./plan-notifications.server";
import { storeRunOffers } from "./stored-offers.server";

export type StoredPlan = typeof notificationPlans.$inferSelect;

/** What the plan job stores in `summary` (computeSegmentPlan's summary). */
export type PlanSummary = ReturnType<typeof computeSegmentPlan>["summary"];

export function getPlan(scope: WorkspaceScope, planId: number): StoredPlan | undefined {
  return scope.first(notificationPlans, eq(notificationPlans.id, planId));
}

export function listPlans(scope: WorkspaceScope, limit = 20): StoredPlan[] {
  return scope.db
    .select()
    .from(notificationPlans)
    .where(scope.where(notificationPlans))
    .orderBy(desc(notificationPlans.id))
    .limit(limit)
    .all();
}

/**
 * Runs a queued plan: plans, stores the sends, the summary and the held-out estimate, and
 * ranks the run's next best offers. Idempotent (a re-run replaces the sends). An input the
 * data cannot answer marks the plan failed with the reason instead of retrying.
 */
export function runStoredPlan(scope: WorkspaceScope, planId: number): StoredPlan {
  const plan = getPlan(scope, planId);
  if (!plan) throw new SegmentInputError(`No notification plan ${planId} in this workspace`);
  const byId = eq(notificationPlans.id, planId);
  scope.update(notificationPlans, { status: "running", error: null }, byId);
  let computed: ReturnType<typeof computeSegmentPlan>;
  try {
    computed = computeSegmentPlan(scope, {
      runId: plan.runId,
      segment: plan.segment,
      weeklyCap: plan.weeklyCap,
      explore: plan.explore,
      seed: plan.seed,
    });
  } catch (error) {
    if (!(error instanceof SegmentInputError)) throw error;
    scope.update(
      notificationPlans,
      { status: "failed", error: error.message, finishedAt: new Date() },
      byId,
    );
    return getPlan(scope, planId) as StoredPlan;
  }
  const insert = scope.sql(
    `INSERT INTO notification_plan_sends (workspace_id, plan_id, customer_id, customer_external_id,
       channel, offer, send_hour, expected_rate, explored)
     VALUES (@workspace, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  scope.db.transaction(() => {
    scope.delete(notificationPlanSends, eq(notificationPlanSends.planId, planId));
    for (const send of computed.sends)
      insert.run(
        planId,
        send.profileId,
        send.customerId,
        send.channel,
        send.offer,
        send.hour,
        send.expectedRate,
        send.explored ? 1 : 0,
      );
    scope.update(
      notificationPlans,
      {
        status: "succeeded",
        asOf: new Date(computed.asOf),
        summary: computed.summary,
        estimate: computed.estimate as unknown as Record<string, unknown> | null,
        estimatedAt: new Date(),
        finishedAt: new Date(),
      },
      byId,
    );
  });
  storeRunOffers(scope, plan.runId);
  return getPlan(scope, planId) as StoredPlan;
}

/** Marks a plan failed (its job gave up), so the page stops waiting and says why. */
export function markPlanFailed(scope: WorkspaceScope, planId: number, reason: string): void {
  scope.update(
    notificationPlans,
    { status: "failed", error: reason, finishedAt: new Date() },
    eq(notificationPlans.id, planId),
  );
}

export function planEstimate(plan: StoredPlan): StoredEstimate | null {
  return (plan.estimate as StoredEstimate | null) ?? null;
}

export interface SendGroup {
  channel: string;
  offer: string;
  hour: number;
  customers: number;
  explored: number;
  expectedRate: number;
}

/** How many customers get which channel, offer and hour, largest group first. */
export function planSendGroups(scope: WorkspaceScope, planId: number): SendGroup[] {
  return scope
    .sql(
      `SELECT channel, offer, send_hour, count(*), sum(explored), avg(expected_rate)
       FROM notification_plan_sends WHERE workspace_id = @workspace AND plan_id = ?
       GROUP BY channel, offer, send_hour ORDER BY count(*) DESC, channel, offer, send_hour`,
    )
    .raw()
    .all(planId)
    .map((row) => {
      const [channel, offer, hour, customers, explored, expectedRate] = row as [
        string,
        string,
        number,
        number,
        number,
        number,
      ];
      return { channel, offer, hour, customers, explored, expectedRate };
    });
}

export interface PlanCsvRow {
  customerId: string;
  channel: string;
  offer: string;
  hour: number;
  expectedRate: number;
  explored: boolean;
}

/**
 * The plan's sends for the sending system, with contact consent checked now; `withdrawn`
 * counts sends left out because the customer's consent changed since planning.
 */
export function planCsvRows(
  scope: WorkspaceScope,
  planId: number,
): { rows: PlanCsvRow[]; withdrawn: number } {
  const all = scope
    .sql(
      `SELECT s.customer_external_id, s.channel, s.offer, s.send_hour, s.expected_rate, s.explored,
              (${contactableSql("s.channel", "c")}) AS contactable
       FROM notification_plan_sends AS s
       JOIN customers AS c ON c.id = s.customer_id AND c.workspace_id = s.workspace_id
       WHERE s.workspace_id = @workspace AND s.plan_id = ? ORDER BY s.id`,
    )
    .raw()
    .all(planId) as [string, string, string, number, number, number, number][];
  const rows: PlanCsvRow[] = [];
  let withdrawn = 0;
  for (const [customerId, channel, offer, hour, expectedRate, explored, contactable] of all) {
    if (contactable !== 1) {
      withdrawn++;
      continue;
    }
    rows.push({ customerId, channel, offer, hour, expectedRate, explored: explored === 1 });
  }
  return { rows, withdrawn };
}

/** The plan's sends (profile, channel, offer) for matching later responses. */
export function planSendsForMatching(scope: WorkspaceScope, planId: number) {
  return scope.db
    .select({
      customerId: notificationPlanSends.customerId,
      channel: notificationPlanSends.channel,
      offer: notificationPlanSends.offer,
      hour: notificationPlanSends.sendHour,
    })
    .from(notificationPlanSends)
    .where(and(scope.where(notificationPlanSends), eq(notificationPlanSends.planId, planId)))
    .all();
}
