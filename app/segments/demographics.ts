/**
 * Pure helpers that put customers and channel audiences into the same buckets so their
 * distributions can be compared: age bands, gender, residency and interests.
 *
 * Interest mapping (category → interest), tried in order:
 * 1. a word of the category equals an interest name ("Health & Beauty" → beauty,
 *    "Home & Garden" → home, "Travel" → travel);
 * 2. the synonym table INTEREST_SYNONYMS below ("Electronics" → tech, "Groceries" and
 *    "Dining" → food, bank products such as "Credit Card", "Mortgage" → finance);
 * 3. otherwise the category has no interest (e.g. "Fuel") and is listed as unmapped.
 * Only interests that some channel audience reports are used.
 */
import { dayToIsoDate } from "~/analytics/columns";

/** Lower-case words joined by "_", letters and digits of any script kept. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

export const INTEREST_SYNONYMS: Readonly<Record<string, string>> = {
  electronics: "tech",
  technology: "tech",
  computers: "tech",
  phones: "tech",
  groceries: "food",
  grocery: "food",
  dining: "food",
  restaurants: "food",
  credit: "finance",
  card: "finance",
  loan: "finance",
  deposit: "finance",
  insurance: "finance",
  mortgage: "finance",
  investment: "finance",
  fund: "finance",
  banking: "finance",
  clothing: "fashion",
  apparel: "fashion",
  cosmetics: "beauty",
  furniture: "home",
  garden: "home",
};

/** The interest of a category among `interests` (audience interest names), or undefined. */
export function interestOfCategory(
  category: string,
  interests: ReadonlySet<string>,
): string | undefined {
  const words = slugify(category).split("_");
  const direct = words.find((w) => interests.has(w));
  if (direct) return direct;
  for (const word of words) {
    const synonym = INTEREST_SYNONYMS[word];
    if (synonym && interests.has(synonym)) return synonym;
  }
  return undefined;
}

export interface AgeBand {
  key: string;
  from: number;
  /** Inclusive upper age; Infinity for "plus". */
  to: number;
}

/** "age_18_24" → 18..24, "age_55_plus" → 55..∞; undefined for other keys. */
export function parseAgeBand(key: string): AgeBand | undefined {
  const match = /^(?:age_)?(\d{1,3})_(\d{1,3}|plus)$/.exec(key);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === "plus" ? Number.POSITIVE_INFINITY : Number(match[2]);
  return to >= from ? { key: `age_${match[1]}_${match[2]}`, from, to } : undefined;
}

export const STANDARD_AGE_BANDS: readonly AgeBand[] = [
  "age_18_24",
  "age_25_34",
  "age_35_44",
  "age_45_54",
  "age_55_plus",
].map((key) => parseAgeBand(key) as AgeBand);

/**
 * The bands the channels use (union of their keys), so both sides are binned alike; the
 * standard bands when channels report none or their bands overlap (then no binning fits all).
 */
export function ageBandsOf(keys: Iterable<string>): AgeBand[] {
  const byKey = new Map<string, AgeBand>();
  for (const key of keys) {
    const band = parseAgeBand(key);
    if (band) byKey.set(band.key, band);
  }
  const bands = [...byKey.values()].sort((a, b) => a.from - b.from);
  const overlaps = bands.some((band, i) => i > 0 && band.from <= (bands[i - 1] as AgeBand).to);
  return bands.length === 0 || overlaps ? [...STANDARD_AGE_BANDS] : bands;
}

/** Band of an age in whole years, or undefined when no band covers it (e.g. under 18). */
export function bandOfAge(age: number, bands: readonly AgeBand[]): string | undefined {
  if (!Number.isFinite(age)) return undefined;
  return bands.find((b) => age >= b.from && age <= b.to)?.key;
}

/**
 * Age in whole years on the reference day: from the birth date when known, else
 * (reference year − birth year), the age reached during the reference year. NaN if unknown.
 */
export function ageAt(birthDate: string | null, birthYear: number | null, day: number): number {
  const reference = dayToIsoDate(day);
  const year = Number(reference.slice(0, 4));
  if (birthDate && /^\d{4}-\d{2}-\d{2}/.test(birthDate)) {
    const hadBirthday = reference.slice(5, 10) >= birthDate.slice(5, 10);
    return year - Number(birthDate.slice(0, 4)) - (hadBirthday ? 0 : 1);
  }
  return birthYear ? year - birthYear : Number.NaN;
}

/** "female" / "male" / "other" from customer values and audience keys ("gender_female"). */
export function genderBucket(value: string | null | undefined): string | undefined {
  const word = slugify(value ?? "").replace(/^gender_/, "");
  if (["female", "f", "woman", "women", "kadin", "kadın"].includes(word)) return "female";
  if (["male", "m", "man", "men", "erkek"].includes(word)) return "male";
  return word === "" ? undefined : "other";
}

/** "resident" / "non_resident" from attribute values ("Yerleşik Değil", "non-resident", …). */
export function residencyBucket(value: unknown): string | undefined {
  // json_extract returns JSON true / false as 1 / 0.
  if (value === true || value === 1) return "resident";
  if (value === false || value === 0) return "non_resident";
  if (typeof value !== "string") return undefined;
  const word = slugify(value);
  if (["resident", "yes", "true", "1", "yerlesik"].includes(word)) return "resident";
  if (["non_resident", "nonresident", "no", "false", "0", "yerlesik_degil"].includes(word))
    return "non_resident";
  return undefined;
}
