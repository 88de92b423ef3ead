import { PERIOD_END, PERIOD_START } from "./calendar";
import { CATEGORIES } from "./catalog";
import { dayOf } from "./format";
import { IdentityPool, type Phone } from "./identity";
import { CITIES, type City, FEMALE_NAMES, MALE_NAMES, SURNAMES, storeCount } from "./names";
import { PERSONAS, type Persona } from "./personas";
import type { Rng } from "./random";

/** Share of people who are customers of both the online and the branch channel. */
export const OVERLAP_SHARE = 0.05;
const FIRST_SIGNUP = dayOf("2012-01-01");
const DAYS_PER_YEAR = 365.25;

/** The data-protection law (KVKK) took effect here; older customers consented afterwards. */
const KVKK_IN_FORCE = dayOf("2016-04-07");
const KVKK_CONSENT_SHARE = 0.92;
/** Share of people who take no offer whatever is sent (responses.ts); the truth lists them. */
export const NEVER_RESPONDS_SHARE = 0.03;

/** Day each consent was given in one source's record, or null where it was refused. */
export interface ConsentDays {
  sms: number | null;
  email: number | null;
  kvkk: number | null;
}

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
  /**
   * The person's choices, recorded by every source they are in (a person says yes or no
   * once; each record dates it at its own sign-up or a while later), so both customer files
   * and the responses agree on who may get an SMS or an e-mail.
   */
  consents: { sms: boolean; email: boolean; kvkk: boolean };
  onlineConsents: ConsentDays;
  offlineConsents: ConsentDays;
  /** Has the bank's mobile app: buys in it (channel `app`) and can get push messages. */
  appUser: boolean;
  /** Of their online purchases, the share made in the app rather than on the web. */
  appShare: number;
  /** 0, 1, 2: income well below, near, well above the persona's (cheaper or dearer products). */
  priceTier: number;
  /** Takes no offer from any message (a few customers are like this; see responses.ts). */
  neverResponds: boolean;
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

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function activeWindow(rng: Rng, churn: number, firstSignup: number): [number, number] {
  const from = Math.max(PERIOD_START, firstSignup);
  const churns = rng.chance(churn) && PERIOD_END - from > 60;
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

/** Consent days in one record: opt-ins at sign-up or a while later, never after the period. */
function recordConsents(rng: Rng, choices: Person["consents"], signup: number): ConsentDays {
  const day = (given: boolean) =>
    given ? Math.min(PERIOD_END, rng.chance(0.6) ? signup : signup + rng.int(1, 400)) : null;
  const kvkk = choices.kvkk
    ? Math.min(PERIOD_END, signup >= KVKK_IN_FORCE ? signup : KVKK_IN_FORCE + rng.int(0, 500))
    : null;
  return { sms: day(choices.sms), email: day(choices.email), kvkk };
}

/**
 * Income over a career: lower at the start, highest from about 50, flat in retirement;
 * about 1 in the middle of working life, so a persona's median stays its median.
 */
function careerFactor(age: number): number {
  if (age >= 62) return 1;
  return 0.7 + 0.6 * clamp((age - 18) / 32, 0, 1);
}

/** Women buy more fashion and beauty, men more electronics and fuel (a mild tilt). */
const GENDER_TILT: Partial<Record<(typeof CATEGORIES)[number], readonly [number, number]>> = {
  Fashion: [1.5, 0.7],
  "Health & Beauty": [1.6, 0.6],
  "Home & Garden": [1.2, 0.9],
  Electronics: [0.7, 1.5],
  Fuel: [0.7, 1.5],
};
/** People living abroad buy travel (flights home) and little fuel. */
const NON_RESIDENT_TILT: Partial<Record<(typeof CATEGORIES)[number], number>> = {
  Travel: 3,
  Fuel: 0.4,
  Groceries: 0.7,
};

function personalPreference(
  rng: Rng,
  persona: Persona,
  female: boolean,
  resident: boolean,
): Float64Array {
  return Float64Array.from(CATEGORIES, (category) => {
    const gender = GENDER_TILT[category]?.[female ? 0 : 1] ?? 1;
    const abroad = resident ? 1 : (NON_RESIDENT_TILT[category] ?? 1);
    return persona.categoryWeights[category] * gender * abroad * rng.logNormal(0, 0.5);
  });
}

/**
 * How and how much someone buys follows who they are, not only their persona: the young,
 * city dwellers and people abroad buy online (and the young in the app); higher income buys
 * more often and dearer; people abroad buy less often and drift away more.
 */
function behaviour(
  rng: Rng,
  persona: Persona,
  traits: { age: number; metropolitan: boolean; resident: boolean; incomeRatio: number },
) {
  const { age, metropolitan, resident, incomeRatio } = traits;
  const middleAge = (persona.ageRange[0] + persona.ageRange[1]) / 2;
  const onlineShare = clamp(
    persona.onlineShare +
      0.012 * (middleAge - age) +
      (metropolitan ? 0.06 : -0.06) +
      (resident ? 0 : 0.2) +
      0.1 * rng.normal(),
    0.02,
    0.98,
  );
  const appUser = rng.chance(clamp(0.95 - 0.02 * (age - 18), 0.03, 0.95));
  const appShare = appUser ? clamp(0.8 - 0.012 * (age - 18) + 0.1 * rng.normal(), 0.1, 0.9) : 0;
  const purchaseRate =
    persona.purchasesPerYear * incomeRatio ** 0.3 * (resident ? 1 : 0.55) * rng.logNormal(0, 0.4);
  const churn = clamp(
    persona.churn * (age < 25 ? 1.5 : age < 35 ? 1.2 : age > 60 ? 0.7 : 1) * (resident ? 1 : 1.6),
    0,
    0.9,
  );
  const priceTier = incomeRatio < 0.75 ? 0 : incomeRatio > 1.35 ? 2 : 1;
  return { onlineShare, appUser, appShare, purchaseRate, churn, priceTier };
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
  const resident = !rng.chance(persona.nonResidentShare);
  // Incomes rise with age and are higher in the three big cities.
  const incomeMedian = persona.incomeMedian * careerFactor(age) * (city.metropolitan ? 1.2 : 0.9);
  const monthlyIncome =
    Math.round(rng.logNormal(Math.log(incomeMedian), persona.incomeSigma) * 100) / 100;
  const buys = behaviour(rng, persona, {
    age,
    metropolitan: city.metropolitan,
    resident,
    incomeRatio: monthlyIncome / persona.incomeMedian,
  });
  const files = whichFiles(rng, persona);
  const onlineSignup = signupDay(rng, persona, birthDay);
  const offlineSignup = files.overlap
    ? rng.int(onlineSignup, PERIOD_END - 30)
    : signupDay(rng, persona, birthDay);
  const firstSignup = Math.min(
    files.inOnline ? onlineSignup : PERIOD_END,
    files.inOffline ? offlineSignup : PERIOD_END,
  );
  const [activeFrom, activeTo] = activeWindow(rng, buys.churn, firstSignup);
  const birthYear = new Date(birthDay * 86_400_000).getUTCFullYear();
  const email = identities.email(firstName, lastName, birthYear);
  const phone =
    !resident && rng.chance(0.5) ? identities.foreignMobile() : identities.turkishMobile();
  const offline = offlineContact(rng, identities, files.overlap, { email, phone }, [
    firstName,
    lastName,
    birthYear,
  ]);
  const consents = {
    sms: rng.chance(persona.smsConsent),
    email: rng.chance(persona.emailConsent),
    kvkk: rng.chance(KVKK_CONSENT_SHARE),
  };
  return {
    personaIndex,
    firstName,
    lastName,
    female,
    birthDay,
    cityIndex,
    homeStore: rng.int(1, storeCount(city)),
    monthlyIncome,
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
    consents,
    onlineConsents: recordConsents(rng, consents, onlineSignup),
    offlineConsents: recordConsents(rng, consents, offlineSignup),
    appUser: buys.appUser,
    appShare: buys.appShare,
    priceTier: buys.priceTier,
    neverResponds: rng.chance(NEVER_RESPONDS_SHARE),
    ...files,
    onlineSignup,
    offlineSignup,
    purchaseRate: buys.purchaseRate,
    categoryPreference: personalPreference(rng, persona, female, resident),
    onlineShare: buys.onlineShare,
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
