/**
 * Builds a contactable audience from segment members: optional category-interest filter,
 * consent rules per contact channel and a weekly contact-frequency cap, reporting how many
 * customers were left out and why.
 */

export type ContactChannel = "email" | "sms";
export type ConsentFlag = "consentDataProcessing" | "consentEmail" | "consentSms";

/** Consents required per contact channel (all must be true); shown on the page as data. */
export const CONSENT_RULES: Readonly<Record<ContactChannel, readonly ConsentFlag[]>> = {
  email: ["consentDataProcessing", "consentEmail"],
  sms: ["consentDataProcessing", "consentSms"],
};

export interface AudienceCustomer {
  customerId: string;
  segment: string;
  /** null / undefined = no recorded consent, treated as "no". */
  consentDataProcessing?: boolean | null;
  consentEmail?: boolean | null;
  consentSms?: boolean | null;
  /** Top categories of interest (see category-interest.ts). */
  interests?: readonly string[];
}

export interface ContactLogEntry {
  customerId: string;
  /** Epoch milliseconds of the contact. */
  contactedAt: number;
  channel: string;
}

export interface AudienceRequest {
  customers: readonly AudienceCustomer[];
  segments: readonly string[];
  channel: ContactChannel;
  /** Keep only customers with at least one of these categories among their interests. */
  categories?: readonly string[];
  contactLog?: readonly ContactLogEntry[];
  /** Contacts allowed per customer in the 7 days before asOf; undefined = no cap. */
  maxContactsPerWeek?: number;
  /** Count contacts on every channel (default) or on the requested channel only. */
  capScope?: "all-channels" | "this-channel";
  /** Epoch milliseconds of the planned send. */
  asOf: number;
}

export interface AudienceResult {
  members: string[];
  /** Customers in the chosen segments before any exclusion. */
  segmentMembers: number;
  /** Each left-out customer counted once, under the first failed check in this order. */
  excluded: {
    notInterested: number;
    noDataProcessingConsent: number;
    noChannelConsent: number;
    frequencyCap: number;
  };
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Checks in order: in a chosen segment → (if categories given) shares an interest →
 * consentDataProcessing = true → channel consent = true (email: consentEmail, sms:
 * consentSms) → contacts in (asOf − 7 days, asOf] < maxContactsPerWeek.
 */
export function buildAudience(request: AudienceRequest): AudienceResult {
  const { channel, asOf, maxContactsPerWeek, capScope = "all-channels" } = request;
  const segments = new Set(request.segments);
  const categories =
    request.categories && request.categories.length > 0 ? new Set(request.categories) : undefined;
  const recentContacts = new Map<string, number>();
  for (const entry of request.contactLog ?? []) {
    if (entry.contactedAt <= asOf - WEEK_MS || entry.contactedAt > asOf) continue;
    if (capScope === "this-channel" && entry.channel !== channel) continue;
    recentContacts.set(entry.customerId, (recentContacts.get(entry.customerId) ?? 0) + 1);
  }
  const required = CONSENT_RULES[channel];
  const excluded = {
    notInterested: 0,
    noDataProcessingConsent: 0,
    noChannelConsent: 0,
    frequencyCap: 0,
  };
  const members: string[] = [];
  let segmentMembers = 0;
  for (const customer of request.customers) {
    if (!segments.has(customer.segment)) continue;
    segmentMembers++;
    if (categories && !(customer.interests ?? []).some((c) => categories.has(c)))
      excluded.notInterested++;
    else if (customer.consentDataProcessing !== true) excluded.noDataProcessingConsent++;
    else if (!required.every((flag) => customer[flag] === true)) excluded.noChannelConsent++;
    else if (
      maxContactsPerWeek !== undefined &&
      (recentContacts.get(customer.customerId) ?? 0) >= maxContactsPerWeek
    ) {
      excluded.frequencyCap++;
    } else members.push(customer.customerId);
  }
  return { members, segmentMembers, excluded };
}
