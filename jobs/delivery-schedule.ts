/**
 * Scheduled report deliveries, the same way as scheduled scrapes (jobs/schedule.ts): every
 * worker's scheduler tick finds deliveries whose next_run_at has passed, moves next_run_at to
 * the next due time (compare-and-set on the due time it read) and enqueues one
 * `report-delivery` job whose dedupe key is the delivery and that due time. Two ticks, two
 * workers or a retried tick at the same due time therefore enqueue, and send, once.
 *
 * Missed runs collapse to one: the next due time is counted from now.
 */
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "#db/client";
import { reportDeliveries, workspaces } from "#db/schema";
import { nextDeliveryRun } from "~/delivery/next-run";
import { enqueue } from "./queue";

export const REPORT_DELIVERY_JOB = "report-delivery";

/** Retries for a mail server that is down for a while; a 5xx rejection is not retried. */
export const DELIVERY_MAX_ATTEMPTS = 3;

export interface DeliveryPayload {
  workspaceId: number;
  deliveryId: number;
  trigger: "schedule" | "manual";
  dueAt?: string;
}

export function deliveryDedupeKey(deliveryId: number, dueAt: Date): string {
  return `delivery:${deliveryId}:${dueAt.toISOString()}`;
}

function enqueueDelivery(db: Db, payload: DeliveryPayload, dedupeKey: string, now: Date): number {
  return enqueue(db, {
    runAt: now,
    kind: REPORT_DELIVERY_JOB,
    workspaceId: payload.workspaceId,
    payload: { ...payload },
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    dedupeKey,
  });
}

/** "Send now": a double click within the same minute is one e-mail. */
export function enqueueDeliveryNow(
  db: Db,
  workspaceId: number,
  deliveryId: number,
  now = new Date(),
): number {
  return enqueueDelivery(
    db,
    { workspaceId, deliveryId, trigger: "manual" },
    `delivery:${deliveryId}:manual:${now.toISOString().slice(0, 16)}`,
    now,
  );
}

export function dueDeliveries(db: Db, now = new Date()) {
  return db
    .select({ delivery: reportDeliveries, timeZone: workspaces.timeZone })
    .from(reportDeliveries)
    .innerJoin(workspaces, eq(workspaces.id, reportDeliveries.workspaceId))
    .where(and(isNull(reportDeliveries.pausedAt), lte(reportDeliveries.nextRunAt, now)))
    .all();
}

type DueDelivery = ReturnType<typeof dueDeliveries>[number];

function safeNext(cron: string, timeZone: string, now: Date): Date | null {
  try {
    return nextDeliveryRun(cron, timeZone, now);
  } catch {
    return null;
  }
}

/** Moves next_run_at on and enqueues the run; undefined when another tick got there first. */
export function fireDueDelivery(db: Db, { delivery, timeZone }: DueDelivery, now = new Date()) {
  return db.transaction(
    (tx) => {
      const dueAt = delivery.nextRunAt;
      if (!dueAt) return undefined;
      const next = safeNext(delivery.cron, timeZone, now);
      const changes = next
        ? { nextRunAt: next }
        : { nextRunAt: null, lastError: "the schedule has no future run" };
      const moved = tx
        .update(reportDeliveries)
        .set(changes)
        .where(
          and(
            eq(reportDeliveries.id, delivery.id),
            eq(reportDeliveries.workspaceId, delivery.workspaceId),
            isNull(reportDeliveries.pausedAt),
            eq(reportDeliveries.nextRunAt, dueAt),
          ),
        )
        .run();
      if (moved.changes === 0) return undefined;
      return enqueueDelivery(
        db,
        {
          workspaceId: delivery.workspaceId,
          deliveryId: delivery.id,
          trigger: "schedule",
          dueAt: dueAt.toISOString(),
        },
        deliveryDedupeKey(delivery.id, dueAt),
        now,
      );
    },
    { behavior: "immediate" },
  );
}

/** One tick: enqueues every due delivery; returns the job ids. */
export function deliverySchedulerTick(db: Db, now = new Date()): number[] {
  const enqueued: number[] = [];
  for (const due of dueDeliveries(db, now)) {
    const jobId = fireDueDelivery(db, due, now);
    if (jobId !== undefined) enqueued.push(jobId);
  }
  return enqueued;
}
