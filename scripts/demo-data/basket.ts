import { PERIOD_START, type Seasonality } from "./calendar";
import { CATEGORIES, type Category, PRODUCTS, PRODUCTS_BY_CATEGORY, type Product } from "./catalog";
import { PERSONAS } from "./personas";
import { cumulative, type Rng } from "./random";

/** What one purchase line looks like: which product, how many, at what unit price. */

/** Monthly price drift: Turkish prices rose steadily over the period. */
const MONTHLY_INFLATION = 0.015;
const DAYS_PER_MONTH = 30.44;
/** Income at which chosen amounts (fund purchases, savings) equal the list price. */
const REFERENCE_INCOME = 40_000;

/** How much one occurrence's price varies around the list price (log spread). */
const PRICE_SPREAD: Partial<Record<Category, number>> = {
  Dining: 0.35,
  Travel: 0.3,
  Groceries: 0.05,
};
const DEEP_DISCOUNT_CATEGORIES = new Set<Category>([
  "Electronics",
  "Fashion",
  "Home & Garden",
  "Health & Beauty",
]);

/** Added to a persona's premium by price tier (people.ts): lower, middle, higher income. */
export const TIER_PREMIUM = [-0.3, 0, 0.3] as const;

/**
 * For each persona, price tier and category, running totals of price^premium over that
 * category's products (precomputed: a purchase is one binary search).
 */
const PRODUCT_CHOICE: readonly (readonly (readonly Float64Array[])[])[] = PERSONAS.map((persona) =>
  TIER_PREMIUM.map((shift) =>
    PRODUCTS_BY_CATEGORY.map((indexes) =>
      cumulative(
        indexes.map((index) => (PRODUCTS[index] as Product).price ** (persona.premium + shift)),
      ),
    ),
  ),
);

export function pickCategory(
  rng: Rng,
  preference: Float64Array,
  seasonality: Seasonality,
  dayOffset: number,
): number {
  const weights = new Array<number>(CATEGORIES.length);
  const base = dayOffset * CATEGORIES.length;
  for (let index = 0; index < CATEGORIES.length; index++) {
    weights[index] = (preference[index] ?? 0) * (seasonality.categoryFactor[base + index] ?? 1);
  }
  return rng.weighted(weights);
}

export function pickProduct(
  rng: Rng,
  personaIndex: number,
  categoryIndex: number,
  priceTier = 1,
): number {
  const choice = PRODUCT_CHOICE[personaIndex]?.[priceTier]?.[categoryIndex];
  const indexes = PRODUCTS_BY_CATEGORY[categoryIndex];
  if (!choice || !indexes) throw new Error("unknown persona or category");
  return indexes[rng.fromCumulative(choice)] as number;
}

/** Litres for fuel, several items for groceries, usually one of anything else. */
export function pickQuantity(rng: Rng, category: Category): number {
  switch (category) {
    case "Fuel":
      return rng.int(15, 55);
    case "Groceries":
      return Math.min(8, 1 + rng.poisson(1.2));
    case "Fashion":
      return rng.chance(0.25) ? 2 : 1;
    case "Health & Beauty":
      return Math.min(4, 1 + rng.poisson(0.4));
    default:
      return 1;
  }
}

/** Unit price in kuruş on a given day, after inflation, discounts and personal scale. */
export function unitPriceKurus(
  rng: Rng,
  product: Product,
  dayOffset: number,
  monthlyIncome: number,
  seasonality: Seasonality,
): number {
  let price = product.price * (1 + MONTHLY_INFLATION) ** (dayOffset / DAYS_PER_MONTH);
  const spread = PRICE_SPREAD[product.category];
  if (spread) price *= rng.logNormal(0, spread);
  if (product.variableAmount) {
    price *= (monthlyIncome / REFERENCE_INCOME) ** 0.6 * rng.logNormal(0, 0.45);
    return Math.max(1000, Math.round(price / 10) * 1000);
  }
  if (DEEP_DISCOUNT_CATEGORIES.has(product.category)) {
    if (seasonality.efsaneCuma[dayOffset]) price *= 1 - rng.range(0.15, 0.35);
    else if (rng.chance(0.08)) price *= 1 - rng.range(0.1, 0.2);
  }
  return Math.max(1, Math.round(price * 100));
}

/** Share of purchases that come back, by category; online orders come back more often. */
const RETURN_RATE: Partial<Record<Category, number>> = {
  Fashion: 0.07,
  Electronics: 0.035,
  "Home & Garden": 0.025,
  "Health & Beauty": 0.012,
  Groceries: 0.003,
};

export function isReturned(rng: Rng, category: Category, online: boolean): boolean {
  const rate = (RETURN_RATE[category] ?? 0) * (online ? 1.5 : 1);
  return rate > 0 && rng.chance(rate);
}

// Relative traffic by hour of day (0..23).
const ONLINE_HOURS = cumulative([
  2, 1, 0.5, 0.3, 0.2, 0.3, 0.8, 2, 3, 4, 4.5, 5, 5.5, 5, 4.5, 4.5, 5, 5.5, 6, 7, 8.5, 9, 7, 4,
]);
const STORE_HOURS = cumulative([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 5, 5.5, 5, 5, 5.5, 6.5, 7.5, 7.5, 6, 3.5, 1, 0,
]);
const BRANCH_HOURS = cumulative([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 5, 4, 5, 6, 5, 1, 0, 0, 0, 0, 0, 0,
]);

export type Venue = "online" | "store" | "branch";

export function secondOfDay(rng: Rng, venue: Venue): number {
  const hours = venue === "online" ? ONLINE_HOURS : venue === "store" ? STORE_HOURS : BRANCH_HOURS;
  return rng.fromCumulative(hours) * 3600 + rng.int(0, 3599);
}

/** A day offset inside [from, to] (days since PERIOD_START), busier days more likely. */
export function sampleDay(rng: Rng, seasonality: Seasonality, from: number, to: number): number {
  const low = from - PERIOD_START;
  const high = to - PERIOD_START;
  for (;;) {
    const offset = rng.int(low, high);
    if (rng.float() * seasonality.peakDemand < (seasonality.demand[offset] ?? 0)) return offset;
  }
}
