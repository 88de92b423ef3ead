/**
 * The cost of a future offer for one workspace: who counts as a new customer, their
 * activation curve for the target product, and the offer's figures with their units. The
 * Forecast page, the `offer-cost` CLI command and the "offer cost" report all call
 * offerCostForWorkspace, so they show the same numbers.
 */
import type { WorkspaceScope } from "#db/scoped";
import { dayNumber } from "~/analytics/day-number";
import {
  activationCurve,
  type NewCustomer,
  OfferCostInputError,
  offerFigures,
  type PaidFor,
} from "~/analytics/offer-cost";
import { analysisExclusion } from "~/customers/analysable.server";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { message } from "~/i18n/message-code";
import type { OfferRequest } from "./offer-cost-form";
import { customerActivations, productCatalogue, salesSpan } from "./offer-history.server";
import { resolveTarget, suggestionMessage, suggestTargets } from "./product-target";

/** Days in a month of the offer and of the window (the window's default end is months × 30). */
export const DAYS_PER_MONTH = 30;
/** Fewer new customers followed to the window's end than this give no usable rate. */
export const MIN_FOLLOWED_TO_WINDOW_END = 10;

export const PAID_FOR_TEXT: Record<PaidFor, string> = {
  "every-new-client":
    "Every new client of the month gets the offer for its full length, whether or not they buy the product (the upper bound of its cost; nobody leaves early).",
  "activated-clients":
    "Only the new clients who buy the product inside the window get the offer, for its full length (nobody leaves early).",
};

export interface Figure {
  value: number | null;
  unit: string;
  /** Why the value is null. */
  reason?: string;
}

