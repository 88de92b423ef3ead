/**
 * Next best offers for the members of a run (docs/analytics.md §22): per analysable customer,
 * categories ranked by propensity × value from their own purchases and their segment's,
 * without what they hold or declined in the 30 days before the run's reference day.
 */
import type { WorkspaceScope } from "#db/scoped";
import { dayNumber, isoFromDayNumber } from "~/analytics/day-number";
import {
  type CategoryFacts,
  type CategoryHistory,
  nextBestOffers,
  type OfferSuggestion,
} from "~/analytics/next-best-offer";
import { median } from "~/analytics/stats";
import { loadConsentedCustomers } from "~/segments/consented-customers.server";
import { loadSegmentMembers, runReferenceDate } from "~/segments/segment-members.server";
import { loadTransactionColumns } from "~/segments/transaction-columns.server";

const DECLINE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface NextBestOfferRequest {
  runId: number;
  horizonDays: number;
  limit: number;
  /** Only this customer (their own id in a source file). */
  customer?: string;
  /** At most this many customers listed. */
  customers: number;
}

/** One member's ranked offers, with the profile id the stored table keys them by. */
export interface RankedMember {
  profileId: number;
  customer: string | null;
  segment: string;
  offers: OfferSuggestion[];
}

/**
 * The ranking behind the CLI's JSON and the stored table (jobs/handlers/notification-plan.ts):
 * each analysable member's offers with structured reasons, in profile id order.
 */
