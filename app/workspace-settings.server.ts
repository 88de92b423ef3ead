/**
 * A workspace's name, time zone and reporting currency (Settings). Editors and owners change
 * them (the route checks the role); every change is audited with the old and new values.
 *
 * The time zone is the one schedules fire in and moments are shown in (time-zone.ts); so a
 * new zone moves the next run of every active scraper source and report delivery at once,
 * as if it had been saved again now. A currency only names the unit amounts are shown in:
 * nothing is converted, and "" goes back to the currency of the sales
 * (customers/reporting-currency.server.ts).
 */
import { eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { WorkspaceScope } from "#db/scoped";
import { nextDueAfter } from "#jobs/schedule";
import { audit } from "./audit.server";
import { getDb, schema } from "./db.server";
import { nextDeliveryRun } from "./delivery/next-run";
import { message } from "./i18n/message";
import { isTimeZone } from "./time-zone";
import type { Workspace } from "./workspace.server";

let currencies: Set<string> | undefined;

/** ISO 4217 codes this runtime can write ("TRY", "EUR", ...). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies.has(code);
}

export const WorkspaceSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, message("workspace:errors.enterName"))
    .max(100, message("workspace:errors.nameTooLong", { max: 100 })),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, {
      error: (issue) =>
        message("workspace:errors.unknownTimeZone", { zone: String(issue.input ?? "") }),
    }),
  /** "" = derived from the sales. */
  reportingCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => code === "" || isCurrencyCode(code), {
      error: (issue) =>
        message("workspace:errors.unknownCurrency", { code: String(issue.input ?? "") }),
    }),
});

export type WorkspaceSettingsInput = z.input<typeof WorkspaceSettingsSchema>;

/**
 * Saves the settings; returns the workspace as it is now. `actorUserId` null = the command
 * line. Values left out keep what the workspace has (the CLI sets one at a time).
 */
export function updateWorkspaceSettings(
  scope: WorkspaceScope,
  actorUserId: number | null,
  input: Partial<WorkspaceSettingsInput>,
  now: Date = new Date(),
): Workspace {
  const db = getDb();
  const byId = eq(schema.workspaces.id, scope.workspaceId);
  return db.transaction((tx) => {
    const before = tx.select().from(schema.workspaces).where(byId).get();
    if (!before) throw new Error(`No workspace ${scope.workspaceId}`);
    const settings = WorkspaceSettingsSchema.parse({
      name: input.name ?? before.name,
      timeZone: input.timeZone ?? before.timeZone,
      reportingCurrency: input.reportingCurrency ?? before.reportingCurrency ?? "",
    });
    const wanted = {
      name: settings.name,
      timeZone: settings.timeZone,
      reportingCurrency: settings.reportingCurrency || null,
    };
    const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).filter(
      (key) => before[key] !== wanted[key],
    );
    if (changed.length === 0) return before;
    const workspace = tx.update(schema.workspaces).set(wanted).where(byId).returning().get();
    if (changed.includes("timeZone")) rescheduleIn(scope, wanted.timeZone, now);
    audit({
      workspaceId: scope.workspaceId,
      actorUserId,
      action: "workspace.settings_changed",
      target: `workspace:${scope.workspaceId}`,
      details: {
        ...Object.fromEntries(changed.map((key) => [key, { from: before[key], to: wanted[key] }])),
        via: actorUserId ? "settings" : "cli",
      },
    });
    return workspace;
  });
}

/** Next runs of active sources and deliveries, counted again in the new zone from `now`. */
function rescheduleIn(scope: WorkspaceScope, timeZone: string, now: Date) {
  const { sources, reportDeliveries } = schema;
  const active = scope.select(sources, eq(sources.enabled, true), isNotNull(sources.nextRunAt));
  for (const source of active) {
    let nextRunAt: Date | null;
    try {
      nextRunAt = nextDueAfter(source.schedule, timeZone, now);
    } catch {
      // A schedule croner cannot read keeps its old time; the scheduler reports it.
      continue;
    }
    scope.update(sources, { nextRunAt }, eq(sources.id, source.id));
  }
  for (const delivery of scope.select(reportDeliveries, isNull(reportDeliveries.pausedAt))) {
    const nextRunAt = nextDeliveryRun(delivery.cron, timeZone, now);
    scope.update(reportDeliveries, { nextRunAt }, eq(reportDeliveries.id, delivery.id));
  }
}
