import { type Product, productByCode } from "./catalog";
import { PERSONAS } from "./personas";

/**
 * The known truth behind responses.csv: how likely a message converts, by who gets it
 * (persona), how (channel), what it offers and when it is sent. A rate is a product of
 * factors, so each persona has its own best arm for a visible reason (the young answer a
 * push at night about electronics, retirees an SMS or a call in the morning about deposits).
 * responses-truth.json writes these rates out so the app's estimates can be checked.
 */

/** How the bank contacts customers; push only reaches app users, call is the call centre. */
export const RESPONSE_CHANNELS = ["email", "sms", "push", "call"] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** Messages go out in four slots a day (Turkish time), a few minutes' batch after the hour. */
export const SEND_HOURS = [9, 12, 18, 21] as const;

export interface Offer {
  key: string;
  /** The catalogue product the offer promotes (its category goes in the file too). */
  productCode: string;
  /** Bank offers can also be made by the call centre; retail offers go by message only. */
  bank: boolean;
}

export const OFFERS: readonly Offer[] = [
  { key: "card_cashback", productCode: "BCC-002", bank: true },
  { key: "loan_rate", productCode: "BLN-001", bank: true },
  { key: "deposit_rate", productCode: "BDP-001", bank: true },
  { key: "fund_intro", productCode: "BFN-001", bank: true },
  { key: "travel_deal", productCode: "TRV-002", bank: false },
  { key: "electronics_installments", productCode: "ELC-001", bank: false },
  { key: "fashion_discount", productCode: "FSH-001", bank: false },
  { key: "grocery_cashback", productCode: "GRC-001", bank: false },
];

export const OFFER_PRODUCTS: readonly Product[] = OFFERS.map((offer) =>
  productByCode(offer.productCode),
);

/** Conversion rate of a message to the average customer, by channel, before the factors. */
export const CHANNEL_BASE_RATE: Readonly<Record<ResponseChannel, number>> = {
  email: 0.012,
  sms: 0.018,
  push: 0.012,
  call: 0.03,
};

/**
 * Each listed factor is raised to this power: real offers differ by several times in how
 * well they sell to a group, and a year of sends split over 32 e-mail and SMS arms per
 * segment needs that much contrast for a learner to tell the arms apart.
 */
export const FACTOR_CONTRAST = 1.25;

interface PersonaResponse {
  /** Multipliers in RESPONSE_CHANNELS order. */
  channel: readonly [number, number, number, number];
  /** Multipliers in OFFERS order. */
  offer: readonly [number, number, number, number, number, number, number, number];
  /** Multipliers in SEND_HOURS order. */
  hour: readonly [number, number, number, number];
}

// Per persona: channel (email, sms, push, call), offer (OFFERS order), hour (09, 12, 18, 21 h).
const BY_PERSONA: Readonly<Record<string, PersonaResponse>> = {
  young_urban_digital: factors(
    [1.0, 0.5, 1.8, 0.3],
    [1.4, 0.8, 0.3, 0.8, 1.5, 2.0, 1.6, 0.6],
    [0.5, 0.8, 1.2, 1.6],
  ),
  affluent_family: factors(
    [1.3, 1.0, 0.9, 1.0],
    [1.0, 0.6, 1.5, 1.8, 1.6, 0.9, 1.0, 1.2],
    [0.8, 1.0, 1.3, 1.0],
  ),
  student: factors(
    [0.6, 0.6, 2.0, 0.2],
    [1.0, 0.3, 0.2, 0.2, 0.8, 1.5, 2.0, 0.8],
    [0.4, 1.0, 1.1, 1.8],
  ),
  retiree: factors(
    [0.5, 1.8, 0.3, 1.6],
    [0.4, 0.5, 2.2, 1.0, 0.5, 0.3, 0.4, 1.8],
    [1.5, 1.3, 0.8, 0.4],
  ),
  sme_owner: factors(
    [1.4, 1.0, 0.8, 1.2],
    [1.3, 1.8, 1.0, 1.2, 1.2, 1.0, 0.6, 0.6],
    [1.0, 1.5, 0.9, 0.7],
  ),
  mass_market: factors(
    [0.7, 1.3, 0.8, 0.8],
    [1.0, 1.5, 0.6, 0.3, 0.5, 0.8, 1.0, 1.8],
    [0.9, 1.0, 1.3, 0.9],
  ),
};