export function rankOffersForRun(scope: WorkspaceScope, request: NextBestOfferRequest) {
  const members = loadSegmentMembers(scope, request.runId);
  const consented = loadConsentedCustomers(scope);
  const tx = loadTransactionColumns(scope, consented.index, { withCategory: true });
  const categories = tx.categories ?? [];
  const reference = runReferenceDate(members.run);
  let today = 0;
  for (let r = 0; r < tx.rows; r++) today = Math.max(today, (tx.day[r] as number) + 1);
  if (reference) today = dayNumber(reference);

  const segmentOfCustomer = new Map<number, string>();
  const assignments = scope
    .sql(
      "SELECT customer_id, segment FROM segment_assignments WHERE workspace_id = @workspace AND run_id = ?",
    )
    .raw()
    .all(request.runId) as [number, string][];
  for (const [id, segment] of assignments) segmentOfCustomer.set(id, segment);

  // Per customer position × category: purchase days and spend (before the reference day).
  const histories = new Map<number, Map<number, { days: number[]; spend: number }>>();
  for (let r = 0; r < tx.rows; r++) {
    const category = tx.categoryIndex?.[r] ?? -1;
    const day = tx.day[r] as number;
    if (category < 0 || tx.isReturn[r] || day >= today) continue;
    const c = tx.customerIndex[r] as number;
    const own = histories.get(c) ?? new Map();
    histories.set(c, own);
    const entry = own.get(category) ?? { days: [], spend: 0 };
    if (entry.days[entry.days.length - 1] !== day) entry.days.push(day);
    entry.spend += tx.amount[r] as number;
    own.set(category, entry);
  }

  // Category facts: buyers per segment, spend per purchase, whether people buy it again.
  const segmentSizes = new Map<string, number>();
  for (const segment of segmentOfCustomer.values())
    segmentSizes.set(segment, (segmentSizes.get(segment) ?? 0) + 1);
  const buyersBySegment = categories.map(() => new Map<string, number>());
  const purchasesPerBuyer = categories.map(() => [] as number[]);
  const spendPerCategory = new Float64Array(categories.length);
  for (const [c, own] of histories) {
    const segment = segmentOfCustomer.get(consented.index.ids[c] as number);
    for (const [category, entry] of own) {
      purchasesPerBuyer[category]?.push(entry.days.length);
      spendPerCategory[category] = (spendPerCategory[category] as number) + entry.spend;
      if (segment !== undefined) {
        const map = buyersBySegment[category] as Map<string, number>;
        map.set(segment, (map.get(segment) ?? 0) + 1);
      }
    }
  }
  const factsFor = (segment: string): CategoryFacts[] =>
    categories.map((category, k) => {
      const purchases = purchasesPerBuyer[k] ?? [];
      const totalPurchases = purchases.reduce((s, n) => s + n, 0);
      return {
        category,
        segmentBuyerShare:
          (buyersBySegment[k]?.get(segment) ?? 0) / (segmentSizes.get(segment) || 1),
        meanSpendPerPurchase:
          totalPurchases > 0 ? (spendPerCategory[k] as number) / totalPurchases : 0,
        repeatable: purchases.length > 0 && median(purchases) >= 2,
      };
    });

  const externalIds = new Map<number, string>();
  for (const [id, externalId] of scope
    .sql(
      `SELECT customer_id, min(external_id) FROM customer_sources WHERE workspace_id = @workspace
       GROUP BY customer_id`,
    )
    .raw()
    .all() as [number, string][])
    externalIds.set(id, externalId);
  const declined = new Map<string, Set<string>>();
  for (const [externalId, offer] of scope
    .sql(
      `SELECT customer_external_id, coalesce(category, offer) FROM responses
       WHERE workspace_id = @workspace AND sent_at >= ? AND sent_at < ? AND coalesce(converted, 0) = 0
         AND coalesce(category, offer) IS NOT NULL`,
    )
    .raw()
    .all((today - DECLINE_WINDOW_DAYS) * DAY_MS, today * DAY_MS) as [string, string][]) {
    const set = declined.get(externalId) ?? new Set<string>();
    set.add(offer);
    declined.set(externalId, set);
  }

  const factsBySegment = new Map<string, CategoryFacts[]>();
  const listed: RankedMember[] = [];
  for (const [id, segment] of [...segmentOfCustomer].sort((a, b) => a[0] - b[0])) {
    const position = consented.index.positionOf(id);
    if (position < 0) continue;
    const externalId = externalIds.get(id) ?? null;
    if (request.customer !== undefined && externalId !== request.customer) continue;
    const facts = factsBySegment.get(segment) ?? factsFor(segment);
    factsBySegment.set(segment, facts);
    const history: CategoryHistory[] = [...(histories.get(position) ?? [])].map(([k, entry]) => ({
      category: categories[k] as string,
      days: entry.days,
      spend: entry.spend,
    }));
    const offers = nextBestOffers({
      history,
      facts,
      declined: (externalId && declined.get(externalId)) || new Set(),
      today,
      horizonDays: request.horizonDays,
      limit: request.limit,
    });
    if (offers.length === 0) continue;
    listed.push({ profileId: id, customer: externalId, segment, offers });
    if (listed.length >= request.customers) break;
  }
  return { today, exclusion: members.exclusion, members: listed };
}

export function nextBestOffersForRun(scope: WorkspaceScope, request: NextBestOfferRequest) {
  const { today, exclusion, members } = rankOffersForRun(scope, request);
  const listed = members.map(({ customer, segment, offers }) => ({
    customer,
    segment,
    offers: offers.map((o) => ({
      category: o.category,
      propensity: Math.round(o.propensity * 10_000) / 10_000,
      value: Math.round(o.value * 100) / 100,
      expected_value: Math.round(o.expectedValue * 100) / 100,
      reason:
        o.reason.kind === "repeat"
          ? `bought ${o.category} every ${Math.round(o.reason.everyDays)} days, last ${o.reason.lastDaysAgo} days ago`
          : `${Math.round(o.reason.share * 1000) / 10} % of segment ${segment} bought ${o.category}`,
    })),
  }));
  return {
    run_id: request.runId,
    as_of: isoFromDayNumber(today),
    horizon_days: request.horizonDays,
    ...exclusion,
    customers: listed,
  };
}
