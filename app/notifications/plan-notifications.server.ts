/**
 * A notification plan for one segment of a run, learned from the workspace's uploaded
 * responses (docs/analytics.md §21): arm rates per segment × channel × offer × send hour,
 * Thompson sampling per customer within consent and a weekly cap, and an offline estimate
 * of the plan against the historical sends on the last fifth of the responses, held out.
 */
import fs from "node:fs";
import path from "node:path";
import type { WorkspaceScope } from "#db/scoped";
import { CONSENT_RULES, type ContactChannel } from "~/analytics/audience";
import {
  type PlanCustomer,
  type PlannedSend,
  planNotifications,
} from "~/analytics/notification-plan";
import {
  empiricalPolicy,
  evaluatePolicy,
  type LoggedSend,
  type PolicyEvaluation,
} from "~/analytics/off-policy";
import { type ArmKey, type ArmTally, armKeyOf, armPosteriors } from "~/analytics/response-rates";
import { contactableOn } from "~/customers/analysable.server";
import { type CsvValue, csvLines } from "~/customers/csv";
import { SegmentInputError } from "~/segments/errors";
import { getRun } from "~/segments/runs.server";

const WEEK_MS = 7 * 86_400_000;
/** Channels a plan may use: those whose consent the customer data records. */
const PLANNABLE_CHANNELS = Object.keys(CONSENT_RULES) as ContactChannel[];

export interface NotificationPlanRequest {
  runId: number;
  segment: string;
  weeklyCap: number;
  explore: number;
  seed?: number;
  /** Epoch ms the plan is made at (default: the latest response's send time). */
  asOf?: number;
  /** Folder the CSV is written to. */
  outputDir: string;
}

export interface ResponseRow {
  externalId: string;
  /** The profile the response's customer id belongs to (null: no such customer). */
  customerId: number | null;
  segment: string | null;
  channel: string;
  offer: string | null;
  sentAt: number;
  converted: number | null;
}

const QUARTER_HOUR_MS = 900_000;

function hourIn(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" });
  // Formatting is slow and a plan asks for every response's hour several times; every time
  // zone's offset is a whole number of quarter hours, so the hour is the same across one.
  const hours = new Map<number, number>();
  return (epochMs: number) => {
    const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
    let hour = hours.get(quarter);
    if (hour === undefined) {
      hour = Number(format.format(epochMs)) % 24;
      hours.set(quarter, hour);
    }
    return hour;
  };
}

/** The send hour of an epoch-ms time in the workspace's time zone, and that zone. */
export function workspaceHours(scope: WorkspaceScope) {
  const timeZone =
    (scope.sql("SELECT time_zone FROM workspaces WHERE id = @workspace").pluck().get() as
      | string
      | undefined) ?? "UTC";
  return { timeZone, hourOf: hourIn(timeZone) };
}

/** The policy's arm as the off-policy estimates name it. */
export const policyArm = (channel: string, offer: string, hour: number) =>
  `${channel}|${offer}|${hour}`;

/** An estimate as stored and shown: rates rounded to 4 decimals. */
export interface StoredInterval {
  rate: number;
  lower: number;
  upper: number;
}

/**
 * The offline estimate the Notifications page shows (ADR 030): "held-out" when made on the
 * last fifth of the responses at planning time, "after-plan" when made on responses sent
 * after the plan's as-of, uploaded later. `observed` counts the plan's own sends found in
 * those later responses.
 */
