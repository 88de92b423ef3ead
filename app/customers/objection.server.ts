/**
 * An objection to the processing of one's data (KVKK art. 11, GDPR art. 21), recorded on
 * the customer page. It is stored as the data-processing consent "no", dated now, with the
 * customer page as its source, so every analysis leaves the person out under every legal
 * basis (see analysable.server.ts) and a later file can only reverse it with a newer
 * consent date (merge-rules.ts).
 */
import { eq } from "drizzle-orm";
import { customers } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { audit } from "~/audit.server";
import { dataChanged } from "~/segments/run-views.server";

export const OBJECTION_SOURCE = "customer page";

/** Records the objection; false when the customer is not in this workspace. */
export function recordObjection(
  scope: WorkspaceScope,
  customerId: number,
  actorUserId: number | null,
  now = new Date(),
): boolean {
  const changed = scope.update(
    customers,
    {
      consentDataProcessing: false,
      consentDataProcessingAt: now.toISOString(),
      consentDataProcessingSource: OBJECTION_SOURCE,
      // Moves the workspace's data marks, so cached answers are worked out again.
      updatedAt: now,
    },
    eq(customers.id, customerId),
  );
  if (changed === 0) return false;
  // Stored run views may show the person: they go, and are computed again on the queue.
  dataChanged(scope, { removesPeople: true });
  // Only the internal number: the audit log holds no personal data.
  audit({
    workspaceId: scope.workspaceId,
    actorUserId,
    action: "customer.objection_recorded",
    target: `customer:${customerId}`,
  });
  return true;
}
