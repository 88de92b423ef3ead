/**
 * The next send of each customer of an audience, by Thompson sampling over the arms'
 * posteriors (response-rates.ts): draw one rate per eligible arm from its Beta posterior
 * and send the arm with the highest draw, so arms the data is unsure of are tried in
 * proportion to the chance that they are best. A share `explore` of customers set by the
 * marketer gets a uniformly random eligible arm instead, which keeps every arm observed and
 * gives the off-policy evaluation (off-policy.ts) support everywhere.
 */
import betaFactory from "@stdlib/random-base-beta";
import { createRandom } from "./random";
import { type ArmKey, type ArmPosterior, armKeyOf } from "./response-rates";

export interface PlanCustomer {
  customerId: string;
  segment: string;
  /** Channels this customer consented to be contacted on. */
  consentedChannels: readonly string[];
  /** Offers not to send: already held, or declined recently. */
  excludedOffers: ReadonlySet<string>;
  /** Messages sent to this customer in the 7 days before the plan. */
  contactsLastWeek: number;
}

export interface PlanOptions {
  channels: readonly string[];
  offers: readonly string[];
  hours: readonly number[];
  /** At most this many contacts per customer per 7 days, the planned one included. */
  weeklyCap: number;
  /** Share of customers, 0–1, given a uniformly random eligible arm. */
  explore: number;
  seed: number;
}

export interface PlannedSend extends ArmKey {
  customerId: string;
  /** True when the arm was drawn uniformly (exploration), false when by Thompson sampling. */
  explored: boolean;
  /** The arm's posterior mean response rate. */
  expectedRate: number;
}

export interface NotificationPlan {
  sends: PlannedSend[];
  skipped: { atCap: number; noConsentedChannel: number; noOfferLeft: number };
}

export function planNotifications(
  customers: readonly PlanCustomer[],
  posteriors: ReadonlyMap<string, ArmPosterior>,
  options: PlanOptions,
): NotificationPlan {
  if (!(options.explore >= 0 && options.explore <= 1)) {
    throw new RangeError(`explore must be between 0 and 1, got ${options.explore}`);
  }
  const random = createRandom(options.seed);
  const drawBeta = betaFactory.factory({ prng: random.next });
  const sends: PlannedSend[] = [];
  const skipped = { atCap: 0, noConsentedChannel: 0, noOfferLeft: 0 };
  const allowedChannels = new Set(options.channels);
  for (const customer of customers) {
    if (customer.contactsLastWeek >= options.weeklyCap) {
      skipped.atCap++;
      continue;
    }
    const channels = customer.consentedChannels.filter((c) => allowedChannels.has(c));
    if (channels.length === 0) {
      skipped.noConsentedChannel++;
      continue;
    }
    const offers = options.offers.filter((o) => !customer.excludedOffers.has(o));
    if (offers.length === 0) {
      skipped.noOfferLeft++;
      continue;
    }
    const eligible: ArmPosterior[] = [];
    for (const channel of channels) {
      for (const offer of offers) {
        for (const hour of options.hours) {
          const posterior = posteriors.get(
            armKeyOf({ segment: customer.segment, channel, offer, hour }),
          );
          if (posterior) eligible.push(posterior);
        }
      }
    }
    if (eligible.length === 0) {
      skipped.noOfferLeft++;
      continue;
    }
    const explored = random.next() < options.explore;
    let chosen = eligible[0] as ArmPosterior;
    if (explored) {
      chosen = eligible[random.nextInt(eligible.length)] as ArmPosterior;
    } else {
      let bestDraw = -1;
      for (const arm of eligible) {
        const draw = drawBeta(arm.alpha, arm.beta);
        if (draw > bestDraw) {
          bestDraw = draw;
          chosen = arm;
        }
      }
    }
    sends.push({
      customerId: customer.customerId,
      segment: chosen.segment,
      channel: chosen.channel,
      offer: chosen.offer,
      hour: chosen.hour,
      explored,
      expectedRate: chosen.mean,
    });
  }
  return { sends, skipped };
}