function factors(
  channel: PersonaResponse["channel"],
  offer: PersonaResponse["offer"],
  hour: PersonaResponse["hour"],
): PersonaResponse {
  const sharpen = <T extends readonly number[]>(values: T): T =>
    values.map((value) => Math.round(value ** FACTOR_CONTRAST * 1e4) / 1e4) as unknown as T;
  return { channel: sharpen(channel), offer: sharpen(offer), hour: sharpen(hour) };
}

const MAX_RATE = 0.6;

/** Probability that one message converts: base × persona's channel, offer and hour factors. */
export function conversionRate(
  personaIndex: number,
  channelIndex: number,
  offerIndex: number,
  hourIndex: number,
): number {
  const persona = BY_PERSONA[PERSONAS[personaIndex]?.key ?? ""];
  const channel = RESPONSE_CHANNELS[channelIndex];
  if (!persona || !channel) throw new Error("unknown persona or channel");
  const rate =
    CHANNEL_BASE_RATE[channel] *
    (persona.channel[channelIndex] ?? 1) *
    (persona.offer[offerIndex] ?? 1) *
    (persona.hour[hourIndex] ?? 1);
  return Math.min(MAX_RATE, rate);
}

/** Whether a channel may carry an offer: the call centre sells bank products only. */
export function channelCarries(channelIndex: number, offerIndex: number): boolean {
  return RESPONSE_CHANNELS[channelIndex] !== "call" || (OFFERS[offerIndex]?.bank ?? false);
}

/** Rates rounded for the truth file: six decimals keep every factor's effect readable. */
const rounded = (rate: number) => Math.round(rate * 1e6) / 1e6;

export interface Arm {
  channel: ResponseChannel;
  offer: string;
  hour: number;
  rate: number;
}

/** Every arm a persona can be sent, with its true conversion rate. */
export function armsOf(personaIndex: number): Arm[] {
  return RESPONSE_CHANNELS.flatMap((channel, c) =>
    OFFERS.flatMap((offer, o) =>
      channelCarries(c, o)
        ? SEND_HOURS.map((hour, h) => ({
            channel,
            offer: offer.key,
            hour,
            rate: conversionRate(personaIndex, c, o, h),
          }))
        : [],
    ),
  );
}

/** The highest-rate arm among the given channels (ties: the earlier in channel/offer/hour order). */
export function bestArm(
  personaIndex: number,
  channels: readonly ResponseChannel[] = RESPONSE_CHANNELS,
): Arm {
  const arms = armsOf(personaIndex).filter((arm) => channels.includes(arm.channel));
  const best = arms.reduce((top, arm) => (arm.rate > top.rate ? arm : top));
  return { ...best, rate: rounded(best.rate) };
}

/** persona → channel → offer → "HH" → conversion rate. */
export function truthRates(): Record<
  string,
  Record<string, Record<string, Record<string, number>>>
> {
  return Object.fromEntries(
    PERSONAS.map((persona, p) => [
      persona.key,
      Object.fromEntries(
        RESPONSE_CHANNELS.map((channel, c) => [
          channel,
          Object.fromEntries(
            OFFERS.flatMap((offer, o) =>
              channelCarries(c, o)
                ? [
                    [
                      offer.key,
                      Object.fromEntries(
                        SEND_HOURS.map((hour, h) => [
                          String(hour).padStart(2, "0"),
                          rounded(conversionRate(p, c, o, h)),
                        ]),
                      ),
                    ],
                  ]
                : [],
            ),
          ),
        ]),
      ),
    ]),
  );
}

/** The factor tables themselves, for the truth file's reader. */
export function truthFactors() {
  return {
    about:
      "rate = min(maxRate, base[channel] × channel × offer × hour factors of the persona); the factors listed are the table's values already raised to `contrast`",
    base: CHANNEL_BASE_RATE,
    contrast: FACTOR_CONTRAST,
    maxRate: MAX_RATE,
    byPersona: Object.fromEntries(
      PERSONAS.map((persona) => {
        const f = BY_PERSONA[persona.key] as PersonaResponse;
        return [
          persona.key,
          {
            channel: Object.fromEntries(RESPONSE_CHANNELS.map((c, i) => [c, f.channel[i]])),
            offer: Object.fromEntries(OFFERS.map((o, i) => [o.key, f.offer[i]])),
            hour: Object.fromEntries(
              SEND_HOURS.map((h, i) => [String(h).padStart(2, "0"), f.hour[i]]),
            ),
          },
        ];
      }),
    ),
  };
}