export interface StoredEstimate {
  source: "held-out" | "after-plan";
  responses: number;
  up_to: string | null;
  supported: number;
  effective_sample_size: number;
  historical: StoredInterval;
  plan_ips: StoredInterval;
  plan_self_normalised: StoredInterval;
  observed: { matched_sends: number; responses: number; rate: number | null } | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const intervalOf = (e: { value: number; lower: number; upper: number }): StoredInterval => ({
  rate: round4(e.value),
  lower: round4(e.lower),
  upper: round4(e.upper),
});

export function storedEstimate(
  source: StoredEstimate["source"],
  evaluation: PolicyEvaluation,
  upTo: number | null,
  observed: StoredEstimate["observed"] = null,
): StoredEstimate {
  return {
    source,
    responses: evaluation.sends,
    up_to: upTo === null ? null : new Date(upTo).toISOString(),
    supported: evaluation.supported,
    effective_sample_size: Math.round(evaluation.effectiveSampleSize),
    historical: intervalOf(evaluation.historical),
    plan_ips: intervalOf(evaluation.ips),
    plan_self_normalised: intervalOf(evaluation.selfNormalised),
    observed,
  };
}

export function loadResponses(scope: WorkspaceScope, runId: number): ResponseRow[] {
  // Each response is filed under the customer's id in some source (the lowest profile id
  // when two profiles share it); the run's assignment of that customer gives its segment
  // (null: not in the run, kept for the channel priors). Joined here rather than in SQL:
  // two joins and a GROUP BY over every response took most of a large plan's time.
  const profileOf = new Map<string, number>();
  for (const [externalId, customerId] of scope
    .sql(
      `SELECT external_id, min(customer_id) FROM customer_sources WHERE workspace_id = @workspace
       GROUP BY external_id`,
    )
    .raw()
    .iterate() as Iterable<[string, number]>)
    profileOf.set(externalId, customerId);
  const segmentOf = new Map<number, string>();
  for (const [customerId, segment] of scope
    .sql(
      "SELECT customer_id, segment FROM segment_assignments WHERE workspace_id = @workspace AND run_id = ?",
    )
    .raw()
    .iterate(runId) as Iterable<[number, string]>)
    segmentOf.set(customerId, segment);
  return scope
    .sql(
      `SELECT customer_external_id, channel, coalesce(offer, category, product_code), sent_at,
              converted
       FROM responses WHERE workspace_id = @workspace ORDER BY sent_at, id`,
    )
    .raw()
    .all()
    .map((row) => {
      const [externalId, channel, offer, sentAt, converted] = row as [
        string,
        string,
        string | null,
        number,
        number | null,
      ];
      const customerId = profileOf.get(externalId) ?? null;
      const segment = customerId === null ? null : (segmentOf.get(customerId) ?? null);
      return { externalId, customerId, segment, channel, offer, sentAt, converted };
    });
}

function talliesOf(rows: readonly ResponseRow[], hourOf: (ms: number) => number): ArmTally[] {
  const tallies = new Map<string, ArmTally>();
  for (const row of rows) {
    if (row.segment === null || row.offer === null) continue;
    const arm: ArmKey = {
      segment: row.segment,
      channel: row.channel,
      offer: row.offer,
      hour: hourOf(row.sentAt),
    };
    const key = armKeyOf(arm);
    const tally = tallies.get(key) ?? { ...arm, sends: 0, responses: 0 };
    tally.sends++;
    if (row.converted === 1) tally.responses++;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

/** A planned send with the profile it is for (stored; the CSV names the customer's own id). */
export interface StoredSend extends PlannedSend {
  profileId: number;
}

/**
 * Plans the next sends of one segment and estimates the plan offline; writes nothing. The
 * CLI (planSegmentNotifications) and the queue (jobs/handlers/notification-plan.ts) share it.
 */
export function computeSegmentPlan(
  scope: WorkspaceScope,
  request: Omit<NotificationPlanRequest, "outputDir">,
) {
  const { runId, segment } = request;
  getRun(scope, runId);
  if (!(request.explore >= 0 && request.explore <= 1))
    throw new SegmentInputError("The exploration share must be between 0 and 1 (e.g. 0.1)");
  if (!(Number.isInteger(request.weeklyCap) && request.weeklyCap >= 1))
    throw new SegmentInputError("The weekly contact cap must be a whole number of at least 1");
  const { timeZone, hourOf } = workspaceHours(scope);
  const rows = loadResponses(scope, runId);
  if (rows.length === 0)
    throw new SegmentInputError(
      "There are no responses to learn from: upload a responses file (one row per message sent)",
    );
  // The unary + keeps SQLite off the (workspace, external id) index for min(): with it, each
  // member's lookup walked all of the workspace's sources, quadratic in the shop's size.
  const members = scope
    .sql(
      `SELECT c.id, c.consent_data_processing, c.consent_email, c.consent_sms,
              (SELECT min(external_id) FROM customer_sources AS cs
               WHERE +cs.workspace_id = c.workspace_id AND cs.customer_id = c.id)
       FROM segment_assignments AS sa
       JOIN customers AS c ON c.id = sa.customer_id AND c.workspace_id = sa.workspace_id
       WHERE sa.workspace_id = @workspace AND sa.run_id = ? AND sa.segment = ? ORDER BY c.id`,
    )
    .raw()
    .all(runId, segment) as [number, number | null, number | null, number | null, string | null][];
  if (members.length === 0) throw new SegmentInputError(`Run ${runId} has no segment "${segment}"`);

  const asOf = request.asOf ?? (rows[rows.length - 1] as ResponseRow).sentAt;
  const offers = [...new Set(rows.flatMap((r) => (r.offer === null ? [] : [r.offer])))].sort();
  const hours = [...new Set(rows.map((r) => hourOf(r.sentAt)))].sort((a, b) => a - b);
  const channels = PLANNABLE_CHANNELS.filter((c) => rows.some((r) => r.channel === c));
  const segments = [...new Set(rows.flatMap((r) => (r.segment === null ? [] : [r.segment])))];
  if (!segments.includes(segment)) segments.push(segment);
  const arms: ArmKey[] = segments.flatMap((s) =>
    channels.flatMap((channel) =>
      offers.flatMap((offer) => hours.map((hour) => ({ segment: s, channel, offer, hour }))),
    ),
  );

  // Contacts in the week before the plan count toward the cap; an offer a customer took up
  // (converted) in the last four weeks is not sent to them again.
  const recentContacts = new Map<string, number>();
  const excluded = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.sentAt > asOf) continue;
    if (row.sentAt > asOf - WEEK_MS)
      recentContacts.set(row.externalId, (recentContacts.get(row.externalId) ?? 0) + 1);
    if (row.offer !== null && row.converted === 1 && row.sentAt > asOf - 4 * WEEK_MS) {
      const set = excluded.get(row.externalId) ?? new Set<string>();
      set.add(row.offer);
      excluded.set(row.externalId, set);
    }
  }
  const profileOf = new Map<string, number>();
  const customers: PlanCustomer[] = members.map(([id, processing, email, sms, externalId]) => {
    const flags = {
      consentDataProcessing: processing === 1,
      consentEmail: email === 1,
      consentSms: sms === 1,
    };
    const consented = PLANNABLE_CHANNELS.filter((channel) => contactableOn(channel, flags));
    const key = externalId ?? String(id);
    profileOf.set(key, id);
    return {
      customerId: key,
      segment,
      consentedChannels: consented,
      excludedOffers: excluded.get(key) ?? new Set(),
      contactsLastWeek: recentContacts.get(key) ?? 0,
    };
  });
  const options = {
    channels,
    offers,
    hours,
    weeklyCap: request.weeklyCap,
    explore: request.explore,
    seed: request.seed ?? 1,
  };

  // Offline estimate: learn on the first four fifths of the sends, plan, and evaluate that
  // plan's choice of arms in this segment on the held-out fifth.
  const cut = Math.floor(rows.length * 0.8);
  const training = rows.slice(0, cut);
  const heldOutRows = rows.slice(cut).filter((r) => r.segment === segment && r.offer !== null);
  const heldOut: LoggedSend[] = heldOutRows.map((r) => ({
    context: segment,
    arm: policyArm(r.channel, r.offer as string, hourOf(r.sentAt)),
    reward: r.converted === 1 ? 1 : 0,
  }));
  const trialPlan = planNotifications(
    customers.map((c) => ({ ...c, excludedOffers: new Set<string>(), contactsLastWeek: 0 })),
    armPosteriors(talliesOf(training, hourOf), arms),
    { ...options, weeklyCap: Number.POSITIVE_INFINITY },
  );
  const share = new Map<string, number>();
  for (const send of trialPlan.sends) {
    const arm = policyArm(send.channel, send.offer, send.hour);
    share.set(arm, (share.get(arm) ?? 0) + 1 / trialPlan.sends.length);
  }
  const evaluation =
    heldOut.length > 0 && trialPlan.sends.length > 0
      ? evaluatePolicy(heldOut, (_x, arm) => share.get(arm) ?? 0, empiricalPolicy(heldOut), 0.95)
      : undefined;

  const plan = planNotifications(customers, armPosteriors(talliesOf(rows, hourOf), arms), options);
  const sends: StoredSend[] = plan.sends.map((s) => ({
    ...s,
    profileId: profileOf.get(s.customerId) as number,
  }));
  const byArm = new Map<string, number>();
  for (const s of plan.sends) {
    const arm = `${s.channel} · ${s.offer} · ${String(s.hour).padStart(2, "0")}:00`;
    byArm.set(arm, (byArm.get(arm) ?? 0) + 1);
  }
  const summary = {
    run_id: runId,
    segment,
    as_of: new Date(asOf).toISOString(),
    time_zone: timeZone,
    response_rows: rows.length,
    response_measure: "converted",
    weekly_cap: request.weeklyCap,
    explore: request.explore,
    channels,
    offers: offers.length,
    send_hours: hours,
    segment_members: members.length,
    planned: plan.sends.length,
    explored: plan.sends.filter((s) => s.explored).length,
    skipped: {
      at_weekly_cap: plan.skipped.atCap,
      no_channel_consent: plan.skipped.noConsentedChannel,
      no_offer_left: plan.skipped.noOfferLeft,
    },
    top_arms: [...byArm.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([arm, customers]) => ({ arm, customers })),
    offline_estimate: evaluation
      ? {
          held_out_sends: evaluation.sends,
          effective_sample_size: Math.round(evaluation.effectiveSampleSize),
          historical: intervalOf(evaluation.historical),
          plan_ips: intervalOf(evaluation.ips),
          plan_self_normalised: intervalOf(evaluation.selfNormalised),
        }
      : null,
  };
  const lastHeldOut = heldOutRows[heldOutRows.length - 1];
  return {
    asOf,
    summary,
    sends,
    /** The plan the offline estimate evaluates (learned on the first four fifths, uncapped). */
    evaluatedSends: evaluation ? trialPlan.sends : [],
    estimate: evaluation
      ? storedEstimate("held-out", evaluation, lastHeldOut ? lastHeldOut.sentAt : null)
      : null,
  };
}

export const PLAN_CSV_HEADER = [
  "customer_id",
  "channel",
  "offer",
  "send_hour",
  "expected_response_rate",
  "exploration",
] as const;

/** The plan for the sending system: one line per send, formula-safe (customers/csv.ts). */
export function planCsvLines(
  sends: Iterable<
    Pick<PlannedSend, "customerId" | "channel" | "offer" | "hour" | "expectedRate" | "explored">
  >,
): Generator<string> {
  return csvLines(PLAN_CSV_HEADER, sends, (s): CsvValue[] => [
    s.customerId,
    s.channel,
    s.offer,
    s.hour,
    s.expectedRate.toFixed(4),
    s.explored ? "yes" : "no",
  ]);
}

/** The CLI's `plan-notifications`: plans, writes the CSV into `outputDir`, returns a summary. */
export function planSegmentNotifications(scope: WorkspaceScope, request: NotificationPlanRequest) {
  const { summary, sends } = computeSegmentPlan(scope, request);
  fs.mkdirSync(request.outputDir, { recursive: true });
  const csvPath = path.join(
    request.outputDir,
    `notification-plan-run${request.runId}-${request.segment.replace(/[^\p{L}\p{N}_-]+/gu, "_")}.csv`,
  );
  fs.writeFileSync(csvPath, [...planCsvLines(sends)].join(""));
  return { ...summary, csv: csvPath };
}
