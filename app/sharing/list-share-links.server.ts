/**
 * The workspace's share links (optionally of one report) with what the links tables show:
 * report title, creator, dates, opening count and state. Newest first.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { WorkspaceScope } from "#db/scoped";
import { schema } from "~/db.server";
import { type LinkState, linkState } from "./link-state";

export interface ShareLinkRow {
  id: number;
  reportId: number;
  reportTitle: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  lastOpenedAt: string | null;
  viewCount: number;
  password: boolean;
  allowDateRange: boolean;
  /** The link the scheduled e-mails of a delivery carry (replaced with each e-mail). */
  delivery: boolean;
  state: LinkState;
}

export function listShareLinks(
  scope: WorkspaceScope,
  options: { reportId?: number; now?: Date } = {},
): ShareLinkRow[] {
  const l = schema.shareLinks;
  const now = options.now ?? new Date();
  const rows = scope.db
    .select({
      link: l,
      reportTitle: schema.reports.title,
      creator: schema.users.name,
      deliveryId: schema.reportDeliveries.id,
    })
    .from(l)
    .innerJoin(schema.reports, eq(schema.reports.id, l.reportId))
    .leftJoin(schema.users, eq(schema.users.id, l.createdBy))
    .leftJoin(
      schema.reportDeliveries,
      and(
        isNotNull(schema.reportDeliveries.shareLinkId),
        eq(schema.reportDeliveries.shareLinkId, l.id),
      ),
    )
    .where(
      scope.where(l, options.reportId === undefined ? undefined : eq(l.reportId, options.reportId)),
    )
    .orderBy(desc(l.createdAt), desc(l.id))
    .all();
  return rows.map(({ link, reportTitle, creator, deliveryId }) => ({
    id: link.id,
    reportId: link.reportId,
    reportTitle,
    createdBy: creator,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    lastOpenedAt: link.lastOpenedAt?.toISOString() ?? null,
    viewCount: link.viewCount,
    password: link.passwordHash !== null,
    allowDateRange: link.allowDateRange,
    delivery: deliveryId !== null,
    state: linkState(link, now),
  }));
}

/**
 * How many links open this report now: the report page says, when editing, that its links
 * will show the edited version.
 */
export function openShareLinkCount(
  scope: WorkspaceScope,
  reportId: number,
  now = new Date(),
): number {
  return listShareLinks(scope, { reportId, now }).filter((l) => l.state === "active").length;
}
