/**
 * "Next deliveries": the scheduled report e-mails that will go out next, soonest first.
 * A paused delivery has no next run (delivery/deliveries.server.ts) and is not listed. The
 * card shows how many recipients, not their addresses.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { reportDeliveries, reports } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { cadenceMessage } from "~/delivery/cadence";
import { workspaceTimeZone } from "~/scraping/sources.server";

export const NEXT_DELIVERIES = 5;

export interface NextDelivery {
  id: number;
  reportId: number;
  reportTitle: string;
  nextRunAt: string;
  inWords: string;
  recipients: number;
  lastError: string | null;
}

export function nextDeliveries(scope: WorkspaceScope): NextDelivery[] {
  const d = reportDeliveries;
  const timeZone = workspaceTimeZone(scope);
  return scope.db
    .select({
      id: d.id,
      reportId: d.reportId,
      reportTitle: reports.title,
      nextRunAt: d.nextRunAt,
      cron: d.cron,
      recipients: d.recipients,
      lastError: d.lastError,
    })
    .from(d)
    .innerJoin(reports, and(eq(reports.id, d.reportId), eq(reports.workspaceId, d.workspaceId)))
    .where(scope.where(d, isNull(d.pausedAt), isNotNull(d.nextRunAt)))
    .orderBy(asc(d.nextRunAt), asc(d.id))
    .limit(NEXT_DELIVERIES)
    .all()
    .map((row) => ({
      id: row.id,
      reportId: row.reportId,
      reportTitle: row.reportTitle,
      nextRunAt: (row.nextRunAt as Date).toISOString(),
      inWords: cadenceMessage(row.cron, timeZone),
      recipients: row.recipients.length,
      lastError: row.lastError,
    }));
}
