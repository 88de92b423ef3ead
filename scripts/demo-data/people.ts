import { PERIOD_END, PERIOD_START } from "./calendar";
import { CATEGORIES } from "./catalog";
import { dayOf } from "./format";
import { IdentityPool, type Phone } from "./identity";
import { CITIES, type City, FEMALE_NAMES, MALE_NAMES, SURNAMES, storeCount } from "./names";
import { PERSONAS, type Persona } from "./personas";
import type { Rng } from "./random";

/** Share of people who are customers of both the online and the branch channel. */
export const OVERLAP_SHARE = 0.05;
const NON_RESIDENT_SHARE = 0.04;
const FIRST_SIGNUP = dayOf("2012-01-01");
const DAYS_PER_YEAR = 365.25;

/** How the two records of someone in both files can be tied together. */
export type OverlapKey = "email_and_phone" | "email" | "phone";

/** One real person: who they are and, hidden, how they buy. */
export interface Person {
  personaIndex: number;
  firstName: string;
  lastName: string;
  female: boolean;
  birthDay: number;
  cityIndex: number;
  /** Number of the partner store they usually visit, in their city. */
  homeStore: number;
  monthlyIncome: number;
  children: number;
  resident: boolean;
  /** Canonical (lower-case) address and number, as the online sign-up stores them. */
  email: string;
  phone: Phone;
  /** What the branch recorded: the same details, another number, another or no address. */
  offlineEmail: string | null;
  offlinePhone: Phone;
  creditScore: number;
  productsHeld: number;
  inOnline: boolean;
  inOffline: boolean;
  /** Set for people in both files: which contact details the two records share. */
  overlap: OverlapKey | null;
  onlineSignup: number;
  offlineSignup: number;
  /** Expected purchases a year, before scaling to the requested volume. */
  purchaseRate: number;
  /** This person's weight for each category, CATEGORIES order. */
  categoryPreference: Float64Array;
  onlineShare: number;
  /** Days between which the person buys; a churned customer stops early. */
  activeFrom: number;
  activeTo: number;
}

function pickCity(rng: Rng, persona: Persona): number {
  return rng.weighted(
    CITIES.map((city) => city.population * (city.metropolitan ? persona.metropolitanBias : 1)),
  );
}

function signupDay(rng: Rng, persona: Persona, birthDay: number): number {
  const adult = Math.ceil(birthDay + 18 * DAYS_PER_YEAR);
  const day = rng.chance(persona.establishedShare)
    ? rng.int(FIRST_SIGNUP, PERIOD_START - 1)
    : rng.int(PERIOD_START, PERIOD_END - 30);
  return Math.min(Math.max(day, adult), PERIOD_END - 30);
}

