/**
 * A contactable audience from one segment of a run (analytics/audience.ts): consent rules
 * per channel, an optional category-interest filter and a weekly contact cap from
 * audience_contacts. With `record`, the send is written to audience_contacts so the next
 * audience respects the cap.
 *
 * Who may be contacted does not depend on the workspace's legal basis for analytics: a
 * member needs a recorded data-processing consent and the channel's consent
 * (CONTACT_CONSENTS in customers/analysable.server.ts). Members without data-processing
 * consent are counted under that reason before the interest check: we do not read their
 * purchases to find their interests at all.
 */

import type { WorkspaceScope } from "#db/scoped";
import { buildAudience, type ContactChannel } from "~/analytics/audience";
import { topCategoriesPerCustomer } from "~/analytics/category-interest";
import { toUtcDay } from "~/analytics/columns";
import { contactNeedsProcessingConsent } from "~/customers/analysable.server";
import { loadConsentedCustomers } from "./consented-customers.server";
import { SegmentInputError } from "./errors";
import { getRun } from "./runs.server";
import { loadTransactionColumns } from "./transaction-columns.server";

const WEEK_MS = 7 * 86_400_000;

export interface AudienceRequest {
  runId: number;
  segment: string;
  channel: ContactChannel;
  /** Keep only customers with this category among their top-3 interests. */
  category?: string;
  /** Contacts allowed per customer in the 7 days before the send; undefined = no cap. */
  weeklyCap?: number;
  /** Write one audience_contacts row per member (the send happens). */
  record: boolean;
  /** Epoch ms of the send (default: now). */
  asOf?: number;
  audienceName?: string;
  capScope?: "all-channels" | "this-channel";
}

export interface AudienceMember {
  customer_id: number;
  name: string | null;
  /** The customer's own id from the file (lowest of their sources'), for pages. */
  external_id: string | null;
  /** E-mail for the email channel, phone for sms: only what the send needs. */
  contact: string | null;
}

type MemberRow = [
  number,
  string | null,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  string | null,
];

// The unary + keeps SQLite off the (workspace, external id) index for min(), which made each
// member's lookup walk all of the workspace's sources.
function segmentMembers(scope: WorkspaceScope, runId: number, segment: string) {
  return scope
    .sql(
      `SELECT c.id, c.name, c.email, c.phone,
              c.consent_data_processing, c.consent_email, c.consent_sms,
              (SELECT min(cs.external_id) FROM customer_sources AS cs
                WHERE cs.customer_id = c.id AND +cs.workspace_id = c.workspace_id)
       FROM segment_assignments AS sa
       JOIN customers AS c ON c.id = sa.customer_id AND c.workspace_id = sa.workspace_id
       WHERE sa.workspace_id = @workspace AND sa.run_id = ? AND sa.segment = ? ORDER BY c.id`,
    )
    .raw()
    .all(runId, segment) as MemberRow[];
}

/** Top-3 category interests of the given consented customers at the send day. */
function interestsOf(scope: WorkspaceScope, customerIds: Set<number>, asOf: number) {
  const consented = loadConsentedCustomers(scope);
  const tx = loadTransactionColumns(scope, consented.index, { withCategory: true });
  const rows: number[] = [];
  for (let r = 0; r < tx.rows; r++) {
    const member = customerIds.has(consented.index.ids[tx.customerIndex[r] as number] as number);
    if (member && (tx.categoryIndex?.[r] ?? -1) >= 0) rows.push(r);
  }
  const top = topCategoriesPerCustomer(
    {
      customerIndex: Int32Array.from(rows, (r) => tx.customerIndex[r] as number),
      categoryIndex: Int32Array.from(rows, (r) => tx.categoryIndex?.[r] as number),
      amount: Float64Array.from(rows, (r) =>
        tx.isReturn[r] ? -Math.abs(tx.amount[r] as number) : (tx.amount[r] as number),
      ),
      day: Int32Array.from(rows, (r) => tx.day[r] as number),
      categoryNames: tx.categories ?? [],
      customerCount: consented.index.ids.length,
    },
    // Purchases made on the send day count too.
    { referenceDay: toUtcDay(asOf) + 1 },
  );
  return (customerId: number) =>
    (top[consented.index.positionOf(customerId)] ?? []).map((i) => i.category);
}

export function buildAudienceFromSegment(scope: WorkspaceScope, request: AudienceRequest) {
  const { runId, segment, channel } = request;
  const asOf = request.asOf ?? Date.now();
  getRun(scope, runId);
  const rows = segmentMembers(scope, runId, segment);
  if (rows.length === 0) throw new SegmentInputError(`Run ${runId} has no segment "${segment}"`);
  // The data-processing half of the contact rule; buildAudience checks the channel half.
  const needsProcessingConsent = contactNeedsProcessingConsent(channel);
  const consented = rows.filter((row) => !needsProcessingConsent || row[4] === 1);
  const interests = request.category
    ? interestsOf(scope, new Set(consented.map((row) => row[0])), asOf)
    : undefined;
  const contactLog = (
    scope
      .sql(
        `SELECT customer_id, contacted_at, channel FROM audience_contacts
         WHERE workspace_id = @workspace AND contacted_at > ? AND contacted_at <= ?`,
      )
      .raw()
      .all(asOf - WEEK_MS, asOf) as [number, number, string][]
  ).map(([customerId, contactedAt, via]) => ({
    customerId: String(customerId),
    contactedAt,
    channel: via,
  }));

  const result = buildAudience({
    customers: consented.map((row) => ({
      customerId: String(row[0]),
      segment,
      consentDataProcessing: true,
      consentEmail: row[5] === 1,
      consentSms: row[6] === 1,
      interests: interests?.(row[0]),
    })),
    segments: [segment],
    channel,
    categories: request.category ? [request.category] : undefined,
    contactLog,
    maxContactsPerWeek: request.weeklyCap,
    capScope: request.capScope,
    asOf,
  });
  const byId = new Map(rows.map((row) => [row[0], row]));
  const members: AudienceMember[] = result.members.map((id) => {
    const row = byId.get(Number(id)) as MemberRow;
    return {
      customer_id: row[0],
      name: row[1],
      external_id: row[7],
      contact: channel === "email" ? row[2] : row[3],
    };
  });
  let recorded = 0;
  if (request.record) {
    const insert = scope.sql(
      `INSERT INTO audience_contacts (workspace_id, customer_id, channel, audience_name, contacted_at)
       VALUES (@workspace, ?, ?, ?, ?)`,
    );
    const name = request.audienceName ?? `run ${runId}: ${segment}`;
    scope.db.$client.transaction(() => {
      for (const m of members) recorded += insert.run(m.customer_id, channel, name, asOf).changes;
    })();
  }
  return {
    run_id: runId,
    segment,
    channel,
    category: request.category ?? null,
    weekly_cap: request.weeklyCap ?? null,
    as_of: new Date(asOf).toISOString(),
    segment_members: rows.length,
    members,
    excluded: {
      not_interested: result.excluded.notInterested,
      no_data_processing_consent:
        result.excluded.noDataProcessingConsent + (rows.length - consented.length),
      no_channel_consent: result.excluded.noChannelConsent,
      frequency_cap: result.excluded.frequencyCap,
    },
    recorded,
  };
}

export type AudienceExport = ReturnType<typeof buildAudienceFromSegment>;
