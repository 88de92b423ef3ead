import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { PermanentJobError } from "#jobs/errors";
import type { JobContext } from "#jobs/registry";
import { eraseCustomer } from "~/customers/erase.server";
import {
  enqueueNotificationPlan,
  NOTIFICATION_PLAN_JOB,
  PLAN_ESTIMATE_JOB,
} from "~/notifications/plan-job.server";
import type { StoredEstimate } from "~/notifications/plan-notifications.server";
import { getPlan, planCsvRows, planSendGroups } from "~/notifications/stored-plans.server";
import {
  notificationPlanHandler,
  planEstimateHandler,
} from "../../../jobs/handlers/notification-plan";
import { rowsOf, setUpIngest } from "../ingest/support";
import { addShopWithResponses, LAST_SEND } from "./plan-fixture";

const { db, dir, scope, workspaceId, importOk } = setUpIngest("planshop");
const { runId } = addShopWithResponses(db, workspaceId);

const ctx: JobContext = {
  jobId: 1,
  workspaceId,
  attempt: 1,
  maxAttempts: 3,
  signal: new AbortController().signal,
  progress: () => {},
  holdLease: () => {},
};

function jobsOf(kind: string) {
  return rowsOf<{ kind: string; payload: string }>(db, "jobs", workspaceId).filter(
    (j) => j.kind === kind,
  );
}

