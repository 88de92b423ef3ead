/**
 * From a token in a public URL to the link, its report and the workspace scope to build the
 * report in. This is the one lookup of workspace data that starts without a workspace: the
 * token's hash finds the link, and the link's own workspace id makes the scope, so everything
 * after it goes through the scope as usual.
 *
 * Whatever is wrong (malformed, unknown, expired, revoked, paused, or a report that may not
 * be shared) the answer is the same `null`, so a caller cannot tell a guesser which it was.
 */
import { eq, sql } from "drizzle-orm";
import type { WorkspaceScope } from "#db/scoped";
import { getDb, schema, scopeTo } from "~/db.server";
import type { Report } from "~/reports/reports.server";
import { linkState } from "./link-state";
import { hashShareToken, type ShareLink, shareRefusal } from "./share-links.server";

/** What newShareToken makes: 32 bytes in base64url without padding, 43 characters. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === "string" && TOKEN_FORMAT.test(token);
}

export interface ResolvedShareLink {
  link: ShareLink;
  report: Report;
  scope: WorkspaceScope;
}

export function resolveShareLink(
  token: string | undefined,
  now = new Date(),
): ResolvedShareLink | null {
  // Rejected before any lookup: no query for text that no token can be.
  if (!isWellFormedToken(token)) return null;
  const db = getDb();
  const link = db
    .select()
    .from(schema.shareLinks)
    .where(eq(schema.shareLinks.tokenHash, hashShareToken(token)))
    .get();
  if (!link || linkState(link, now) !== "active") return null;
  const scope = scopeTo(db, link.workspaceId);
  const report = scope.first(schema.reports, eq(schema.reports.id, link.reportId));
  if (!report || shareRefusal(report)) return null;
  return { link, report, scope };
}

/** Counts an opening of the report (not of the password form) and when it happened. */
export function recordShareOpening(resolved: ResolvedShareLink, now = new Date()): void {
  const { scope, link } = resolved;
  scope.db
    .update(schema.shareLinks)
    .set({ viewCount: sql`${schema.shareLinks.viewCount} + 1`, lastOpenedAt: now })
    .where(scope.where(schema.shareLinks, eq(schema.shareLinks.id, link.id)))
    .run();
}
