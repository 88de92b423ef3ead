/**
 * "Revenue, last 30 days": net sales of the 30 days up to the workspace's latest sale,
 * against the 30 days before them, in the reporting currency.
 *
 * Why anchored to the latest sale and not to today: sales arrive as exported files, often
 * weeks old. Anchored to today, a workspace whose last export ended in October would show
 * zero for November and a fall of 100 %, which says nothing about the business. The card
 * names both windows and says how many days before today the latest sale was.
 *
 * Rules (docs/analytics.md, "Home dashboard"):
 * - Days are the days written in the files (stored as UTC wall time, as in RFM). The current
 *   window is the latest sale's day and the 29 days before it; the previous window the 30
 *   days before that. "Today", a moment, is the day it is in the workspace's time zone, so
 *   "the latest sale was yesterday" agrees with the marketer's calendar.
 * - Revenue is net, as RFM's monetary value: purchases minus the absolute amounts of
 *   returns (a line flagged as a return or with a negative amount).
 * - Only sales analyses may use: of customers the legal basis lets analyses use, and sales
 *   linked to no person. A sale still waiting for its profile has no recorded consent, so it
 *   counts as a customer with unknown consent would. Left-out sales are counted, not added.
 * - Change = (current − previous) / previous, only when the previous window's revenue is
 *   above zero; else no percentage, with the reason.
 *
 * The figures move only when the data do, so they are kept per workspace under the data
 * marks (workspace-cache.server.ts) and not read again on every visit.
 */
import {
  analysableSql,
  type ProcessingBasis,
  processingBasisOf,
} from "~/customers/analysable.server";
import { type ReportingCurrency, reportingCurrency } from "~/customers/reporting-currency.server";
import type { WorkspaceScope } from "~/db.server";
import { dayInTimeZone } from "~/time-zone";
import {
  createWorkspaceCache,
  marksKey,
  type WorkspaceDataMarks,
  workspaceDataMarks,
} from "~/workspace-cache.server";

export const WINDOW_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/** Why there is no percentage change (the card words it). */
export type ChangeReason = "no-previous-sales" | "previous-not-positive";

export interface RevenueWindow {
  /** First and last day, YYYY-MM-DD (UTC), both included. */
  from: string;
  to: string;
  revenue: number;
  sales: number;
}

export type RevenueTrend =
  | { status: "no-sales"; excludedSales: number; money: ReportingCurrency }
  | {
      status: "ok";
      /** Day of the latest counted sale: the end of the current window. */
      latestSale: string;
      /** Whole days from the latest sale's day to today's (in the workspace's zone). */
      daysSinceLatestSale: number;
      current: RevenueWindow;
      previous: RevenueWindow;
      /** (current − previous) / previous, or null with `changeReason`. */
      change: number | null;
      changeReason: ChangeReason | null;
      /** Sales in the two windows left out because the basis excludes their customer. */
      excludedSales: number;
      money: ReportingCurrency;
    };

const isoDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Whether a sale counts, over `transactions t LEFT JOIN customers c`. */
function countedSql(basis: ProcessingBasis): string {
  const analysable = analysableSql(basis, "c");
  const waiting = basis === "consent" ? "0" : "1";
  return `CASE
      WHEN t.customer_id IS NOT NULL THEN coalesce(${analysable}, 0)
      WHEN t.customer_external_id IS NOT NULL THEN ${waiting}
      ELSE 1 END`;
}

const NET_AMOUNT =
  "CASE WHEN t.is_return = 1 OR t.amount < 0 THEN -abs(t.amount) ELSE t.amount END";

const SALES =
  "FROM transactions t LEFT JOIN customers c ON c.id = t.customer_id AND c.workspace_id = t.workspace_id";

interface Stored {
  latestDay: number | null;
  windows: { current: RevenueWindow; previous: RevenueWindow } | null;
  excludedSales: number;
  money: ReportingCurrency;
}

function readRevenue(
  scope: WorkspaceScope,
  basis: ProcessingBasis,
  marks: WorkspaceDataMarks,
): Stored {
  return { ...readSales(scope, basis), money: reportingCurrency(scope, marks) };
}

interface WindowRow {
  is_current: number;
  counted: number;
  revenue: number;
  sales: number;
  /** The latest sale of the group, when the group's sales count. */
  latest_counted: number | null;
}

