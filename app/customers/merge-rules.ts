/**
 * How source records become one profile per person, as data the customer page shows and as
 * the pure function the loader's merge applies. No I/O here, so the rules are tested alone.
 */
import type { CustomerRow } from "~/ingest/schemas";

/** One sentence per rule, in the order they apply; the customer page lists them. */
export const MERGE_RULES: readonly string[] = [
  "A record is identified by its source (online, offline, or the file's source column) and its customer id there; loading the same source and id again updates that record, and an identical record counts as unchanged.",
  "The same customer id in two different sources is not taken as the same person: each system numbers its customers on its own.",
  'A customer id found only in a transactions file gets a profile of its own (source "transactions", consent unknown), so its sales count; a customer record with that id, from any source, joins that profile, or, when it joins another profile by e-mail or phone, brings those sales and the id with it.',
  "A new record joins the profile with (1) the same source and id, else (2) the same e-mail (compared lower-cased and trimmed), else (3) the same phone number (compared in international form, +905321234567); otherwise it starts a new profile. Two existing profiles are never joined automatically.",
  "Empty profile fields are filled from any record. When records disagree, the most recently loaded record wins; an empty cell never erases a known value.",
  "Each consent (SMS, e-mail, data processing) keeps its latest value by consent date, with that date and the source it came from. A record without a consent date counts as of the moment it was loaded.",
  "Extra columns are kept as typed attributes (number, category, date); a newer record's value replaces an older one, and other attributes are kept.",
];

export const consentKinds = ["sms", "email", "data_processing"] as const;
export type ConsentKind = (typeof consentKinds)[number];

/** The profile as stored in `customers` (snake_case, as the columns are named). */
export interface Profile {
  name: string | null;
  email: string | null;
  phone: string | null;
  gender: string | null;
  birth_date: string | null;
  birth_year: number | null;
  city: string | null;
  income: number | null;
  signup_date: string | null;
  consent_sms: boolean | null;
  consent_sms_at: string | null;
  consent_sms_source: string | null;
  consent_email: boolean | null;
  consent_email_at: string | null;
  consent_email_source: string | null;
  consent_data_processing: boolean | null;
  consent_data_processing_at: string | null;
  consent_data_processing_source: string | null;
  attributes: Record<string, number | string>;
}

export const profileFields = [
  "name",
  "email",
  "phone",
  "gender",
  "birth_date",
  "birth_year",
  "city",
  "income",
  "signup_date",
] as const satisfies readonly (keyof Profile & keyof CustomerRow)[];

export function emptyProfile(): Profile {
  const profile: Record<string, unknown> = { attributes: {} };
  for (const field of profileFields) profile[field] = null;
  for (const kind of consentKinds) {
    profile[`consent_${kind}`] = null;
    profile[`consent_${kind}_at`] = null;
    profile[`consent_${kind}_source`] = null;
  }
  return profile as unknown as Profile;
}

/**
 * The profile after taking in one record loaded at `loadedAt` (ISO time) from `source`.
 * Records arrive in load order, so "newest loaded wins" is simply "non-empty overwrites".
 */
export function mergeRecord(
  profile: Profile,
  record: CustomerRow,
  source: string,
  loadedAt: string,
): Profile {
  const merged: Profile = { ...profile, attributes: { ...profile.attributes } };
  const target = merged as unknown as Record<string, unknown>;
  for (const field of profileFields) {
    const value = record[field];
    if (value !== null && value !== undefined) target[field] = value;
  }
  for (const kind of consentKinds) {
    const value = record[`consent_${kind}`];
    // An empty consent cell says nothing about consent, even when a date is given.
    if (value === null) continue;
    const at = record[`consent_${kind}_at`] ?? loadedAt;
    const knownAt = target[`consent_${kind}_at`] as string | null;
    // ISO-8601 UTC strings of the same shape sort as times do; ties go to the later load.
    if (knownAt !== null && at < knownAt) continue;
    target[`consent_${kind}`] = value;
    target[`consent_${kind}_at`] = at;
    target[`consent_${kind}_source`] = source;
  }
  for (const [name, attribute] of Object.entries(record.attributes)) {
    merged.attributes[name] = attribute.value;
  }
  return merged;
}

/** Whether two profiles differ in anything stored (attributes compared by value). */
export function profilesDiffer(a: Profile, b: Profile): boolean {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  for (const key of Object.keys(left)) {
    if (key !== "attributes" && left[key] !== right[key]) return true;
  }
  return stableJson(a.attributes) !== stableJson(b.attributes);
}

/** JSON with object keys sorted, so equal values give equal text (and equal hashes). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
