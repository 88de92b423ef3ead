/**
 * Next best offers of a run's members, ranked on the queue (with a notification plan, by
 * jobs/handlers/notification-plan.ts) and read by the customer page and the Notifications
 * page. Read back only for customers the legal basis lets us analyse today.
 */
import { eq } from "drizzle-orm";
import { nextBestOffers } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { isoFromDayNumber } from "~/analytics/day-number";
import type { OfferReason } from "~/analytics/next-best-offer";
import { analysableSql, processingBasisOf } from "~/customers/analysable.server";
import { csvLines } from "~/customers/csv";
import { rankOffersForRun } from "./next-best-offers.server";
import { OFFER_HORIZON_DAYS, OFFERS_PER_CUSTOMER } from "./offer-horizon";

export { OFFER_HORIZON_DAYS, OFFERS_PER_CUSTOMER } from "./offer-horizon";

/** Ranks every analysable member of the run and replaces the run's stored offers. */
export function storeRunOffers(scope: WorkspaceScope, runId: number): number {
  const { today, members } = rankOffersForRun(scope, {
    runId,
    horizonDays: OFFER_HORIZON_DAYS,
    limit: OFFERS_PER_CUSTOMER,
    customers: Number.POSITIVE_INFINITY,
  });
  const asOf = isoFromDayNumber(today);
  const insert = scope.sql(
    `INSERT INTO next_best_offers (workspace_id, run_id, customer_id, customer_external_id,
       segment, rank, category, propensity, value, expected_value, reason, as_of)
     VALUES (@workspace, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let stored = 0;
  scope.db.transaction(() => {
    scope.delete(nextBestOffers, eq(nextBestOffers.runId, runId));
    for (const member of members)
      member.offers.forEach((offer, rank) => {
        insert.run(
          runId,
          member.profileId,
          member.customer,
          member.segment,
          rank + 1,
          offer.category,
          offer.propensity,
          offer.value,
          offer.expectedValue,
          JSON.stringify(offer.reason),
          asOf,
        );
        stored++;
      });
  });
  return stored;
}

export interface StoredOffer {
  customerId: number;
  customer: string | null;
  /** The profile's name, for naming the customer by name and own id. */
  name: string | null;
  segment: string;
  rank: number;
  category: string;
  propensity: number;
  value: number;
  expectedValue: number;
  reason: OfferReason;
  asOf: string;
  runId: number;
}

type OfferRow = [
  number,
  string | null,
  string,
  number,
  string,
  number,
  number,
  number,
  string,
  string,
  number,
  string | null,
];

const COLUMNS = `o.customer_id, o.customer_external_id, o.segment, o.rank, o.category, o.propensity,
  o.value, o.expected_value, o.reason, o.as_of, o.run_id, c.name`;

function offerOf(row: OfferRow): StoredOffer {
  const [customerId, customer, segment, rank, category, propensity, value, expectedValue] = row;
  return {
    customerId,
    customer,
    name: row[11],
    segment,
    rank,
    category,
    propensity,
    value,
    expectedValue,
    reason: JSON.parse(row[8]) as OfferReason,
    asOf: row[9],
    runId: row[10],
  };
}

/** The segment's members' offers (all segments when `segment` is undefined), by customer. */
export function segmentOffers(
  scope: WorkspaceScope,
  runId: number,
  segment: string | undefined,
  customers = Number.POSITIVE_INFINITY,
): StoredOffer[] {
  const basis = processingBasisOf(scope);
  const rows = scope
    .sql(
      `SELECT ${COLUMNS} FROM next_best_offers AS o
       JOIN customers AS c ON c.id = o.customer_id AND c.workspace_id = o.workspace_id
       WHERE o.workspace_id = @workspace AND o.run_id = ? AND (? IS NULL OR o.segment = ?)
         AND ${analysableSql(basis, "c")}
         AND o.customer_id IN (
           SELECT DISTINCT customer_id FROM next_best_offers
           WHERE workspace_id = @workspace AND run_id = ? AND (? IS NULL OR segment = ?)
           ORDER BY customer_id LIMIT ?)
       ORDER BY o.customer_id, o.rank`,
    )
    .raw()
    .all(
      runId,
      segment ?? null,
      segment ?? null,
      runId,
      segment ?? null,
      segment ?? null,
      Number.isFinite(customers) ? customers : -1,
    ) as OfferRow[];
  return rows.map(offerOf);
}

/** A customer's offers from the latest run that ranked them, or [] (also when not analysable). */
export function customerOffers(scope: WorkspaceScope, customerId: number): StoredOffer[] {
  const basis = processingBasisOf(scope);
  const rows = scope
    .sql(
      `SELECT ${COLUMNS} FROM next_best_offers AS o
       JOIN customers AS c ON c.id = o.customer_id AND c.workspace_id = o.workspace_id
       WHERE o.workspace_id = @workspace AND o.customer_id = ? AND ${analysableSql(basis, "c")}
         AND o.run_id = (SELECT max(run_id) FROM next_best_offers
                         WHERE workspace_id = @workspace AND customer_id = ?)
       ORDER BY o.rank`,
    )
    .raw()
    .all(customerId, customerId) as OfferRow[];
  return rows.map(offerOf);
}

/** The latest run with stored offers, for a download that names no run. */
export function latestOfferRun(scope: WorkspaceScope): number | undefined {
  return (
    (scope
      .sql("SELECT max(run_id) FROM next_best_offers WHERE workspace_id = @workspace")
      .pluck()
      .get() as number | null) ?? undefined
  );
}

/** The reason as the CLI words it, for the CSV (data stays in English, as other exports). */
export function offerReasonEnglish(offer: StoredOffer): string {
  const { reason } = offer;
  return reason.kind === "repeat"
    ? `bought ${offer.category} every ${Math.round(reason.everyDays)} days, last ${reason.lastDaysAgo} days ago`
    : `${Math.round(reason.share * 1000) / 10} % of segment ${offer.segment} bought ${offer.category}`;
}

export function offersCsvLines(offers: readonly StoredOffer[]): Generator<string> {
  return csvLines(
    [
      "customer_id",
      "segment",
      "rank",
      "offer",
      "propensity",
      "value",
      "expected_value",
      "reason",
      "as_of",
    ],
    offers,
    (o) => [
      o.customer ?? String(o.customerId),
      o.segment,
      o.rank,
      o.category,
      Math.round(o.propensity * 10_000) / 10_000,
      Math.round(o.value * 100) / 100,
      Math.round(o.expectedValue * 100) / 100,
      offerReasonEnglish(o),
      o.asOf,
    ],
  );
}
