/**
 * `npm run bench:plan-job -- [--customers 20000] [--members 10000] [--responses 400000]`:
 * the notification plan job end to end on a simulated shop in a temporary SQLite file
 * (customers with sources and purchases, a run whose first segment has `members` members,
 * and `responses` sends), timing each phase the job runs: the plan, then the run's offers.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "#db/client";
import { customerSources, customers, responses, transactions } from "#db/schema";
import { scopeTo } from "#db/scoped";
import { createRandom } from "~/analytics/random";
import { computeSegmentPlan } from "~/notifications/plan-notifications.server";
import { storeRunOffers } from "~/notifications/stored-offers.server";
import { addRun, addWorkspace } from "../tests/integration/segments/fixtures";

const { values: flags } = parseArgs({
  options: {
    customers: { type: "string", default: "20000" },
    members: { type: "string", default: "10000" },
    responses: { type: "string", default: "400000" },
    /** Keep the SQLite file (its path is printed) to look at query plans. */
    keep: { type: "boolean", default: false },
  },
});
const customerCount = Number(flags.customers);
const memberCount = Number(flags.members);
const responseCount = Number(flags.responses);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-plan-bench-"));
const db = openDb(path.join(dir, "bench.db"));
const workspaceId = addWorkspace(db, "bench");
db.$client.prepare("UPDATE workspaces SET time_zone = 'UTC' WHERE id = ?").run(workspaceId);
const random = createRandom(7);
const categories = ["shampoo", "soap", "towels", "socks", "tea", "coffee", "cards", "pens"];
const channels = ["email", "sms"];
const hours = [9, 12, 18, 21];
const start = Date.UTC(2026, 0, 1);

function inBatches<T>(count: number, make: (i: number) => T, write: (rows: T[]) => void) {
  db.$client.transaction(() => {
    for (let from = 0; from < count; from += 500)
      write(Array.from({ length: Math.min(500, count - from) }, (_, k) => make(from + k)));
  })();
}

const seeding = performance.now();
const ids: number[] = [];
inBatches(
  customerCount,
  (i) => ({
    workspaceId,
    name: `C${i}`,
    consentDataProcessing: true,
    consentEmail: true,
    consentSms: i % 10 !== 0,
  }),
  (rows) => {
    for (const row of db.insert(customers).values(rows).returning({ id: customers.id }).all())
      ids.push(row.id);
  },
);
inBatches(
  customerCount,
  (i) => ({
    workspaceId,
    customerId: ids[i] as number,
    source: "crm",
    externalId: `K${i}`,
    matchedBy: "new",
    record: {},
    rowHash: `h${i}`,
  }),
  (rows) => db.insert(customerSources).values(rows).run(),
);
inBatches(
  customerCount * 5,
  (i) => ({
    workspaceId,
    transactionKey: `t${i}`,
    customerId: ids[i % customerCount] as number,
    occurredAt: new Date(start + random.nextInt(330) * 86_400_000),
    amount: 5 + random.nextInt(100),
    category: categories[random.nextInt(categories.length)] as string,
  }),
  (rows) => db.insert(transactions).values(rows).run(),
);
inBatches(
  responseCount,
  (i) => ({
    workspaceId,
    responseKey: `r${i}`,
    customerExternalId: `K${random.nextInt(customerCount)}`,
    channel: channels[random.nextInt(2)] as string,
    sentAt: new Date(
      start + random.nextInt(330) * 86_400_000 + (hours[random.nextInt(4)] as number) * 3_600_000,
    ),
    offer: categories[random.nextInt(categories.length)] as string,
    converted: random.next() < 0.05,
    rowHash: `rh${i}`,
  }),
  (rows) => db.insert(responses).values(rows).run(),
);
const members: Record<number, string> = {};
ids.forEach((id, i) => {
  members[id] = i < memberCount ? "Target" : `Other${i % 10}`;
});
const runId = addRun(db, workspaceId, "2026-12-01", members);
console.log(
  `seeded ${customerCount} customers, ${responseCount} responses, ${memberCount} members in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
);

const scope = scopeTo(db, workspaceId);
let t = performance.now();
const plan = computeSegmentPlan(scope, { runId, segment: "Target", weeklyCap: 2, explore: 0.1 });
const seconds = ((performance.now() - t) / 1000).toFixed(2);
// A digest of the plan, so a faster version can show it plans exactly the same sends.
const digest = createHash("sha256")
  .update(JSON.stringify([plan.sends, plan.estimate, plan.summary]))
  .digest("hex")
  .slice(0, 12);
console.log(`plan: ${plan.sends.length} sends ${seconds} s (digest ${digest})`);
t = performance.now();
const stored = storeRunOffers(scope, runId);
console.log(`run offers: ${stored} stored ${((performance.now() - t) / 1000).toFixed(2)} s`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
db.$client.close();
if (flags.keep) console.log(`kept ${path.join(dir, "bench.db")}`);
else fs.rmSync(dir, { recursive: true, force: true });
