/**
 * A shop with two segments whose true conversion rates differ by channel: "Young" answer
 * sms at 25 % and e-mail at 3 %, "Loyal" the other way round. A skewed historical policy
 * sent mostly e-mail to everyone, 20 sends each from 2026-01-01 to 2026-07-10, 09:00 UTC.
 * Every tenth customer (K0, K10, …) has not consented to SMS.
 */
import type { Db } from "#db/client";
import { customerSources, responses } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { createRandom } from "~/analytics/random";
import { addCustomer, addRun } from "../segments/fixtures";

export const TRUE_RATE: Record<string, Record<string, number>> = {
  Young: { sms: 0.25, email: 0.03 },
  Loyal: { sms: 0.04, email: 0.2 },
};

/** The last historical send: the plans' as-of. */
export const LAST_SEND = new Date(Date.UTC(2026, 0, 1 + 19 * 10, 9));

export function addShopWithResponses(db: Db, workspaceId: number, customers = 300) {
  // Send hours read in UTC, so hand-written times below are the hours the plan uses.
  db.$client.prepare("UPDATE workspaces SET time_zone = 'UTC' WHERE id = ?").run(workspaceId);
  const scope = scopeTo(db, workspaceId);
  const members: Record<number, string> = {};
  const random = createRandom(3);
  for (let i = 0; i < customers; i++) {
    const segment = i % 2 === 0 ? "Young" : "Loyal";
    const id = addCustomer(db, workspaceId, {
      name: `C${i}`,
      consentDataProcessing: true,
      consentEmail: true,
      consentSms: i % 10 !== 0,
    });
    members[id] = segment;
    scope.insert(customerSources, {
      customerId: id,
      source: "crm",
      externalId: `K${i}`,
      matchedBy: "new",
      record: {},
      rowHash: `h${i}`,
    });
    for (let s = 0; s < 20; s++) {
      const channel = random.next() < 0.8 ? "email" : "sms";
      const converted = random.next() < (TRUE_RATE[segment]?.[channel] ?? 0);
      scope.insert(responses, {
        responseKey: `r${i}-${s}`,
        customerExternalId: `K${i}`,
        channel,
        sentAt: new Date(Date.UTC(2026, 0, 1 + s * 10, 9)),
        offer: "card",
        converted,
        rowHash: `rh${i}-${s}`,
      });
    }
  }
  const runId = addRun(db, workspaceId, "2026-12-01", members);
  return { runId, members };
}
