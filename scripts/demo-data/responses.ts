import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PERIOD_END } from "./calendar";
import { CsvWriter, ONLINE_CSV } from "./csv-writer";
import type { CustomerIds } from "./customers";
import { dayOf, isoDate, isoDateTime, moneyFromKurus } from "./format";
import type { Person } from "./people";
import { PERSONAS } from "./personas";
import type { Rng } from "./random";
import {
  bestArm,
  channelCarries,
  conversionRate,
  OFFER_PRODUCTS,
  OFFERS,
  RESPONSE_CHANNELS,
  type ResponseChannel,
  SEND_HOURS,
  truthFactors,
  truthRates,
} from "./response-model";

/**
 * A year of the bank's direct messages (responses.csv): weekly campaigns, each one channel,
 * offer and send slot, sent to customers drawn at random among those the channel may reach,
 * and what came of each message, drawn from the known rates of response-model.ts. The
 * truth goes beside it (responses-truth.json).
 */

export const RESPONSES_START = dayOf("2025-11-01");
/** Full size: about 100,000 messages in the year. */
export const RESPONSES_AT_SCALE_1 = 100_000;
const CAMPAIGNS_PER_WEEK = 6;
/** No one gets more than two messages in a week (the bank's contact cap). */
export const WEEKLY_CAP = 2;
/** How the marketers chose channels (email, sms, push, call): the historical policy. */
const CHANNEL_MIX = [0.4, 0.3, 0.2, 0.1];
/** The call centre reaches fewer people per campaign than a message does. */
const CALL_AUDIENCE = 0.3;

/** Of messages that did not convert: reached the person (a call: answered). */
const DELIVERED: Readonly<Record<ResponseChannel, number>> = {
  email: 0.96,
  sms: 0.98,
  push: 0.9,
  call: 0.6,
};
/** Opened, of delivered e-mails and pushes (SMS and calls report no opens). */
const OPENED: Partial<Record<ResponseChannel, number>> = { email: 0.25, push: 0.3 };
/** Clicked without buying: of opened e-mails and pushes, of delivered SMS (a call has no link). */
const CLICKED: Partial<Record<ResponseChannel, number>> = { email: 0.12, push: 0.1, sms: 0.05 };

export const RESPONSES_HEADER = [
  "message_id",
  "customer_id",
  "campaign_id",
  "channel",
  "sent_at",
  "offer",
  "product_code",
  "category",
  "delivered",
  "opened",
  "clicked",
  "converted",
  "revenue",
];

/** Which of a person's records a channel uses: the app and e-mail the online one, the branch the phone. */
function usesOnlineRecord(person: Person, channel: ResponseChannel): boolean {
  const digital = channel === "email" || channel === "push";
  return digital ? person.inOnline : !person.inOffline;
}

/**
 * First day each channel may reach a person (RESPONSE_CHANNELS order), Infinity where it
 * never may, read from the record the channel names them by (so the file agrees with that
 * record's consent dates). Every channel needs data-processing (KVKK) consent, as the app's
 * audiences do; e-mail needs e-mail consent and an address, SMS SMS consent and a Turkish
 * mobile, a call SMS consent too (Türkiye's İYS register records calls and messages
 * together), push the bank's app.
 */
export function firstContactDays(person: Person): number[] {
  const never = Number.POSITIVE_INFINITY;
  return RESPONSE_CHANNELS.map((channel) => {
    const online = usesOnlineRecord(person, channel);
    const given = online ? person.onlineConsents : person.offlineConsents;
    if (given.kvkk === null) return never;
    const after = (day: number | null) =>
      day === null ? never : Math.max(day, given.kvkk ?? never);
    switch (channel) {
      case "email":
        return (online ? person.email : person.offlineEmail) === null ? never : after(given.email);
      case "sms":
        return (online ? person.phone : person.offlinePhone).countryCode === "90"
          ? after(given.sms)
          : never;
      case "call":
        return after(given.sms);
      default:
        // push: the app asks for nothing more than the data-processing consent.
        return person.appUser ? given.kvkk : never;
    }
  });
}

function recipientId(
  ids: CustomerIds,
  index: number,
  person: Person,
  channel: ResponseChannel,
): string {
  const id = usesOnlineRecord(person, channel) ? ids.online[index] : ids.offline[index];
  if (!id) throw new Error("a message to a record the person does not have");
  return id;
}

interface Send {
  time: number;
  person: number;
  channel: number;
  offer: number;
  hour: number;
  campaign: string;
}

interface Outcome {
  delivered: boolean;
  opened: boolean | null;
  clicked: boolean | null;
  converted: boolean;
  revenueKurus: number;
}