/** Sales of the two windows ending on `anchorDay`, by window and by whether they count. */
function windowRows(scope: WorkspaceScope, counted: string, anchorDay: number): WindowRow[] {
  const currentStart = (anchorDay - WINDOW_DAYS + 1) * MS_PER_DAY;
  return scope
    .sql(
      `SELECT t.occurred_at >= @currentStart AS is_current, (${counted}) AS counted,
              coalesce(sum(${NET_AMOUNT}), 0) AS revenue, count(*) AS sales,
              max(CASE WHEN (${counted}) = 1 THEN t.occurred_at END) AS latest_counted
         ${SALES}
        WHERE t.workspace_id = @workspace
          AND t.occurred_at >= @previousStart AND t.occurred_at < @end
        GROUP BY 1, 2`,
    )
    .all<WindowRow>({
      currentStart,
      previousStart: currentStart - WINDOW_DAYS * MS_PER_DAY,
      end: (anchorDay + 1) * MS_PER_DAY,
    });
}

const dayOf = (ms: number) => Math.floor(ms / MS_PER_DAY);

/**
 * Why not simply max(occurred_at) of the counted sales: that looks up the customer of every
 * sale of the workspace (0.5 s on the demo's 300k sales, there being no index by date).
 * The latest sale of all is a plain scan; the latest counted one is nearly always in the
 * 60 days up to it, so the window query finds it, and only a workspace whose last 60 days
 * are all left out pays for the full lookup.
 */
function readSales(scope: WorkspaceScope, basis: ProcessingBasis): Omit<Stored, "money"> {
  const counted = countedSql(basis);
  const latestOfAll = scope
    .sql("SELECT max(occurred_at) FROM transactions WHERE workspace_id = @workspace")
    .pluck()
    .get<number | null>() as number | null;
  if (latestOfAll === null) return { latestDay: null, windows: null, excludedSales: 0 };
  let rows = windowRows(scope, counted, dayOf(latestOfAll));
  let latestCounted = Math.max(...rows.map((r) => r.latest_counted ?? Number.NEGATIVE_INFINITY));
  if (!Number.isFinite(latestCounted)) {
    const found = scope
      .sql(
        `SELECT max(t.occurred_at) ${SALES} WHERE t.workspace_id = @workspace AND (${counted}) = 1`,
      )
      .pluck()
      .get<number | null>() as number | null;
    if (found === null) {
      const all = scope
        .sql("SELECT count(*) FROM transactions WHERE workspace_id = @workspace")
        .pluck()
        .get<number>() as number;
      return { latestDay: null, windows: null, excludedSales: all };
    }
    latestCounted = found;
  }
  const latestDay = dayOf(latestCounted);
  if (latestDay !== dayOf(latestOfAll)) rows = windowRows(scope, counted, latestDay);
  const windowOf = (isCurrent: boolean): RevenueWindow => {
    const row = rows.find((r) => r.counted === 1 && r.is_current === (isCurrent ? 1 : 0));
    const firstDay = isCurrent ? latestDay - WINDOW_DAYS + 1 : latestDay - 2 * WINDOW_DAYS + 1;
    return {
      from: isoDay(firstDay),
      to: isoDay(firstDay + WINDOW_DAYS - 1),
      revenue: row?.revenue ?? 0,
      sales: row?.sales ?? 0,
    };
  };
  return {
    latestDay,
    windows: { current: windowOf(true), previous: windowOf(false) },
    excludedSales: rows.filter((r) => r.counted === 0).reduce((sum, r) => sum + r.sales, 0),
  };
}

const kept = createWorkspaceCache<Stored>();

/**
 * `marks`: the workspace's data marks when the caller has read them already; `timeZone`:
 * the workspace's, which decides what day `now` is.
 */
export function revenueTrend(
  scope: WorkspaceScope,
  now: Date = new Date(),
  marks: WorkspaceDataMarks = workspaceDataMarks(scope),
  timeZone = "UTC",
): RevenueTrend {
  // The reporting currency's own key (files, sales) is part of this one, so it is kept too.
  const key = marksKey(marks);
  const stored = kept.get(scope.workspaceId, key, () =>
    readRevenue(scope, processingBasisOf(scope), marks),
  );
  const money = stored.money;
  if (stored.latestDay === null || stored.windows === null)
    return { status: "no-sales", excludedSales: stored.excludedSales, money };
  const { current, previous } = stored.windows;
  let change: number | null = null;
  let changeReason: ChangeReason | null = null;
  if (previous.sales === 0) changeReason = "no-previous-sales";
  else if (previous.revenue <= 0) changeReason = "previous-not-positive";
  else change = (current.revenue - previous.revenue) / previous.revenue;
  return {
    status: "ok",
    latestSale: isoDay(stored.latestDay),
    daysSinceLatestSale: dayInTimeZone(now, timeZone) - stored.latestDay,
    current,
    previous,
    change,
    changeReason,
    excludedSales: stored.excludedSales,
    money,
  };
}
