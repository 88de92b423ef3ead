/**
 * The words a marketer reads in place of stored field, feature, bucket and dimension names
 * ("recency_days" → "Recency (days)", "age_55_plus" → "Age 55+"). For display only: CSV
 * exports, form values and data-* attributes keep the stored names, which the CLI, the
 * import mapping and saved runs rely on.
 */

/** Stored names whose label is not just the words of the name. */
const KNOWN_LABELS: Readonly<Record<string, string>> = {
  // RFM and clustering
  recency_days: "Recency (days)",
  frequency: "Frequency (orders)",
  monetary: "Monetary (net spend)",
  r: "R score",
  f: "F score",
  m: "M score",
  // Customer fields and the well-known attributes (ingest/synonyms/attributes.ts)
  external_id: "Customer ID (in the source)",
  customer_external_id: "Customer ID",
  email: "E-mail",
  consent_sms: "SMS consent",
  consent_email: "E-mail consent",
  consent_data_processing: "Data-processing consent",
  consent_sms_at: "SMS consent given at",
  consent_email_at: "E-mail consent given at",
  consent_data_processing_at: "Data-processing consent given at",
  objection: "Objection to processing",
  signup_date: "Sign-up date",
  children_count: "Children",
  num_products: "Products held",
  segment: "Customer segment",
  // Transactions
  occurred_at: "Date and time",
  // Channel audiences
  gender_female: "Female",
  gender_male: "Male",
  non_resident: "Non-resident",
  avg_visit_duration_seconds: "Average visit duration (s)",
};

/** Words written in capitals (or otherwise) inside an otherwise sentence-case label. */
const WORDS: Readonly<Record<string, string>> = {
  id: "ID",
  url: "URL",
  sms: "SMS",
  email: "e-mail",
  kvkk: "KVKK",
  avg: "average",
};

/** A name as the code writes them: lower-case words (any script) and digits joined by "_". */
const SNAKE_CASE = /^[\p{Ll}\p{Lo}\p{N}]+(?:_[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** "favourite_store" → "Favourite store"; anything else (a header as written) unchanged. */
function sentence(name: string): string {
  if (!SNAKE_CASE.test(name)) return name;
  const text = name
    .split("_")
    .map((word) => WORDS[word] ?? word)
    .join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Label of a name that may carry one of the code's prefixes or suffixes, else undefined. */
function patterned(name: string): string | undefined {
  const logged = /^(?:log|ln)\((.+)\)$/.exec(name)?.[1] ?? /^(.+)_log$/.exec(name)?.[1];
  if (logged) return `log ${humanLabel(logged)}`;
  const age = /^age_(\d{1,3})_(\d{1,3}|plus)$/.exec(name);
  if (age) return age[2] === "plus" ? `Age ${age[1]}+` : `Age ${age[1]}–${age[2]}`;
  const interest = /^interest_(.+)$/.exec(name)?.[1];
  if (interest) return `${sentence(interest)} (interest)`;
  // Same words as the feature list's own label (segments/features.server.ts).
  const spend = /^spend_(.+)$/.exec(name)?.[1];
  if (spend) return `Spend on ${sentence(spend)}`;
  const gender = /^gender_(.+)$/.exec(name)?.[1];
  if (gender) return sentence(gender);
  // An attribute renamed because it clashes with a built-in feature (income → attr_income).
  const attribute = /^attr_(.+)$/.exec(name)?.[1];
  if (attribute) return `${humanLabel(attribute)} (attribute)`;
  return undefined;
}

/**
 * What to show for a stored field, feature, audience bucket or dimension name. Known names
 * have their own words; age bands, interests, spend per category, gender buckets and
 * log-transformed features are spelled out; other snake_case names become sentence case;
 * a name with spaces or capitals was written by a person and is shown as written.
 */
export function humanLabel(name: string): string {
  const trimmed = name.trim();
  return KNOWN_LABELS[trimmed] ?? patterned(trimmed) ?? sentence(trimmed);
}

/** Labels of several names, comma-separated, or `none` when there are none. */
export function humanLabels(names: readonly string[], none = "none"): string {
  return names.length === 0 ? none : names.map(humanLabel).join(", ");
}
