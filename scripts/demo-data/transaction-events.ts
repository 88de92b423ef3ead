import {
  isReturned,
  pickCategory,
  pickProduct,
  pickQuantity,
  sampleDay,
  secondOfDay,
  unitPriceKurus,
  type Venue,
} from "./basket";
import { buildSeasonality, PERIOD_END, PERIOD_START, type Seasonality } from "./calendar";
import { CATEGORIES, type Category, isBankCategory, PRODUCTS, type Product } from "./catalog";
import { CITIES, type City, storeCount } from "./names";
import type { Person } from "./people";
import { PERSONAS } from "./personas";
import type { Rng } from "./random";

/** Share of sales at partner stores with no loyalty card shown: no customer id. */
export const ANONYMOUS_SHARE = 0.03;
const EXPECTED_RETURN_SHARE = 0.015;
const DAYS_PER_YEAR = 365.25;
/** Channel codes: non-negative numbers index STORES. */
export const ONLINE = -1;
export const BRANCH = -2;
/** The bank's mobile app: an online order, made by an app user (people.ts). */
export const APP = -3;

/** Every partner store id, e.g. IST-014, and where each city's stores start in the list. */
export const STORES: readonly { id: string; cityIndex: number }[] = CITIES.flatMap(
  (city, cityIndex) =>
    Array.from({ length: storeCount(city) }, (_, n) => ({
      id: `${city.storeCode}-${String(n + 1).padStart(3, "0")}`,
      cityIndex,
    })),
);
const FIRST_STORE_OF_CITY = CITIES.map((_, cityIndex) =>
  STORES.findIndex((store) => store.cityIndex === cityIndex),
);

/** Transactions as parallel columns of numbers: compact, and cheap to sort by time. */
export interface TransactionEvents {
  /** Seconds since PERIOD_START midnight (Turkish time). */
  time: number[];
  /** Index into people, or -1 for an anonymous sale. */
  person: number[];
  product: number[];
  quantity: number[];
  unitKurus: number[];
  channel: number[];
}

function storeFor(rng: Rng, person: Person): number {
  const roll = rng.float();
  // Mostly the usual store, sometimes another in town, now and then one while travelling.
  if (roll < 0.8) return (FIRST_STORE_OF_CITY[person.cityIndex] ?? 0) + person.homeStore - 1;
  if (roll < 0.95) {
    const city = CITIES[person.cityIndex] as City;
    return (FIRST_STORE_OF_CITY[person.cityIndex] ?? 0) + rng.int(0, storeCount(city) - 1);
  }
  return rng.int(0, STORES.length - 1);
}

function venueOf(channel: number): Venue {
  return channel === ONLINE || channel === APP ? "online" : channel === BRANCH ? "branch" : "store";
}

class EventLog implements TransactionEvents {
  time: number[] = [];
  person: number[] = [];
  product: number[] = [];
  quantity: number[] = [];
  unitKurus: number[] = [];
  channel: number[] = [];

  add(
    rng: Rng,
    day: number,
    person: number,
    product: number,
    qty: number,
    unit: number,
    channel: number,
  ) {
    this.time.push(day * 86_400 + secondOfDay(rng, venueOf(channel)));
    this.person.push(person);
    this.product.push(product);
    this.quantity.push(qty);
    this.unitKurus.push(unit);
    this.channel.push(channel);
  }
}

/**
 * What else one visit buys, by the category of its first line: a grocery run fills a
 * basket, clothes and cosmetics come in twos, and a trip is insured. `extra` is the mean
 * number of further lines from the same category, `companion` a category bought alongside
 * with that probability. Without baskets every visit would be one line, and the app's
 * "bought together" rules (one basket = a customer's purchases on a day) find nothing.
 */
const VISIT: Partial<Record<Category, { extra?: number; companion?: [Category, number] }>> = {
  Groceries: { extra: 1.6 },
  "Health & Beauty": { extra: 0.6 },
  Fashion: { extra: 0.5 },
  "Home & Garden": { extra: 0.4 },
  Electronics: { extra: 0.3 },
  Travel: { companion: ["Insurance", 0.3] },
};

/** Lines one visit of this person holds on average (for scaling visits to the target). */
function linesPerVisit(person: Person): number {
  let total = 0;
  let lines = 0;
  CATEGORIES.forEach((category, index) => {
    const share = person.categoryPreference[index] ?? 0;
    const visit = VISIT[category];
    total += share;
    lines += share * (1 + (visit?.extra ?? 0) + (visit?.companion?.[1] ?? 0));
  });
  return total > 0 ? lines / total : 1;
}