describe("stored notification plans", () => {
  let planId = 0;
  let planned = 0;

  it("the job plans a queued plan and stores its sends, exclusions and held-out estimate", async () => {
    planId = enqueueNotificationPlan(scopeTo(db, workspaceId), {
      runId,
      segment: "Young",
      weeklyCap: 2,
      explore: 0.1,
      createdBy: null,
    });
    expect(getPlan(scope, planId)?.status).toBe("queued");
    const [job] = jobsOf(NOTIFICATION_PLAN_JOB);
    expect(JSON.parse(job?.payload ?? "")).toEqual({ workspaceId, planId });
    // No plan finished yet: a responses import would have nothing to re-estimate.
    expect(await notificationPlanHandler.execute(JSON.parse(job?.payload ?? ""), ctx)).toEqual({
      planId,
      status: "succeeded",
    });
    const plan = getPlan(scope, planId);
    expect(plan?.status).toBe("succeeded");
    expect(plan?.asOf?.toISOString()).toBe(LAST_SEND.toISOString());
    const summary = plan?.summary as {
      planned: number;
      segment_members: number;
      skipped: Record<string, number>;
    };
    // 150 Young members, all with e-mail consent; sends came every 10 days, so nobody is at
    // the weekly cap of 2. Those who took the card in the last four weeks are not offered it
    // again, and it is the only offer.
    const tookCard = db.$client
      .prepare(
        `SELECT count(DISTINCT customer_external_id) FROM responses
         WHERE workspace_id = ? AND converted = 1 AND sent_at > ?
           AND CAST(substr(customer_external_id, 2) AS INTEGER) % 2 = 0`,
      )
      .pluck()
      .get(workspaceId, LAST_SEND.getTime() - 28 * 86_400_000) as number;
    expect(tookCard).toBeGreaterThan(0);
    expect(summary.segment_members).toBe(150);
    expect(summary.skipped).toEqual({
      at_weekly_cap: 0,
      no_channel_consent: 0,
      no_offer_left: tookCard,
    });
    planned = 150 - tookCard;
    expect(summary.planned).toBe(planned);
    const groups = planSendGroups(scope, planId);
    expect(groups.reduce((n, g) => n + g.customers, 0)).toBe(planned);
    expect(groups[0]?.channel).toBe("sms");
    const estimate = plan?.estimate as unknown as StoredEstimate;
    expect(estimate.source).toBe("held-out");
    // The last fifth of 6,000 sends is 1,200; half are Young's.
    expect(estimate.responses).toBe(
      db.$client
        .prepare(
          `SELECT count(*) FROM (SELECT id, customer_external_id FROM responses
             WHERE workspace_id = ? ORDER BY sent_at, id LIMIT -1 OFFSET 4800)
           WHERE CAST(substr(customer_external_id, 2) AS INTEGER) % 2 = 0`,
        )
        .pluck()
        .get(workspaceId),
    );
    expect(estimate.up_to).toBe(LAST_SEND.toISOString());
    expect(estimate.plan_self_normalised.rate).toBeGreaterThan(estimate.historical.upper);
    expect(estimate.observed).toBeNull();

    // Running the job again (at-least-once delivery) replaces the sends, never doubles them.
    await notificationPlanHandler.execute({ workspaceId, planId }, ctx);
    expect(planSendGroups(scope, planId).reduce((n, g) => n + g.customers, 0)).toBe(planned);
  });

  it("the CSV leaves out a customer who withdrew the channel's consent after planning", () => {
    const before = planCsvRows(scope, planId);
    expect(before.withdrawn).toBe(0);
    expect(before.rows).toHaveLength(planned);
    // K0, K10, … never consented to SMS: planned on e-mail only.
    for (const row of before.rows.filter((r) => /^K\d*0$/.test(r.customerId)))
      expect(row.channel).toBe("email");
    const smsRow = before.rows.find((r) => r.channel === "sms");
    expect(smsRow).toBeDefined();
    db.$client
      .prepare(
        `UPDATE customers SET consent_sms = 0 WHERE id =
           (SELECT customer_id FROM customer_sources WHERE external_id = ?)`,
      )
      .run(smsRow?.customerId);
    const after = planCsvRows(scope, planId);
    expect(after.withdrawn).toBe(1);
    expect(after.rows.map((r) => r.customerId)).not.toContain(smsRow?.customerId);
    db.$client
      .prepare(
        `UPDATE customers SET consent_sms = 1 WHERE id =
           (SELECT customer_id FROM customer_sources WHERE external_id = ?)`,
      )
      .run(smsRow?.customerId);
  });

  it("a later responses import re-estimates the plan on the new sends and counts its observed rate", async () => {
    const sends = planCsvRows(scope, planId).rows;
    // The plan was sent on 2026-08-01 at its hours; every fifth send converted.
    const lines = ["response_id,customer_id,channel,sent_at,offer,converted"];
    sends.forEach((s, i) => {
      const hour = String(s.hour).padStart(2, "0");
      lines.push(
        `P-${i},${s.customerId},${s.channel},2026-08-01 ${hour}:00,${s.offer},${i % 5 === 0 ? "yes" : "no"}`,
      );
    });
    const file = path.join(dir, "plan-responses.csv");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const summary = await importOk("responses", file);
    expect(summary.rows_new).toBe(planned);

    const jobs = jobsOf(PLAN_ESTIMATE_JOB);
    expect(jobs).toHaveLength(1);
    expect(await planEstimateHandler.execute(JSON.parse(jobs[0]?.payload ?? ""), ctx)).toEqual({
      plans: 1,
    });
    const estimate = getPlan(scope, planId)?.estimate as unknown as StoredEstimate;
    // Every fifth of the plan's sends converted (i = 0, 5, …).
    const converted = Math.ceil(planned / 5);
    const rate = Math.round((converted / planned) * 10_000) / 10_000;
    expect(estimate.observed).toEqual({ matched_sends: planned, responses: converted, rate });
    expect(estimate.source).toBe("after-plan");
    expect(estimate.responses).toBe(planned);
    expect(estimate.up_to?.slice(0, 10)).toBe("2026-08-01");
    // The new sends are exactly the plan's: every weight is 1, so the estimate is the mean.
    expect(estimate.plan_self_normalised.rate).toBe(rate);
    expect(estimate.historical.rate).toBe(rate);
    expect(estimate.effective_sample_size).toBe(planned);

    // The same file again changes no row: no second re-estimate.
    await importOk("responses", file);
    expect(jobsOf(PLAN_ESTIMATE_JOB)).toHaveLength(1);
  });

  it("a job whose plan is gone fails at once instead of retrying", async () => {
    await expect(
      notificationPlanHandler.execute({ workspaceId, planId: planId + 1000 }, ctx),
    ).rejects.toThrow(PermanentJobError);
  });

  it("erasing a customer removes their planned send", () => {
    const [first] = planCsvRows(scope, planId).rows;
    expect(first).toBeDefined();
    const before = planCsvRows(scope, planId).rows.length;
    eraseCustomer(scope, { externalId: first?.customerId });
    const after = planCsvRows(scope, planId).rows;
    expect(after).toHaveLength(before - 1);
    expect(after.map((r) => r.customerId)).not.toContain(first?.customerId);
    expect(
      db.$client
        .prepare(
          "SELECT count(*) FROM notification_plan_sends WHERE workspace_id = ? AND customer_external_id = ?",
        )
        .pluck()
        .get(workspaceId, first?.customerId),
    ).toBe(0);
  });
});