function outcome(rng: Rng, person: Person, send: Send): Outcome {
  const channel = RESPONSE_CHANNELS[send.channel] as ResponseChannel;
  const rate = person.neverResponds
    ? 0
    : conversionRate(person.personaIndex, send.channel, send.offer, send.hour);
  const converted = rng.chance(rate);
  const delivered = converted || rng.chance(DELIVERED[channel]);
  const engages = delivered && !person.neverResponds;
  const openRate = OPENED[channel];
  const opened = openRate === undefined ? null : converted || (engages && rng.chance(openRate));
  const clickRate = CLICKED[channel];
  const canClick = opened ?? engages;
  const clicked = clickRate === undefined ? null : converted || (canClick && rng.chance(clickRate));
  const price = (OFFER_PRODUCTS[send.offer]?.price ?? 0) * 100;
  const revenueKurus = converted ? Math.round(price * rng.logNormal(0, 0.3)) : 0;
  return { delivered, opened, clicked, converted, revenueKurus };
}

/** Weekly campaigns over the year, each sent to random reachable customers under the cap. */
function campaignSends(
  rng: Rng,
  people: readonly Person[],
  reachable: readonly (readonly number[])[],
  contactDays: readonly number[][],
  target: number,
): Send[] {
  const weeks = Math.ceil((PERIOD_END - RESPONSES_START + 1) / 7);
  const meanAudience =
    target /
    (weeks *
      CAMPAIGNS_PER_WEEK *
      CHANNEL_MIX.reduce((sum, share, c) => sum + share * (c === 3 ? CALL_AUDIENCE : 1), 0));
  const bankOffers = OFFERS.flatMap((offer, index) => (offer.bank ? [index] : []));
  const contactsThisWeek = new Uint8Array(people.length);
  const sends: Send[] = [];
  let campaignNumber = 0;
  for (let week = 0; week < weeks; week++) {
    contactsThisWeek.fill(0);
    for (let n = 0; n < CAMPAIGNS_PER_WEEK; n++) {
      const day = Math.min(PERIOD_END, RESPONSES_START + week * 7 + rng.int(0, 6));
      const channel = rng.weighted(CHANNEL_MIX);
      const offer = channel === 3 ? rng.pick(bankOffers) : rng.int(0, OFFERS.length - 1);
      if (!channelCarries(channel, offer)) throw new Error("the call centre sells bank offers");
      const hour = rng.int(0, SEND_HOURS.length - 1);
      const campaign = `MSG-${String(++campaignNumber).padStart(4, "0")}`;
      const pool = reachable[channel] ?? [];
      const size = Math.round(
        meanAudience * (channel === 3 ? CALL_AUDIENCE : 1) * rng.logNormal(-0.045, 0.3),
      );
      const chosen = new Set<number>();
      for (
        let attempt = 0;
        attempt < size * 4 && chosen.size < size && pool.length > 0;
        attempt++
      ) {
        const person = pool[rng.int(0, pool.length - 1)] as number;
        if ((contactDays[person]?.[channel] ?? Number.POSITIVE_INFINITY) > day) continue;
        if ((contactsThisWeek[person] ?? 0) >= WEEKLY_CAP || chosen.has(person)) continue;
        chosen.add(person);
        contactsThisWeek[person] = (contactsThisWeek[person] ?? 0) + 1;
        const second = (SEND_HOURS[hour] ?? 9) * 3600 + rng.int(0, 1799);
        sends.push({ time: day * 86_400 + second, person, channel, offer, hour, campaign });
      }
    }
  }
  // Ties broken by generation order, so the sort is fully determined.
  const order = sends.map((_, index) => index);
  order.sort((a, b) => (sends[a] as Send).time - (sends[b] as Send).time || a - b);
  return order.map((index) => sends[index] as Send);
}

export interface ResponsesResult {
  rows: number;
  bytes: number;
  conversions: number;
  neverResponders: number;
}

/**
 * Writes responses.csv and responses-truth.json. People whose branch record is broken on
 * purpose (`excluded`) get nothing: their record may not load, and a send to an unknown
 * customer would say nothing about what the app learns.
 */