export function offerCostForWorkspace(scope: WorkspaceScope, request: OfferRequest) {
  const catalogue = productCatalogue(scope);
  if (catalogue.length === 0)
    throw new OfferCostInputError(message("messages:offer.error.noCatalogue"), "product");
  const target = resolveTarget(catalogue, request.product);
  if (!target)
    throw new OfferCostInputError(
      message("messages:offer.error.unknownTarget", {
        product: request.product,
        suggestions: suggestionMessage(suggestTargets(catalogue, request.product)),
      }),
      "product",
    );
  const span = salesSpan(scope);
  if (!span) throw new OfferCostInputError(message("messages:offer.error.noSales"));
  const { customers, excluded, basis } = customerActivations(scope, target);
  const exclusion = analysisExclusion(basis, customers.length, excluded);
  if (exclusion.empty_reason)
    throw new OfferCostInputError(
      message(
        basis === "consent"
          ? "messages:offer.error.nobodyConsented"
          : "messages:offer.error.everybodyObjected",
        { excluded },
      ),
    );

  const historyStart = dayNumber(span.from);
  const observedUntil = dayNumber(span.to);
  const cohort: NewCustomer[] = [];
  let joinedBefore = 0;
  let withoutDate = 0;
  for (const c of customers) {
    const joined = c.signup ?? c.firstSeen;
    if (joined === null) withoutDate++;
    else if (dayNumber(joined) < historyStart) joinedBefore++;
    else if (dayNumber(joined) <= observedUntil)
      cohort.push({
        joinDay: dayNumber(joined),
        activationDay: c.firstPurchase === null ? null : dayNumber(c.firstPurchase),
      });
  }
  if (cohort.length === 0)
    throw new OfferCostInputError(
      message("messages:offer.error.noNewCustomers", {
        from: span.from,
        to: span.to,
        before: joinedBefore,
      }),
    );

  const fromDay = request.fromDay ?? 0;
  const toDay = request.toDay ?? request.months * DAYS_PER_MONTH;
  const horizon = Math.max(toDay + DAYS_PER_MONTH, Math.ceil(toDay * 1.5));
  const curve = activationCurve(cohort, observedUntil, horizon);
  const longest = cohort.reduce((max, c) => Math.max(max, observedUntil - c.joinDay), 0);
  if (longest < toDay)
    throw new OfferCostInputError(
      message("messages:offer.error.shortHistory", {
        longest,
        from: span.from,
        to: span.to,
        needed: toDay,
      }),
      "toDay",
    );
  // Customers who joined at least toDay days before the history ends: the window's rate
  // rests on them (the others are censored before its end).
  const followed = cohort.filter((c) => observedUntil - c.joinDay >= toDay).length;
  if (followed < MIN_FOLLOWED_TO_WINDOW_END)
    throw new OfferCostInputError(
      message("messages:offer.error.fewFollowed", {
        followed,
        total: cohort.length,
        days: toDay,
        to: span.to,
        least: MIN_FOLLOWED_TO_WINDOW_END,
      }),
      "toDay",
    );

  const historyMonths = (observedUntil - historyStart + 1) / DAYS_PER_MONTH;
  const observedPerMonth = cohort.length / historyMonths;
  const newPerMonth = request.newPerMonth ?? observedPerMonth;
  const figures = offerFigures(curve, {
    uplift: request.uplift,
    fromDay,
    toDay,
    months: request.months,
    costPerClientPerMonth: request.costPerMonth,
    newPerMonth,
    paidFor: request.paidFor,
  });

  const { currency } = reportingCurrency(scope);
  const money = currency ?? "money (no single currency)";
  const perCohort = "per month of new clients";
  const share = "share of new clients (0–1)";
  const clients = `clients ${perCohort}`;
  return {
    product: {
      query: request.product,
      matched: target.kind,
      label: target.label,
      codes: target.codes,
      names: target.names,
      categories: target.categories,
    },
    currency,
    window: { from_day: fromDay, to_day: toDay, unit: "days since joining" },
    assumptions: {
      paid_for: request.paidFor,
      paid_for_text: PAID_FOR_TEXT[request.paidFor],
      uplift_text: `The offer raises the share of new clients who first buy the product between day ${fromDay} and day ${toDay} after joining by ${(request.uplift * 100).toFixed(1)} % of itself; it does not change who would have bought anyway.`,
      days_per_month: DAYS_PER_MONTH,
    },
    inputs: {
      cost_per_month: { value: request.costPerMonth, unit: `${money} per client per month` },
      months: { value: request.months, unit: "months" },
      uplift: { value: request.uplift, unit: "relative (0.2 = +20 %)" },
      new_per_month: {
        value: newPerMonth,
        unit: "new clients per month",
        source: request.newPerMonth === undefined ? "history" : "given",
      },
    },
    history: {
      sales_from: span.from,
      sales_to: span.to,
      new_customers: cohort.length,
      new_per_month_observed: observedPerMonth,
      joined_before_history: joinedBefore,
      without_join_date: withoutDate,
      longest_follow_up_days: longest,
      followed_to_window_end: followed,
    },
    figures: {
      activated_before_window: { value: figures.activatedBeforeWindow, unit: share },
      baseline_rate: { value: figures.baselineRate, unit: share },
      offer_rate: { value: figures.offerRate, unit: share },
      baseline_activations: { value: figures.baselineActivations, unit: clients },
      additional_activations: { value: figures.additionalActivations, unit: clients },
      paid_clients: { value: figures.paidClients, unit: clients },
      offer_cost: { value: figures.offerCost, unit: `${money} ${perCohort}` },
      cost_per_additional_activation: {
        value: figures.costPerAdditionalActivation,
        unit: `${money} per additional activated client`,
        ...(figures.costPerAdditionalReason ? { reason: figures.costPerAdditionalReason } : {}),
      },
    } satisfies Record<string, Figure>,
    curve: curve.map((p) => ({ day: p.day, activated: p.activated, at_risk: p.atRisk })),
    exclusion,
  };
}

export type OfferCostResult = ReturnType<typeof offerCostForWorkspace>;