function personalPreference(rng: Rng, persona: Persona): Float64Array {
  return Float64Array.from(
    CATEGORIES.map((category) => persona.categoryWeights[category] * rng.logNormal(0, 0.5)),
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function activeWindow(rng: Rng, persona: Persona, firstSignup: number): [number, number] {
  const from = Math.max(PERIOD_START, firstSignup);
  const churns = rng.chance(persona.churn) && PERIOD_END - from > 60;
  const to = churns ? from + Math.floor((PERIOD_END - from) * rng.range(0.1, 0.85)) : PERIOD_END;
  return [from, to];
}

function whichFiles(
  rng: Rng,
  persona: Persona,
): Pick<Person, "inOnline" | "inOffline" | "overlap"> {
  if (rng.chance(OVERLAP_SHARE)) {
    const overlap = (["email_and_phone", "email", "phone"] as const)[rng.weighted([45, 30, 25])];
    return { inOnline: true, inOffline: true, overlap: overlap ?? "email_and_phone" };
  }
  const online = rng.chance(persona.onlineSource);
  return { inOnline: online, inOffline: !online, overlap: null };
}

/** Share of branch-only customers who never gave an e-mail address. */
const OFFLINE_WITHOUT_EMAIL = 0.2;

function offlineContact(
  rng: Rng,
  identities: IdentityPool,
  overlap: OverlapKey | null,
  shared: { email: string; phone: Phone },
  [firstName, lastName, birthYear]: [string, string, number],
): { email: string | null; phone: Phone } {
  if (overlap === "email") return { email: shared.email, phone: identities.turkishMobile() };
  if (overlap === "phone") {
    const other = rng.chance(0.5) ? identities.email(firstName, lastName, birthYear) : null;
    return { email: other, phone: shared.phone };
  }
  if (overlap === null && rng.chance(OFFLINE_WITHOUT_EMAIL))
    return { email: null, phone: shared.phone };
  return shared;
}

function person(rng: Rng, identities: IdentityPool): Person {
  const personaIndex = rng.weighted(PERSONAS.map((candidate) => candidate.share));
  const persona = PERSONAS[personaIndex] as Persona;
  const female = rng.chance(persona.femaleShare);
  const firstName =
    rng.pick(female ? FEMALE_NAMES : MALE_NAMES) +
    (rng.chance(0.1) ? ` ${rng.pick(female ? FEMALE_NAMES : MALE_NAMES)}` : "");
  const lastName = rng.pick(SURNAMES);
  const age = rng.range(persona.ageRange[0], persona.ageRange[1] + 1);
  const birthDay = Math.floor(PERIOD_END - age * DAYS_PER_YEAR);
  const cityIndex = pickCity(rng, persona);
  const city = CITIES[cityIndex] as City;
  const resident = !rng.chance(NON_RESIDENT_SHARE);
  const files = whichFiles(rng, persona);
  const onlineSignup = signupDay(rng, persona, birthDay);
  const offlineSignup = files.overlap
    ? rng.int(onlineSignup, PERIOD_END - 30)
    : signupDay(rng, persona, birthDay);
  const firstSignup = Math.min(
    files.inOnline ? onlineSignup : PERIOD_END,
    files.inOffline ? offlineSignup : PERIOD_END,
  );
  const [activeFrom, activeTo] = activeWindow(rng, persona, firstSignup);
  const birthYear = new Date(birthDay * 86_400_000).getUTCFullYear();
  const email = identities.email(firstName, lastName, birthYear);
  const phone =
    !resident && rng.chance(0.5) ? identities.foreignMobile() : identities.turkishMobile();
  const offline = offlineContact(rng, identities, files.overlap, { email, phone }, [
    firstName,
    lastName,
    birthYear,
  ]);
  return {
    personaIndex,
    firstName,
    lastName,
    female,
    birthDay,
    cityIndex,
    homeStore: rng.int(1, storeCount(city)),
    monthlyIncome:
      Math.round(rng.logNormal(Math.log(persona.incomeMedian), persona.incomeSigma) * 100) / 100,
    children: persona.childrenMean === 0 ? 0 : Math.min(6, rng.poisson(persona.childrenMean)),
    resident,
    email,
    phone,
    offlineEmail: offline.email,
    offlinePhone: offline.phone,
    creditScore: Math.round(
      clamp(persona.creditScore[0] + persona.creditScore[1] * rng.normal(), 1, 1900),
    ),
    productsHeld: Math.max(1, rng.poisson(persona.productsHeldMean)),
    ...files,
    onlineSignup,
    offlineSignup,
    purchaseRate: persona.purchasesPerYear * rng.logNormal(0, 0.5),
    categoryPreference: personalPreference(rng, persona),
    onlineShare: clamp(persona.onlineShare + 0.12 * rng.normal(), 0.02, 0.98),
    activeFrom,
    activeTo,
  };
}

/** The population behind both customer files and the transactions. */
export function generatePeople(rng: Rng, count: number): Person[] {
  const identities = new IdentityPool(rng);
  return Array.from({ length: count }, () => person(rng, identities));
}

/** Age in whole years at the end of the period, for tests and summaries. */
export function ageAtPeriodEnd(person: Person): number {
  return Math.floor((PERIOD_END - person.birthDay) / DAYS_PER_YEAR);
}
