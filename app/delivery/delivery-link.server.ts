/**
 * The share link a delivery's e-mails carry.
 *
 * The token is only known when a link is created (share_links keeps its SHA-256), and we do
 * not want any token kept in clear or reversibly encrypted. So every e-mail carries a FRESH
 * link: the run creates a new link, sends it, and only once the mail is accepted deletes the
 * previous link and points the delivery at the new one (a failed send deletes the new link
 * instead, so the last e-mail's link keeps working). One delivery therefore has exactly one
 * live link, the one in the latest e-mail; older e-mails' links stop working when the next
 * e-mail arrives, and a link lapses by itself LINK_DAYS after its e-mail if deliveries stop.
 *
 * Someone who revokes or pauses the delivery's link (on the share-links page) means "no
 * link": the e-mails then say the link is not available and carry the CSV only, until an
 * editor turns links back on (relinkDelivery).
 *
 * Every write to share_links goes through app/sharing (create, delete); this module only
 * decides which link a delivery carries.
 */
import { eq } from "drizzle-orm";
import type { DeliveryCadence } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { schema } from "~/db.server";
import { createShareLink, deleteShareLink, type ShareLink } from "~/sharing/share-links.server";

/** Two periods: the latest link survives a late or retried run, then lapses. */
export const LINK_DAYS: Record<DeliveryCadence, number> = { weekly: 14, monthly: 62 };

export function issueDeliveryLink(
  scope: WorkspaceScope,
  userId: number,
  reportId: number,
  cadence: DeliveryCadence,
  now = new Date(),
): Promise<{ link: ShareLink; token: string }> {
  return createShareLink(scope, userId, reportId, { expiresInDays: LINK_DAYS[cadence] }, now);
}

export function findDeliveryLink(scope: WorkspaceScope, linkId: number): ShareLink | undefined {
  return scope.first(schema.shareLinks, eq(schema.shareLinks.id, linkId));
}

/** Why the delivery's e-mails carry no link, or null when they can. */
export function linkOffReason(link: ShareLink | undefined): string | null {
  if (!link) return "the delivery's link was deleted";
  if (link.revokedAt) return "the delivery's link was revoked";
  if (link.pausedAt) return "the delivery's link is paused";
  return null;
}

/** A link no e-mail carries any more (superseded, never sent, or its delivery deleted). */
export function removeDeliveryLink(scope: WorkspaceScope, linkId: number): void {
  deleteShareLink(scope, null, linkId, "delivery link replaced or removed");
}

/** After a send was accepted: the delivery now points at the new link; the old one is gone. */
export function adoptDeliveryLink(
  scope: WorkspaceScope,
  deliveryId: number,
  previousLinkId: number | null,
  newLinkId: number,
): void {
  scope.db.transaction(() => {
    scope.update(
      schema.reportDeliveries,
      { shareLinkId: newLinkId },
      eq(schema.reportDeliveries.id, deliveryId),
    );
    if (previousLinkId !== null && previousLinkId !== newLinkId)
      removeDeliveryLink(scope, previousLinkId);
  });
}
