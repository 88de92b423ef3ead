/**
 * Scheduled e-mail deliveries of a report: create, change, pause, resume, delete, list.
 * Editors and owners manage them (the route checks the role); every change is audited with
 * the number of recipients, not their addresses.
 *
 * `next_run_at` is the next due time in the workspace's time zone, computed with croner from
 * an injectable `now`; a paused delivery has none, so the dashboard's "next deliveries" and
 * the scheduler both skip it, and resuming counts from the moment of resuming (a delivery
 * paused over its due time does not fire at once).
 */

import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { schema } from "~/db.server";
import { message } from "~/i18n/message-code";
import { reportKinds } from "~/reports/kinds.server";
import { findReport, reportKindOf } from "~/reports/reports.server";
import { CadenceSchema, cronOfCadence } from "./cadence";
import { issueDeliveryLink, removeDeliveryLink } from "./delivery-link.server";
import { nextDeliveryRun } from "./next-run";
import { RecipientsSchema } from "./recipients";

export type Delivery = typeof schema.reportDeliveries.$inferSelect;

/** A user-facing refusal (unknown report, a report of individual customers, ...). */
export class DeliveryError extends Error {}

/** A checkbox: "on" when ticked in a form, absent when not; booleans from code pass through. */
const Checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const DeliveryInputSchema = z
  .object({ recipients: RecipientsSchema, attachCsv: Checkbox })
  .and(CadenceSchema);

export type DeliveryInput = z.input<typeof DeliveryInputSchema>;

function timeZoneOf(scope: WorkspaceScope): string {
  const row = scope.db
    .select({ timeZone: schema.workspaces.timeZone })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, scope.workspaceId))
    .get();
  return row?.timeZone ?? "UTC";
}

function nextRunOrFail(cron: string, timeZone: string, now: Date): Date {
  const next = nextDeliveryRun(cron, timeZone, now);
  if (!next) throw new DeliveryError(message("messages:delivery.neverFires"));
  return next;
}

export function listDeliveries(scope: WorkspaceScope, reportId: number): Delivery[] {
  const d = schema.reportDeliveries;
  return scope.db
    .select()
    .from(d)
    .where(scope.where(d, eq(d.reportId, reportId)))
    .orderBy(desc(d.createdAt), desc(d.id))
    .all();
}

export function findDelivery(
  scope: WorkspaceScope,
  id: number,
  reportId?: number,
): Delivery | undefined {
  const d = schema.reportDeliveries;
  return scope.first(
    d,
    eq(d.id, id),
    reportId === undefined ? undefined : eq(d.reportId, reportId),
  );
}

export async function createDelivery(
  scope: WorkspaceScope,
  userId: number,
  reportId: number,
  input: DeliveryInput,
  now = new Date(),
): Promise<Delivery> {
  const parsed = DeliveryInputSchema.parse(input);
  const report = findReport(scope, reportId);
  const kind = report ? reportKindOf(report) : null;
  if (!report || !kind) throw new DeliveryError(message("messages:delivery.noSuchReport"));
  // Individual customers' data does not leave by e-mail to typed-in addresses (KVKK/GDPR).
  if (reportKinds[kind].personal)
    throw new DeliveryError(message("messages:delivery.personalReport"));
  const cron = cronOfCadence(parsed);
  const nextRunAt = nextRunOrFail(cron, timeZoneOf(scope), now);
  const { link } = await issueDeliveryLink(scope, userId, reportId, parsed.cadence, now);
  const delivery = scope.insert(schema.reportDeliveries, {
    reportId,
    cadence: parsed.cadence,
    cron,
    recipients: parsed.recipients,
    attachCsv: parsed.attachCsv,
    shareLinkId: link.id,
    nextRunAt,
    createdBy: userId,
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.create",
    target: String(delivery.id),
    details: { report: reportId, cron, recipients: parsed.recipients.length },
  });
  return delivery;
}

export function updateDelivery(
  scope: WorkspaceScope,
  userId: number,
  id: number,
  input: DeliveryInput,
  now = new Date(),
): Delivery | undefined {
  const existing = findDelivery(scope, id);
  if (!existing) return undefined;
  const parsed = DeliveryInputSchema.parse(input);
  const cron = cronOfCadence(parsed);
  const nextRunAt = existing.pausedAt ? null : nextRunOrFail(cron, timeZoneOf(scope), now);
  const d = schema.reportDeliveries;
  scope.update(
    d,
    {
      cadence: parsed.cadence,
      cron,
      recipients: parsed.recipients,
      attachCsv: parsed.attachCsv,
      nextRunAt,
    },
    eq(d.id, id),
  );
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.update",
    target: String(id),
    details: { cron, recipients: parsed.recipients.length, attachCsv: parsed.attachCsv },
  });
  return findDelivery(scope, id);
}

export function pauseDelivery(scope: WorkspaceScope, userId: number, id: number, now = new Date()) {
  const d = schema.reportDeliveries;
  const changed = scope.update(d, { pausedAt: now, nextRunAt: null }, eq(d.id, id));
  if (changed === 0) return false;
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.pause",
    target: String(id),
  });
  return true;
}

export function resumeDelivery(
  scope: WorkspaceScope,
  userId: number,
  id: number,
  now = new Date(),
): boolean {
  const existing = findDelivery(scope, id);
  if (!existing) return false;
  const nextRunAt = nextRunOrFail(existing.cron, timeZoneOf(scope), now);
  const d = schema.reportDeliveries;
  scope.update(d, { pausedAt: null, nextRunAt }, eq(d.id, id));
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.resume",
    target: String(id),
  });
  return true;
}

/** Deletes the delivery and the link it carried (that link exists only for it). */
export function deleteDelivery(scope: WorkspaceScope, userId: number, id: number): boolean {
  const existing = findDelivery(scope, id);
  if (!existing) return false;
  const d = schema.reportDeliveries;
  scope.db.transaction(() => {
    scope.delete(d, and(eq(d.id, id)));
    if (existing.shareLinkId) removeDeliveryLink(scope, existing.shareLinkId);
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.delete",
    target: String(id),
    details: { report: existing.reportId },
  });
  return true;
}

/**
 * Turns links back on after someone revoked or paused the delivery's link: a new link, which
 * the next e-mail carries (each e-mail carries a fresh one, see delivery-link.server.ts).
 */
export async function relinkDelivery(
  scope: WorkspaceScope,
  userId: number,
  id: number,
  now = new Date(),
): Promise<boolean> {
  const existing = findDelivery(scope, id);
  if (!existing) return false;
  const { link } = await issueDeliveryLink(scope, userId, existing.reportId, existing.cadence, now);
  const d = schema.reportDeliveries;
  scope.update(d, { shareLinkId: link.id }, eq(d.id, id));
  if (existing.shareLinkId) removeDeliveryLink(scope, existing.shareLinkId);
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "delivery.relink",
    target: String(id),
  });
  return true;
}
