/**
 * "Latest reports" (the Reports list's newest five) and "Next scheduled e-mails" (soonest
 * first, paused ones left out, recipients counted, not shown).
 */
import { describe, expect, it } from "vitest";
import { reportDeliveries, reports } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { latestReports } from "~/dashboard/latest-reports.server";
import { nextDeliveries } from "~/dashboard/next-deliveries.server";
import { englishMessage } from "~/i18n/english";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "./support";

const { db } = setUpTestDb();
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

function addReport(scope: WorkspaceScope, title: string, createdDay: number, snapshot: boolean) {
  return scope.insert(reports, {
    kind: "campaign-roi",
    title,
    params: {},
    mode: snapshot ? "snapshot" : "live",
    snapshot: snapshot ? {} : null,
    snapshotAt: snapshot ? day(createdDay) : null,
    createdAt: day(createdDay),
  }).id;
}

describe("latestReports and nextDeliveries", () => {
  const { scope } = addWorkspace(db, "rep-shop");
  const other = addWorkspace(db, "rep-other");
  const ids = [1, 2, 3, 4, 5, 6].map((n) => addReport(scope, `Report ${n}`, n, n % 2 === 0));
  const theirs = addReport(other.scope, "Theirs", 9, true);

  it("lists the five newest reports of the workspace, newest first", () => {
    const latest = latestReports(scope);
    expect(latest.total).toBe(6);
    expect(latest.reports.map((r) => r.title)).toEqual([
      "Report 6",
      "Report 5",
      "Report 4",
      "Report 3",
      "Report 2",
    ]);
    expect(latest.reports[0]).toEqual({
      id: ids[5],
      kind: "campaign-roi",
      title: "Report 6",
      mode: "snapshot",
      takenAt: day(6).toISOString(),
    });
    expect(latest.reports[1]).toMatchObject({ mode: "live", takenAt: day(5).toISOString() });
    expect(latestReports(addWorkspace(db, "rep-empty").scope)).toEqual({ reports: [], total: 0 });
  });

  it("lists scheduled e-mails soonest first, without paused ones or other workspaces'", () => {
    const deliver = (
      s: WorkspaceScope,
      reportId: number,
      cron: string,
      nextRunAt: Date | null,
      recipients: string[],
      pausedAt: Date | null = null,
    ) =>
      s.insert(reportDeliveries, {
        reportId,
        cadence: "weekly",
        cron,
        recipients,
        nextRunAt,
        pausedAt,
      }).id;
    const monthly = deliver(scope, ids[0] as number, "0 8 1 * *", day(30), ["a@x.test"]);
    const weekly = deliver(scope, ids[1] as number, "0 9 * * 1", day(23), ["a@x.test", "b@x.test"]);
    deliver(scope, ids[2] as number, "0 9 * * 2", null, ["c@x.test"], day(20));
    deliver(other.scope, theirs, "0 9 * * 1", day(21), ["z@x.test"]);

    const inEnglish = nextDeliveries(scope).map((d) => ({
      ...d,
      inWords: englishMessage(d.inWords),
    }));
    expect(inEnglish).toEqual([
      {
        id: weekly,
        reportId: ids[1],
        reportTitle: "Report 2",
        nextRunAt: day(23).toISOString(),
        inWords: "Every Monday at 09:00 (Europe/Istanbul)",
        recipients: 2,
        lastError: null,
      },
      {
        id: monthly,
        reportId: ids[0],
        reportTitle: "Report 1",
        nextRunAt: day(30).toISOString(),
        inWords: "Monthly on the 1st at 08:00 (Europe/Istanbul)",
        recipients: 1,
        lastError: null,
      },
    ]);
  });
});
