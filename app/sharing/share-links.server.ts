/**
 * Share links to a report. The token is 32 random bytes from the CSPRNG (256 bits),
 * base64url; only its SHA-256 is stored, so a copy of the database opens no report. An expiry
 * is required (default 30 days, at most a year).
 */

import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { schema } from "~/db.server";
import { message } from "~/i18n/message";
import { hashPassword, passwordRules } from "~/password.server";
import { reportKinds } from "~/reports/kinds.server";
import { type Report, reportKindOf } from "~/reports/reports.server";

import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "./expiry";

export { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS };

const DAY_MS = 86_400_000;

export type ShareLink = typeof schema.shareLinks.$inferSelect;

export class ShareLinkError extends Error {}

export function newShareToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The path a link opens; the token appears nowhere else. */
export function sharePath(token: string): string {
  return `/s/${token}`;
}

export interface NewShareLink {
  expiresInDays?: number;
  password?: string;
  allowDateRange?: boolean;
}

/** The "share this report" form. An empty password field means no password. */
export const ShareLinkInputSchema = z.object({
  expiresInDays: z.coerce
    .number({ message: message("sharing:errors.enterDays") })
    .int(message("sharing:errors.wholeDays"))
    .min(1, message("sharing:errors.atLeastOneDay"))
    .max(MAX_EXPIRY_DAYS, message("sharing:errors.atMostDays", { max: MAX_EXPIRY_DAYS })),
  password: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .min(
          passwordRules.minLength,
          message("sharing:errors.passwordTooShort", { min: passwordRules.minLength }),
        )
        .max(
          passwordRules.maxLength,
          message("sharing:errors.passwordTooLong", { max: passwordRules.maxLength }),
        )
        .optional(),
    ),
  allowDateRange: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

/**
 * Why a report cannot be shared by link, or null when it can. A page that shows individual
 * customers is personal data: a link anyone can open must carry aggregates only.
 */
export function shareRefusal(report: Pick<Report, "kind">): "personal" | "unknown-kind" | null {
  const kind = reportKindOf(report);
  if (!kind) return "unknown-kind";
  return reportKinds[kind].personal ? "personal" : null;
}

/** Creates a link to one of the workspace's reports; returns the token once (never stored). */
export async function createShareLink(
  scope: WorkspaceScope,
  userId: number,
  reportId: number,
  options: NewShareLink = {},
  now = new Date(),
): Promise<{ link: ShareLink; token: string }> {
  const report = scope.first(schema.reports, eq(schema.reports.id, reportId));
  if (!report) throw new ShareLinkError(message("sharing:errors.noSuchReport"));
  if (shareRefusal(report)) throw new ShareLinkError(message("sharing:errors.notShareable"));
  const days = options.expiresInDays ?? DEFAULT_EXPIRY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)
    throw new ShareLinkError(message("sharing:errors.expiryRange", { max: MAX_EXPIRY_DAYS }));
  const token = newShareToken();
  const link = scope.insert(schema.shareLinks, {
    reportId,
    tokenHash: hashShareToken(token),
    passwordHash: options.password ? await hashPassword(options.password) : null,
    allowDateRange: options.allowDateRange ?? false,
    createdBy: userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "share_link.create",
    target: String(link.id),
    details: {
      report: reportId,
      days,
      password: Boolean(options.password),
      dateRange: link.allowDateRange,
    },
  });
  return { link, token };
}

/**
 * Deletes a link outright (a delivery's superseded link). `actorUserId` null = the app itself
 * (the delivery job replacing the link its previous e-mail carried).
 */
export function deleteShareLink(
  scope: WorkspaceScope,
  actorUserId: number | null,
  linkId: number,
  reason: string,
): boolean {
  const deleted = scope.delete(schema.shareLinks, eq(schema.shareLinks.id, linkId)) > 0;
  if (deleted)
    audit({
      workspaceId: scope.workspaceId,
      actorUserId,
      action: "share_link.delete",
      target: String(linkId),
      details: { reason },
    });
  return deleted;
}