export async function writeResponses(
  outDir: string,
  people: readonly Person[],
  ids: CustomerIds,
  excluded: ReadonlySet<number>,
  target: number,
  rng: Rng,
): Promise<ResponsesResult> {
  const contactDays = people.map((person, index) =>
    excluded.has(index)
      ? RESPONSE_CHANNELS.map(() => Number.POSITIVE_INFINITY)
      : firstContactDays(person),
  );
  const reachable = RESPONSE_CHANNELS.map((_, channel) =>
    contactDays.flatMap((days, index) =>
      (days[channel] ?? Infinity) <= PERIOD_END ? [index] : [],
    ),
  );
  const sends = campaignSends(rng, people, reachable, contactDays, target);
  const writer = CsvWriter.open(join(outDir, "responses.csv"), ONLINE_CSV);
  await writer.header(RESPONSES_HEADER);
  const flag = (value: boolean | null) => (value === null ? "" : String(value));
  const byChannel: Record<string, { sent: number; converted: number }> = {};
  let conversions = 0;
  for (let rank = 0; rank < sends.length; rank++) {
    const send = sends[rank] as Send;
    const person = people[send.person] as Person;
    const channel = RESPONSE_CHANNELS[send.channel] as ResponseChannel;
    const offer = OFFERS[send.offer];
    const product = OFFER_PRODUCTS[send.offer];
    if (!offer || !product) throw new Error("unknown offer");
    const result = outcome(rng, person, send);
    const id = recipientId(ids, send.person, person, channel);
    const tally = byChannel[channel] ?? { sent: 0, converted: 0 };
    tally.sent++;
    tally.converted += Number(result.converted);
    byChannel[channel] = tally;
    conversions += Number(result.converted);
    const written = writer.row([
      `R${String(rank + 1).padStart(8, "0")}`,
      id,
      send.campaign,
      channel,
      isoDateTime(Math.floor(send.time / 86_400), send.time % 86_400),
      offer.key,
      product.code,
      product.category,
      flag(result.delivered),
      flag(result.opened),
      flag(result.clicked),
      flag(result.converted),
      result.converted ? moneyFromKurus(result.revenueKurus) : "",
    ]);
    // Most rows only fill the buffer: awaiting them all would cost a microtask each.
    if (written) await written;
  }
  const { rows, bytes } = await writer.close();
  // Every customer id of both files, recipient or not, so a plan that reaches someone the
  // bank never wrote to can still be scored against the truth.
  const everyone = people.flatMap((person, index) =>
    [ids.online[index], ids.offline[index]].flatMap((id) => (id ? [[id, person] as const] : [])),
  );
  everyone.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const neverResponders = everyone.flatMap(([id, person]) => (person.neverResponds ? [id] : []));
  const personaOfCustomer = Object.fromEntries(
    everyone.map(([id, person]) => [id, PERSONAS[person.personaIndex]?.key ?? ""]),
  );
  await writeTruth(outDir, { personaOfCustomer, neverResponders, byChannel, rows, conversions });
  return { rows, bytes, conversions, neverResponders: neverResponders.length };
}

async function writeTruth(
  outDir: string,
  facts: {
    personaOfCustomer: Record<string, string>;
    neverResponders: string[];
    byChannel: Record<string, { sent: number; converted: number }>;
    rows: number;
    conversions: number;
  },
): Promise<void> {
  const truth = {
    about:
      "The rates responses.csv was drawn from: P(converted | sent) per persona × channel × offer × send hour (Turkish time, UTC+03:00). A never-responder converts with probability 0 whatever is sent.",
    measure: "converted",
    period: { from: isoDate(RESPONSES_START), to: isoDate(PERIOD_END) },
    timeZone: "Europe/Istanbul",
    channels: RESPONSE_CHANNELS,
    sendHours: SEND_HOURS,
    offers: OFFERS.map((offer, index) => ({
      key: offer.key,
      productCode: offer.productCode,
      category: OFFER_PRODUCTS[index]?.category,
      callCentre: offer.bank,
    })),
    consent:
      "Every message needs data-processing (KVKK) consent; email also e-mail consent and an address, sms SMS consent and a Turkish mobile, call SMS consent, push the bank's app. No one is sent anything before the consent's date.",
    historicalPolicy: {
      campaignsPerWeek: CAMPAIGNS_PER_WEEK,
      channelMix: Object.fromEntries(RESPONSE_CHANNELS.map((c, i) => [c, CHANNEL_MIX[i]])),
      offers: "uniform (call: bank offers only)",
      sendHour: "uniform over sendHours",
      audience: "uniform among the customers the channel may reach that day",
      weeklyCap: WEEKLY_CAP,
    },
    factors: truthFactors(),
    rates: truthRates(),
    bestArm: Object.fromEntries(
      PERSONAS.map((persona, index) => [
        persona.key,
        { anyChannel: bestArm(index), emailOrSms: bestArm(index, ["email", "sms"]) },
      ]),
    ),
    sends: { rows: facts.rows, converted: facts.conversions, byChannel: facts.byChannel },
    neverResponders: facts.neverResponders,
    personaOfCustomer: facts.personaOfCustomer,
  };
  await writeFile(join(outDir, "responses-truth.json"), `${JSON.stringify(truth, null, 1)}\n`);
}
