/**
 * Pause, resume, revoke and rotate a share link. Each change is audited.
 *
 * `generation` grows on rotate and revoke: a password cookie names the generation it was
 * issued for (share-access-cookie.server.ts), so cookies given out before stop working on the
 * next request. Pausing keeps the generation: resuming means "the same link works again".
 * Revoking is final (a revoked link cannot be resumed or rotated); an expired link can still
 * be revoked, but not rotated back to life (create a new one, with a new expiry).
 */

import { eq, sql } from "drizzle-orm";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { schema } from "~/db.server";
import { message } from "~/i18n/message";
import { linkState } from "./link-state";
import {
  hashShareToken,
  newShareToken,
  type ShareLink,
  ShareLinkError,
} from "./share-links.server";

export const SHARE_LINK_CHANGES = ["pause", "resume", "revoke", "rotate"] as const;
export type ShareLinkChange = (typeof SHARE_LINK_CHANGES)[number];

export function findShareLink(scope: WorkspaceScope, linkId: number): ShareLink | undefined {
  return scope.first(schema.shareLinks, eq(schema.shareLinks.id, linkId));
}

function record(scope: WorkspaceScope, userId: number, change: ShareLinkChange, link: ShareLink) {
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: `share_link.${change}`,
    target: String(link.id),
    details: { report: link.reportId },
  });
}

/**
 * Applies a change; returns the new token for a rotation (shown once, never stored).
 * Throws ShareLinkError with a message for the user when the change does not apply.
 */
export function changeShareLink(
  scope: WorkspaceScope,
  userId: number,
  linkId: number,
  change: ShareLinkChange,
  now = new Date(),
): { token?: string } {
  const link = findShareLink(scope, linkId);
  if (!link) throw new ShareLinkError(message("sharing:errors.noSuchLink"));
  const state = linkState(link, now);
  const byId = eq(schema.shareLinks.id, linkId);
  // The generation grows in SQL (not read-then-write), as the scope's typed update cannot.
  const nextGeneration = (set: Partial<ShareLink>) =>
    scope.db
      .update(schema.shareLinks)
      .set({ ...set, generation: sql`${schema.shareLinks.generation} + 1` })
      .where(scope.where(schema.shareLinks, byId))
      .run();
  if (state === "revoked") throw new ShareLinkError(message("sharing:errors.revoked"));
  let token: string | undefined;
  switch (change) {
    case "pause":
      if (link.pausedAt) throw new ShareLinkError(message("sharing:errors.alreadyPaused"));
      scope.update(schema.shareLinks, { pausedAt: now }, byId);
      break;
    case "resume":
      if (!link.pausedAt) throw new ShareLinkError(message("sharing:errors.notPaused"));
      scope.update(schema.shareLinks, { pausedAt: null }, byId);
      break;
    case "revoke":
      nextGeneration({ revokedAt: now });
      break;
    case "rotate":
      if (state === "expired") throw new ShareLinkError(message("sharing:errors.expired"));
      token = newShareToken();
      nextGeneration({ tokenHash: hashShareToken(token) });
      break;
  }
  record(scope, userId, change, link);
  return { token };
}
