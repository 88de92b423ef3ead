/**
 * Share links to a report. The token is 32 random bytes from the CSPRNG (256 bits),
 * base64url; only its SHA-256 is stored, so a copy of the database opens no report. An expiry
 * is required (default 30 days, at most a year).
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { schema } from "~/db.server";
import { hashPassword } from "~/password.server";

export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 365;
const DAY_MS = 86_400_000;

export type ShareLink = typeof schema.shareLinks.$inferSelect;

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

/** Creates a link to one of the workspace's reports; returns the token once (never stored). */
export async function createShareLink(
  scope: WorkspaceScope,
  userId: number,
  reportId: number,
  options: NewShareLink = {},
  now = new Date(),
): Promise<{ link: ShareLink; token: string }> {
  const report = scope.first(schema.reports, eq(schema.reports.id, reportId));
  if (!report) throw new Error("No such report in this workspace");
  const days = options.expiresInDays ?? DEFAULT_EXPIRY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)
    throw new Error(`A link expires in 1 to ${MAX_EXPIRY_DAYS} days`);
  const token = newShareToken();
  const link = scope.insert(schema.shareLinks, {
    reportId,
    tokenHash: hashShareToken(token),
    passwordHash: options.password ? await hashPassword(options.password) : null,
    allowDateRange: options.allowDateRange ?? false,
    createdBy: userId,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
  });
  audit({
    workspaceId: scope.workspaceId,
    actorUserId: userId,
    action: "share_link.create",
    target: String(link.id),
    details: { report: reportId, days, password: Boolean(options.password) },
  });
  return { link, token };
}
