import {
  asciiFold,
  EMAIL_DOMAIN_WEIGHTS,
  EMAIL_DOMAINS,
  FOREIGN_MOBILES,
  MOBILE_PREFIXES,
} from "./names";
import type { Rng } from "./random";

/** A phone number as digits: Turkish mobiles have country code 90 and 10 national digits. */
export interface Phone {
  countryCode: string;
  national: string;
}

/**
 * Hands out e-mail addresses and phone numbers that no other person has, so the only
 * duplicates in the files are the deliberate online/offline overlaps.
 */
export class IdentityPool {
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  email(firstName: string, lastName: string, birthYear: number): string {
    const first = asciiFold(firstName).replace(/ /g, "");
    const last = asciiFold(lastName).replace(/ /g, "");
    const patterns = [
      `${first}.${last}`,
      `${first}${last}`,
      `${first}.${last}${String(birthYear).slice(2)}`,
      `${first}_${last}`,
      `${first.slice(0, 1)}${last}`,
      `${first}${last}${this.rng.int(1, 999)}`,
    ];
    const local = this.rng.pick(patterns);
    const domain = EMAIL_DOMAINS[this.rng.weighted(EMAIL_DOMAIN_WEIGHTS)] ?? "gmail.com";
    let address = `${local}@${domain}`;
    while (this.emails.has(address)) address = `${local}${this.rng.int(10, 9999)}@${domain}`;
    this.emails.add(address);
    return address;
  }

  turkishMobile(): Phone {
    for (;;) {
      const national = `${this.rng.pick(MOBILE_PREFIXES)}${this.digits(7)}`;
      if (this.claim(`90${national}`)) return { countryCode: "90", national };
    }
  }

  /** Non-residents sometimes give the number they use abroad. */
  foreignMobile(): Phone {
    const plan = this.rng.pick(FOREIGN_MOBILES);
    for (;;) {
      const national = `${plan.prefix}${this.digits(plan.digits)}`;
      if (this.claim(`${plan.countryCode}${national}`)) {
        return { countryCode: plan.countryCode, national };
      }
    }
  }

  private claim(fullNumber: string): boolean {
    if (this.phones.has(fullNumber)) return false;
    this.phones.add(fullNumber);
    return true;
  }

  private digits(count: number): string {
    let text = "";
    for (let index = 0; index < count; index++) text += String(this.rng.int(0, 9));
    return text;
  }
}

/** +905321234567 */
export function e164(phone: Phone): string {
  return `+${phone.countryCode}${phone.national}`;
}

/**
 * The ways people and clerks write the same number. Online forms normalise to +90...;
 * branch staff type whatever the customer says.
 */
export function writePhone(phone: Phone, style: PhoneStyle): string {
  const n = phone.national;
  if (phone.countryCode !== "90") {
    return style === "e164" ? e164(phone) : `+${phone.countryCode} ${n.slice(0, 3)} ${n.slice(3)}`;
  }
  const spaced = `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  switch (style) {
    case "e164":
      return e164(phone);
    case "international":
      return `+90 ${spaced}`;
    case "national":
      return `0${n}`;
    case "national_spaced":
      return `0${spaced}`;
    case "parenthesised":
      return `(0${n.slice(0, 3)}) ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
    case "dashed":
      return `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
    case "bare":
      return n;
  }
}

export type PhoneStyle =
  | "e164"
  | "international"
  | "national"
  | "national_spaced"
  | "parenthesised"
  | "dashed"
  | "bare";

export const OFFLINE_PHONE_STYLES: readonly PhoneStyle[] = [
  "national",
  "national_spaced",
  "parenthesised",
  "dashed",
  "bare",
];

/** "Ayse.Yilmaz@Gmail.com", "AYSE.YILMAZ@GMAIL.COM", " ayse.yilmaz@gmail.com ". */
export function scrambleEmail(address: string, rng: Rng): string {
  const variant = rng.int(0, 2);
  if (variant === 0) return address.toUpperCase();
  const capitalised = address.replace(/(^|[._@])([a-z])/g, (_, mark, letter: string) => {
    return `${mark}${letter.toUpperCase()}`;
  });
  return variant === 1 ? capitalised : ` ${capitalised} `;
}
