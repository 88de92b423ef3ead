/**
 * The cost of a future offer ("free card servicing for the first two months"): how many more
 * new clients would first buy the product inside a window after joining, and what each of
 * them costs. Pure: the domain (app/offers/offer-cost.server.ts) loads who joined when and
 * when they first bought the product. Formulas and a hand-worked example: docs/analytics.md
 * §17.
 */
import { message } from "./message-code";

/** One new customer, as whole days (any day numbering; only differences matter). */
export interface NewCustomer {
  joinDay: number;
  /** Day of the first purchase of the target product, or null when not (yet) bought. */
  activationDay: number | null;
}

export interface ActivationPoint {
  /** Days since joining. */
  day: number;
  /** Kaplan–Meier share of new customers who first bought the product within `day` days. */
  activated: number;
  /** Customers still followed and not yet activated at the start of this day. */
  atRisk: number;
  /** First purchases on this day. */
  activations: number;
}

/** Input the calculation cannot use; `field` names the input to correct, when there is one. */
export class OfferCostInputError extends Error {
  constructor(
    message: string,
    readonly field?: "product" | "uplift" | "fromDay" | "toDay" | "newPerMonth",
  ) {
    super(message);
  }
}

/** Days observed after joining and whether the follow-up ended in a first purchase. */
function followUp(customer: NewCustomer, observedUntil: number) {
  if (customer.activationDay !== null && customer.activationDay <= observedUntil)
    // A purchase dated before the recorded sign-up counts as day 0: they held it on joining.
    return { days: Math.max(0, customer.activationDay - customer.joinDay), activated: true };
  return { days: observedUntil - customer.joinDay, activated: false };
}

/**
 * The cumulative activation curve, d = 0..horizon (or to the longest follow-up, if shorter).
 * Kaplan–Meier: a customer who joined c days before the history ends and has not bought is
 * censored after day c — counted among those at risk up to day c, never as a non-buyer
 * afterwards. F(d) = 1 − ∏_{k ≤ d} (1 − e_k / n_k).
 */
export function activationCurve(
  customers: readonly NewCustomer[],
  observedUntil: number,
  horizon: number,
): ActivationPoint[] {
  const joined = customers.filter((c) => c.joinDay <= observedUntil);
  const followed = joined.map((c) => followUp(c, observedUntil));
  // The curve is known as far as someone could have been watched (even if all bought
  // earlier: then F stays at its last value, nobody being left at risk).
  const longest = joined.reduce((max, c) => Math.max(max, observedUntil - c.joinDay), -1);
  const last = Math.min(horizon, longest);
  // endings[d]: customers whose follow-up ends on day d; events[d]: of them, activations.
  const endings = new Array<number>(last + 2).fill(0);
  const events = new Array<number>(last + 2).fill(0);
  for (const f of followed) {
    const day = Math.min(f.days, last + 1);
    endings[day] = (endings[day] ?? 0) + 1;
    if (f.activated && f.days <= last) events[day] = (events[day] ?? 0) + 1;
  }
  const curve: ActivationPoint[] = [];
  let atRisk = followed.length;
  let surviving = 1;
  for (let day = 0; day <= last; day++) {
    const activations = events[day] ?? 0;
    if (atRisk > 0) surviving *= 1 - activations / atRisk;
    curve.push({ day, activated: 1 - surviving, atRisk, activations });
    atRisk -= endings[day] ?? 0;
  }
  return curve;
}

/** F(d) read off the curve; F(−1) = 0 (nobody has bought before joining). */
function activatedBy(curve: readonly ActivationPoint[], day: number): number {
  if (day < 0) return 0;
  const point = curve[day];
  if (point === undefined) throw new OfferCostInputError(`The curve does not reach day ${day}.`);
  return point.activated;
}

/** Who the offer's monthly cost is paid for. */
export const PAID_FOR = ["every-new-client", "activated-clients"] as const;
export type PaidFor = (typeof PAID_FOR)[number];

export interface OfferInput {
  /** Relative uplift on the activation rate inside the window: 0.2 = +20 %. */
  uplift: number;
  /** The window, in days since joining (inclusive). */
  fromDay: number;
  toDay: number;
  /** How long each client gets the offer, in months. */
  months: number;
  /** The offer's cost per client and month, in the reporting currency. */
  costPerClientPerMonth: number;
  /** New clients expected per month. */
  newPerMonth: number;
  paidFor: PaidFor;
}

export interface OfferFigures {
  /** F(a − 1): share already activated before the window opens. */
  activatedBeforeWindow: number;
  /** F(b) − F(a − 1): share of new clients who first buy inside the window today. */
  baselineRate: number;
  /** The same share with the offer: baselineRate × (1 + uplift). */
  offerRate: number;
  /** Clients per month of new clients. */
  baselineActivations: number;
  additionalActivations: number;
  /** Clients the offer is paid for, per month of new clients. */
  paidClients: number;
  /** Money per month of new clients. */
  offerCost: number;
  /** Money per additional activated client; null when the uplift adds nobody. */
  costPerAdditionalActivation: number | null;
  /** Why costPerAdditionalActivation is null. */
  costPerAdditionalReason: string | null;
}

/**
 * For one month of new clients (K of them): baseline activations K·p, additional K·u·p, and
 * the offer's cost: every new client (K·N·X) or only those who activate with the offer
 * (K·p·(1 + u)·N·X) get it for N months at X a month.
 */
export function offerFigures(curve: readonly ActivationPoint[], input: OfferInput): OfferFigures {
  const before = activatedBy(curve, input.fromDay - 1);
  const baselineRate = activatedBy(curve, input.toDay) - before;
  const offerRate = baselineRate * (1 + input.uplift);
  const open = 1 - before;
  if (offerRate > open + 1e-12)
    throw new OfferCostInputError(
      message("messages:offer.error.upliftTooHigh", {
        uplift: percentText(input.uplift),
        rate: percentText(offerRate),
        open: percentText(open),
        most: percentText(baselineRate > 0 ? open / baselineRate - 1 : 0),
      }),
      "uplift",
    );
  const baselineActivations = input.newPerMonth * baselineRate;
  const additionalActivations = baselineActivations * input.uplift;
  const paidClients =
    input.paidFor === "every-new-client"
      ? input.newPerMonth
      : baselineActivations + additionalActivations;
  const offerCost = paidClients * input.months * input.costPerClientPerMonth;
  const costPerAdditionalActivation =
    additionalActivations > 0 ? offerCost / additionalActivations : null;
  return {
    activatedBeforeWindow: before,
    baselineRate,
    offerRate,
    baselineActivations,
    additionalActivations,
    paidClients,
    offerCost,
    costPerAdditionalActivation,
    costPerAdditionalReason:
      costPerAdditionalActivation === null
        ? baselineRate === 0
          ? "No new client first bought the product in this window, so a relative uplift adds nobody."
          : "No new clients are expected, so nobody is added."
        : null,
  };
}

function percentText(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
