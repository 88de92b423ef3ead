/**
 * Who may be analysed and who may be contacted: the one place that decides it. Every
 * analysis, list and export asks here instead of testing consent columns itself.
 *
 * Analysed — by the workspace's legal basis for analytics (workspaces.processing_basis):
 * - `consent` (default): customers whose data-processing consent is recorded as yes;
 * - `legitimate-interest`, `contract` (KVKK art. 5/2, GDPR art. 6(1)(b)/(f)): every
 *   customer except those who objected, i.e. whose data-processing consent is an explicit
 *   no (from a consent or objection column, or recorded on the customer page). Unknown
 *   consent is not an objection.
 * Contacted — never by the basis: an audience or contact export needs a recorded
 * data-processing consent and the channel's own consent (SMS, e-mail) under every basis
 * (CONTACT_CONSENTS; applied per customer by analytics/audience.ts, which cannot import
 * from here).
 */
import { count, eq, type SQL, sql } from "drizzle-orm";
import { customers, type ProcessingBasis, processingBases, workspaces } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { CONSENT_RULES, type ConsentFlag, type ContactChannel } from "~/analytics/audience";
import { formatInteger } from "~/format";

export { BASIS_LABELS, exclusionWording } from "./processing-basis";
export { type ProcessingBasis, processingBases };

/** Consents a contact on each channel needs, whatever the basis. */
export const CONTACT_CONSENTS = CONSENT_RULES;

/** Whether a contact on `channel` needs the data-processing consent (every channel does). */
export function contactNeedsProcessingConsent(channel: ContactChannel): boolean {
  return CONTACT_CONSENTS[channel].includes("consentDataProcessing");
}

/** Whether a customer with these recorded consents may be contacted on `channel`. */
export function contactableOn(
  channel: ContactChannel,
  flags: Readonly<Record<ConsentFlag, boolean>>,
): boolean {
  return CONTACT_CONSENTS[channel].every((flag) => flags[flag]);
}

const CONSENT_COLUMNS: Record<ConsentFlag, string> = {
  consentDataProcessing: "consent_data_processing",
  consentEmail: "consent_email",
  consentSms: "consent_sms",
};

/**
 * SQL true when customer `alias` may be contacted on the channel that `channelSql` names
 * (an expression holding "email", "sms", …): the contact rule for hand-written SQL.
 */
export function contactableSql(channelSql: string, alias = "customers"): string {
  return (Object.entries(CONTACT_CONSENTS) as [ContactChannel, readonly ConsentFlag[]][])
    .map(
      ([channel, flags]) =>
        `(${channelSql} = '${channel}' AND ${flags.map((f) => `${alias}.${CONSENT_COLUMNS[f]} = 1`).join(" AND ")})`,
    )
    .join(" OR ");
}

/** The workspace's legal basis for analytics (Settings; `consent` until changed). */
export function processingBasisOf(scope: WorkspaceScope): ProcessingBasis {
  const row = scope.db
    .select({ basis: workspaces.processingBasis })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId))
    .get();
  return row?.basis ?? "consent";
}

/** The condition for hand-written SQL over `customers` aliased as `alias`. */
export function analysableSql(basis: ProcessingBasis, alias = "customers"): string {
  return basis === "consent"
    ? `${alias}.consent_data_processing = 1`
    : `${alias}.consent_data_processing IS NOT 0`;
}

/** Its negation, NULL-safe (SQL's NOT of a NULL comparison would be NULL, not true). */
export function notAnalysableSql(basis: ProcessingBasis, alias = "customers"): string {
  return basis === "consent"
    ? `coalesce(${alias}.consent_data_processing, 0) != 1`
    : `${alias}.consent_data_processing IS 0`;
}

/** The same condition for drizzle, for joins that already filter the workspace. */
export function analysableCondition(basis: ProcessingBasis): SQL {
  return basis === "consent"
    ? eq(customers.consentDataProcessing, true)
    : sql`${customers.consentDataProcessing} is not 0`;
}

/** Whether the person objected to processing (an explicit "no"; unknown is not an objection). */
export function hasObjected(consentDataProcessing: boolean | null): boolean {
  return consentDataProcessing === false;
}

/** Whether one stored customer may be analysed (and so be shown to non-owners). */
export function isAnalysable(basis: ProcessingBasis, consentDataProcessing: boolean | null) {
  return basis === "consent" ? consentDataProcessing === true : consentDataProcessing !== false;
}

/**
 * This workspace's customers that analyses may use. `includeAll` is for the owner's
 * explicit choice (e.g. an export for a data request), never a default.
 */
export function analysableCustomerFilter(
  scope: WorkspaceScope,
  options: { includeAll?: boolean } = {},
): SQL {
  if (options.includeAll) return scope.where(customers);
  return scope.where(customers, analysableCondition(processingBasisOf(scope)));
}

/** How many customers of the workspace the basis leaves out of analyses. */
export function countExcludedFromAnalysis(scope: WorkspaceScope): number {
  const all = scope.db.select({ n: count() }).from(customers).where(scope.where(customers)).get();
  const kept = scope.db
    .select({ n: count() })
    .from(customers)
    .where(analysableCustomerFilter(scope))
    .get();
  return (all?.n ?? 0) - (kept?.n ?? 0);
}

/**
 * The message for an analysis left empty by the basis (no customer analysable, some
 * stored), or null when the basis is not why it is empty.
 */
export function emptyBecauseOfBasis(
  basis: ProcessingBasis,
  analysable: number,
  excluded: number,
): string | null {
  if (analysable > 0 || excluded === 0) return null;
  const all = excluded === 1 ? "The only customer" : `All ${formatInteger(excluded)} customers`;
  return basis === "consent"
    ? `${all} ${excluded === 1 ? "lacks" : "lack"} a recorded data-processing consent; the workspace analyses by consent. Change the legal basis in Settings.`
    : `${all} objected to the processing of their data; nobody is left to analyse.`;
}

/** What an analysis result says about who was left out and why. */
export interface AnalysisExclusion {
  processing_basis: ProcessingBasis;
  excluded_without_consent: number;
  /** Why the result is empty, when the basis is the reason; else null. */
  empty_reason: string | null;
}

export function analysisExclusion(
  basis: ProcessingBasis,
  analysable: number,
  excluded: number,
): AnalysisExclusion {
  return {
    processing_basis: basis,
    excluded_without_consent: excluded,
    empty_reason: emptyBecauseOfBasis(basis, analysable, excluded),
  };
}
