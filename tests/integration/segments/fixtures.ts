/** Small hand-made workspaces for the segment tests, written through the workspace scope. */
import type { Db } from "#db/client";
import { analysisRuns, customers, segmentAssignments, transactions, workspaces } from "#db/schema";
import { scopeTo } from "#db/scoped";

export function addWorkspace(db: Db, slug: string): number {
  return db.insert(workspaces).values({ slug, name: slug }).returning().get().id;
}

export type CustomerFields = Omit<typeof customers.$inferInsert, "workspaceId">;

export function addCustomer(db: Db, workspaceId: number, fields: CustomerFields = {}): number {
  return scopeTo(db, workspaceId).insert(customers, fields).id;
}

let transactionKey = 0;

export function addTransaction(
  db: Db,
  workspaceId: number,
  row: {
    customerId: number | null;
    date: string;
    amount: number;
    isReturn?: boolean;
    category?: string;
    productCode?: string;
    /** The order the line belongs to (transactions.order_id), as an order-line file gives. */
    orderId?: string;
    /** Time of day, HH:MM (default 12:00). */
    time?: string;
  },
): void {
  transactionKey++;
  scopeTo(db, workspaceId).insert(transactions, {
    transactionKey: `t${transactionKey}`,
    customerId: row.customerId,
    occurredAt: new Date(`${row.date}T${row.time ?? "12:00"}:00Z`),
    orderId: row.orderId ?? null,
    amount: row.amount,
    isReturn: row.isReturn ?? false,
    category: row.category ?? null,
    productCode: row.productCode ?? null,
  });
}

/** A finished run with the given segment per customer, as a page would find it. */
export function addRun(
  db: Db,
  workspaceId: number,
  referenceDate: string,
  members: Record<number, string>,
): number {
  const scope = scopeTo(db, workspaceId);
  const run = scope.insert(analysisRuns, {
    kind: "rfm",
    params: {},
    status: "succeeded",
    result: { reference_date: referenceDate },
  });
  for (const [customerId, segment] of Object.entries(members)) {
    scope.insert(segmentAssignments, { runId: run.id, customerId: Number(customerId), segment });
  }
  return run.id;
}