/** One line of a visit, and its return a few days later now and then. */
function buyLine(
  rng: Rng,
  log: EventLog,
  seasonality: Seasonality,
  person: Person,
  personIndex: number,
  visit: { day: number; channel: number; online: boolean },
  categoryIndex: number,
): void {
  const productIndex = pickProduct(rng, person.personaIndex, categoryIndex, person.priceTier);
  const product = PRODUCTS[productIndex] as Product;
  const quantity = pickQuantity(rng, product.category);
  const unit = unitPriceKurus(rng, product, visit.day, person.monthlyIncome, seasonality);
  log.add(rng, visit.day, personIndex, productIndex, quantity, unit, visit.channel);
  if (!isReturned(rng, product.category, visit.online)) return;
  const returnDay = visit.day + rng.int(1, 14);
  if (returnDay <= PERIOD_END - PERIOD_START) {
    log.add(rng, returnDay, personIndex, productIndex, -quantity, unit, visit.channel);
  }
}

function purchase(
  rng: Rng,
  log: EventLog,
  seasonality: Seasonality,
  people: readonly Person[],
  personIndex: number,
): void {
  const person = people[personIndex] as Person;
  const day = sampleDay(rng, seasonality, person.activeFrom, person.activeTo);
  const categoryIndex = pickCategory(rng, person.categoryPreference, seasonality, day);
  const category = CATEGORIES[categoryIndex] ?? "Groceries";
  const onlineShare =
    category === "Fuel"
      ? 0
      : category === "Travel"
        ? Math.min(1, person.onlineShare + 0.3)
        : person.onlineShare;
  const online = rng.chance(onlineShare);
  const channel = online
    ? person.appUser && rng.chance(person.appShare)
      ? APP
      : ONLINE
    : isBankCategory(category)
      ? BRANCH
      : storeFor(rng, person);
  const visit = { day, channel, online };
  buyLine(rng, log, seasonality, person, personIndex, visit, categoryIndex);
  const { extra = 0, companion } = VISIT[category] ?? {};
  const more = extra > 0 ? rng.poisson(extra) : 0;
  for (let n = 0; n < more; n++) {
    buyLine(rng, log, seasonality, person, personIndex, visit, categoryIndex);
  }
  if (companion && rng.chance(companion[1])) {
    const companionIndex = CATEGORIES.indexOf(companion[0]);
    buyLine(rng, log, seasonality, person, personIndex, visit, companionIndex);
  }
}

/** Walk-in shoppers buy like the mass market, but only from the retail partners. */
const MASS_MARKET = Math.max(
  0,
  PERSONAS.findIndex((persona) => persona.key === "mass_market"),
);
const ANONYMOUS_MIX = Float64Array.from(CATEGORIES, (category) =>
  isBankCategory(category) ? 0 : (PERSONAS[MASS_MARKET]?.categoryWeights[category] ?? 0),
);

/** Walk-in sale without a card: retail only, at any partner store. */
function anonymousSale(rng: Rng, log: EventLog, seasonality: Seasonality): void {
  const day = sampleDay(rng, seasonality, PERIOD_START, PERIOD_END);
  const categoryIndex = pickCategory(rng, ANONYMOUS_MIX, seasonality, day);
  const productIndex = pickProduct(rng, MASS_MARKET, categoryIndex);
  const product = PRODUCTS[productIndex] as Product;
  const quantity = pickQuantity(rng, product.category);
  const unit = unitPriceKurus(rng, product, day, 0, seasonality);
  log.add(rng, day, -1, productIndex, quantity, unit, rng.int(0, STORES.length - 1));
}

/**
 * About `target` transactions: each person visits at their own rate inside their active
 * window and buys one or more lines per visit, scaled so the total lands near the target,
 * plus anonymous sales and returns.
 */
export function generateTransactionEvents(
  rng: Rng,
  people: readonly Person[],
  target: number,
): TransactionEvents {
  const seasonality = buildSeasonality();
  const yearsActive = (person: Person) => (person.activeTo - person.activeFrom + 1) / DAYS_PER_YEAR;
  const expected = people.reduce(
    (sum, person) => sum + person.purchaseRate * yearsActive(person) * linesPerVisit(person),
    0,
  );
  const perPerson = (target * (1 - ANONYMOUS_SHARE)) / (1 + EXPECTED_RETURN_SHARE) / expected;
  const log = new EventLog();
  people.forEach((person, personIndex) => {
    const count = rng.poisson(person.purchaseRate * yearsActive(person) * perPerson);
    for (let n = 0; n < count; n++) purchase(rng, log, seasonality, people, personIndex);
  });
  const anonymous = Math.round(target * ANONYMOUS_SHARE);
  for (let n = 0; n < anonymous; n++) anonymousSale(rng, log, seasonality);
  return log;
}
