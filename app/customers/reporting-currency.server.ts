/**
 * The workspace's reporting currency: the currency that amounts on its pages are shown in.
 * A currency chosen in Settings (workspaces.reporting_currency) wins; without one it is the
 * currency of the workspace's sales when (nearly) all of them share one; sales
 * without a currency are left out of the count. When several currencies mix with none at
 * 90 % or more, amounts are shown without a symbol and the pages say that they were added
 * as they are (nothing is converted).
 *
 * Counting by currency reads every sale of the workspace (no index holds the currency:
 * about 0.3 s on 1M sales), so the answer is kept per workspace under a key of cheap
 * counts (workspace-cache.server.ts): its datasets and its number of sales.
 */
import { count, isNotNull } from "drizzle-orm";
import { transactions } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import {
  createWorkspaceCache,
  marksKey,
  type WorkspaceDataMarks,
  workspaceDataMarks,
} from "~/workspace-cache.server";

/** The share one currency needs to be the reporting currency. */
export const MAJORITY_SHARE = 0.9;

export interface CurrencyShare {
  currency: string;
  /** Of the sales that name a currency, 0..1. */
  share: number;
}

export interface ReportingCurrency {
  /** ISO code to show amounts in, or null when there is none or no clear majority. */
  currency: string | null;
  /** Every currency's share, largest first, when several mix below the majority; else []. */
  mixed: CurrencyShare[];
}

/** The rule on counts of sales per currency (nulls already left out). */
export function chooseReportingCurrency(
  counts: readonly { currency: string; sales: number }[],
): ReportingCurrency {
  const total = counts.reduce((sum, c) => sum + c.sales, 0);
  if (total === 0) return { currency: null, mixed: [] };
  const shares = counts
    .map((c) => ({ currency: c.currency, share: c.sales / total }))
    .sort((a, b) => b.share - a.share || a.currency.localeCompare(b.currency));
  const top = shares[0] as CurrencyShare;
  return top.share >= MAJORITY_SHARE
    ? { currency: top.currency, mixed: [] }
    : { currency: null, mixed: shares };
}

/** Sales per currency, read now (one pass over the workspace's sales). */
function salesPerCurrency(scope: WorkspaceScope) {
  return scope.db
    .select({ currency: transactions.currency, sales: count() })
    .from(transactions)
    .where(scope.where(transactions, isNotNull(transactions.currency)))
    .groupBy(transactions.currency)
    .all()
    .map((row) => ({ currency: row.currency as string, sales: row.sales }));
}

const answers = createWorkspaceCache<ReportingCurrency>();

/** The currency the workspace's sales point to, counted again only when its data changed. */
export function derivedReportingCurrency(
  scope: WorkspaceScope,
  marks: WorkspaceDataMarks = workspaceDataMarks(scope),
): ReportingCurrency {
  // Files and the number of sales: a re-import can rewrite the currency of existing sales
  // without changing their number, an erasure changes the number.
  const key = marksKey(marks);
  return answers.get(scope.workspaceId, key, () =>
    chooseReportingCurrency(salesPerCurrency(scope)),
  );
}

/**
 * The workspace's reporting currency: the one chosen in Settings, else the derived one.
 * A chosen currency keeps the derived mix, so a page still says when amounts in several
 * currencies were added as they are (a setting names the currency, it converts nothing).
 */
export function reportingCurrency(
  scope: WorkspaceScope,
  marks: WorkspaceDataMarks = workspaceDataMarks(scope),
): ReportingCurrency {
  const derived = derivedReportingCurrency(scope, marks);
  if (!marks.currency || marks.currency === derived.currency) return derived;
  return { currency: marks.currency, mixed: derived.mixed };
}
