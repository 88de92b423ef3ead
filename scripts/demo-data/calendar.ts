import { CATEGORIES, type Category } from "./catalog";
import { dayOf, dayOfMonth, monthOf, weekday } from "./format";

/** Two years of trading, inclusive at both ends. */
export const PERIOD_START = dayOf("2024-11-01");
export const PERIOD_END = dayOf("2026-10-31");
export const PERIOD_DAYS = PERIOD_END - PERIOD_START + 1;

interface CalendarEvent {
  name: string;
  from: string;
  to: string;
  /** Multiplier on how many purchases happen that day. */
  demand: number;
  /** Multipliers on which categories those purchases fall in. */
  categories: Partial<Record<Category, number>>;
}

const efsaneCuma = (weekFrom: string, weekTo: string, dayFrom: string, dayTo: string) => [
  {
    name: "Efsane Cuma week",
    from: weekFrom,
    to: weekTo,
    demand: 1.5,
    categories: { Electronics: 1.8, Fashion: 1.6, "Home & Garden": 1.4 },
  },
  {
    name: "Efsane Cuma",
    from: dayFrom,
    to: dayTo,
    demand: 3,
    categories: { Electronics: 2.8, Fashion: 2.2, "Home & Garden": 1.8, "Health & Beauty": 1.5 },
  },
];

const ramadan = (fasting: [string, string], eve: [string, string], bayram: [string, string]) => [
  {
    name: "Ramazan",
    from: fasting[0],
    to: fasting[1],
    demand: 1.1,
    categories: { Groceries: 1.5, Dining: 1.3 },
  },
  {
    name: "Bayram shopping",
    from: eve[0],
    to: eve[1],
    demand: 1.45,
    categories: { Groceries: 1.6, Fashion: 1.9, "Health & Beauty": 1.4, Travel: 1.5 },
  },
  {
    name: "Ramazan Bayramı",
    from: bayram[0],
    to: bayram[1],
    demand: 0.75,
    categories: { Travel: 2.2, Dining: 1.4, Fuel: 1.6 },
  },
];

const kurban = (eve: [string, string], bayram: [string, string]) => [
  {
    name: "Kurban eve",
    from: eve[0],
    to: eve[1],
    demand: 1.25,
    categories: { Groceries: 1.3, Travel: 1.8, Fuel: 1.4, "Consumer Loan": 1.3 },
  },
  {
    name: "Kurban Bayramı",
    from: bayram[0],
    to: bayram[1],
    demand: 0.8,
    categories: { Travel: 2, Fuel: 1.6 },
  },
];

const newYear = (from: string, to: string) => ({
  name: "Yılbaşı",
  from,
  to,
  demand: 1.35,
  categories: { Fashion: 1.4, Electronics: 1.3, Dining: 1.5, Groceries: 1.2 },
});

const mothersDay = (from: string, to: string) => ({
  name: "Anneler Günü",
  from,
  to,
  demand: 1.15,
  categories: { "Health & Beauty": 1.8, Fashion: 1.4 },
});

const backToSchool = (from: string, to: string) => ({
  name: "Okula dönüş",
  from,
  to,
  demand: 1.1,
  categories: { Electronics: 1.4, Fashion: 1.3 },
});

/** Dates of the Turkish retail calendar inside the period (Diyanet's bayram dates). */
export const EVENTS: readonly CalendarEvent[] = [
  ...efsaneCuma("2024-11-22", "2024-11-28", "2024-11-29", "2024-12-01"),
  newYear("2024-12-20", "2024-12-31"),
  ...ramadan(
    ["2025-03-01", "2025-03-19"],
    ["2025-03-20", "2025-03-29"],
    ["2025-03-30", "2025-04-01"],
  ),
  mothersDay("2025-05-04", "2025-05-10"),
  ...kurban(["2025-05-29", "2025-06-05"], ["2025-06-06", "2025-06-09"]),
  backToSchool("2025-09-01", "2025-09-15"),
  ...efsaneCuma("2025-11-21", "2025-11-27", "2025-11-28", "2025-11-30"),
  newYear("2025-12-20", "2025-12-31"),
  ...ramadan(
    ["2026-02-19", "2026-03-09"],
    ["2026-03-10", "2026-03-19"],
    ["2026-03-20", "2026-03-22"],
  ),
  mothersDay("2026-05-03", "2026-05-09"),
  ...kurban(["2026-05-19", "2026-05-26"], ["2026-05-27", "2026-05-30"]),
  backToSchool("2026-09-01", "2026-09-14"),
];

/** Category multipliers by month: summer travel, January sales lull, winter fuel. */
function monthlyCategoryFactor(month: number, category: Category): number {
  const summer = month >= 6 && month <= 8;
  if (category === "Travel") return summer ? 2 : month === 1 || month === 2 ? 0.7 : 1;
  if (category === "Fuel") return summer ? 1.15 : 1;
  if (category === "Home & Garden") return month >= 4 && month <= 6 ? 1.3 : 1;
  if (category === "Investment Fund") return month === 1 ? 1.3 : 1;
  return 1;
}

export interface Seasonality {
  /** Relative purchase volume per day of the period. */
  demand: Float64Array;
  /** The largest value in demand, for rejection sampling. */
  peakDemand: number;
  /** Per day, the multiplier for each category (CATEGORIES order), flattened. */
  categoryFactor: Float64Array;
  /** 1 on Efsane Cuma days, when partners cut prices hardest. */
  efsaneCuma: Uint8Array;
}

/** Daily demand: weekends, paydays (the 1st and 15th), a growth trend, and the events above. */
export function buildSeasonality(): Seasonality {
  const demand = new Float64Array(PERIOD_DAYS);
  const categoryFactor = new Float64Array(PERIOD_DAYS * CATEGORIES.length);
  const efsaneCuma = new Uint8Array(PERIOD_DAYS);
  for (let offset = 0; offset < PERIOD_DAYS; offset++) {
    const day = PERIOD_START + offset;
    const dow = weekday(day);
    const date = dayOfMonth(day);
    const month = monthOf(day);
    let volume = 1 + (0.12 * offset) / 365;
    if (dow === 6) volume *= 1.2;
    if (dow === 0) volume *= 1.1;
    if (date <= 3 || date === 15 || date === 16) volume *= 1.1;
    if (month === 1 || month === 2) volume *= 0.85;
    CATEGORIES.forEach((category, index) => {
      categoryFactor[offset * CATEGORIES.length + index] = monthlyCategoryFactor(month, category);
    });
    for (const event of EVENTS) {
      if (day < dayOf(event.from) || day > dayOf(event.to)) continue;
      volume *= event.demand;
      if (event.name === "Efsane Cuma") efsaneCuma[offset] = 1;
      CATEGORIES.forEach((category, index) => {
        const slot = offset * CATEGORIES.length + index;
        categoryFactor[slot] = (categoryFactor[slot] ?? 1) * (event.categories[category] ?? 1);
      });
    }
    demand[offset] = volume;
  }
  return { demand, peakDemand: Math.max(...demand), categoryFactor, efsaneCuma };
}
