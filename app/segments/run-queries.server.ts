/**
 * Reads of a run's segment_assignments for the pages: who is in a segment (paginated), the
 * R × F cell counts, and a sample of the PCA scatter. Only customers who may still be
 * analysed are shown (customers/analysable.server.ts): one who withdrew consent or objected
 * after the run drops out of every later view (see app/segments/segment-members.server.ts).
 */
import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import { analysableCondition, processingBasisOf } from "~/customers/analysable.server";
import { schema, type WorkspaceScope } from "~/db.server";

const { customers, segmentAssignments, transactions } = schema;

function membersOf(scope: WorkspaceScope, runId: number, segment?: string) {
  return scope.where(
    segmentAssignments,
    eq(segmentAssignments.runId, runId),
    segment === undefined ? undefined : eq(segmentAssignments.segment, segment),
    analysableCondition(processingBasisOf(scope)),
  );
}

const joinCustomer = and(
  eq(customers.id, segmentAssignments.customerId),
  eq(customers.workspaceId, segmentAssignments.workspaceId),
);

export interface MemberRow {
  customerId: number;
  name: string | null;
  /** The customer's own id from their first source, shown instead of the internal id. */
  externalId: string | null;
  segment: string;
  values: Record<string, number> | null;
}

/**
 * The customer's own id (from the file), lowest of their sources' ids. The unary + keeps
 * SQLite off the (workspace, external id) index, which walked all the workspace's sources.
 */
const externalIdOfCustomer = sql<string | null>`(SELECT min(cs.external_id) FROM customer_sources cs
  WHERE cs.customer_id = ${customers.id} AND +cs.workspace_id = ${customers.workspaceId})`;

/** Members of one segment (or of all when `segment` is undefined), by customer id. */
export function segmentMemberRows(
  scope: WorkspaceScope,
  runId: number,
  segment: string | undefined,
  page?: { limit: number; offset: number },
): MemberRow[] {
  const query = scope.db
    .select({
      customerId: customers.id,
      name: customers.name,
      externalId: externalIdOfCustomer,
      segment: segmentAssignments.segment,
      values: segmentAssignments.values,
    })
    .from(segmentAssignments)
    .innerJoin(customers, joinCustomer)
    .where(membersOf(scope, runId, segment))
    .orderBy(asc(customers.id));
  return page ? query.limit(page.limit).offset(page.offset).all() : query.all();
}

/** Consented members per segment, largest first. */
export function segmentSizes(scope: WorkspaceScope, runId: number) {
  return scope.db
    .select({ segment: segmentAssignments.segment, customers: count() })
    .from(segmentAssignments)
    .innerJoin(customers, joinCustomer)
    .where(membersOf(scope, runId))
    .groupBy(segmentAssignments.segment)
    .orderBy(sql`count(*) desc`, asc(segmentAssignments.segment))
    .all();
}

/** counts[r − 1][f − 1] = consented customers with recency score r and frequency score f. */
export function rfmCellCounts(scope: WorkspaceScope, runId: number): number[][] {
  const r = sql<number>`cast(json_extract(${segmentAssignments.values}, '$.r') as integer)`;
  const f = sql<number>`cast(json_extract(${segmentAssignments.values}, '$.f') as integer)`;
  const rows = scope.db
    .select({ r, f, customers: count() })
    .from(segmentAssignments)
    .innerJoin(customers, joinCustomer)
    .where(membersOf(scope, runId))
    .groupBy(r, f)
    .all();
  const grid = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  for (const row of rows) {
    const cells = grid[row.r - 1];
    if (cells && row.f >= 1 && row.f <= 5) cells[row.f - 1] = row.customers;
  }
  return grid;
}

export interface ScatterPoint extends MemberRow {
  x: number;
  y: number;
}

/**
 * At most `limit` points of the PCA scatter: every ⌈n / limit⌉-th consented member by
 * customer id (systematic, so the same run always draws the same picture).
 */
export function scatterSample(scope: WorkspaceScope, runId: number, limit = 3_000) {
  const where = and(membersOf(scope, runId), isNotNull(segmentAssignments.x));
  const total =
    scope.db
      .select({ n: count() })
      .from(segmentAssignments)
      .innerJoin(customers, joinCustomer)
      .where(where)
      .get()?.n ?? 0;
  const step = Math.max(1, Math.ceil(total / limit));
  const ranked = scope.db
    .select({
      customerId: customers.id,
      name: customers.name,
      // A subquery's raw column needs its own name.
      externalId: sql<string | null>`${externalIdOfCustomer}`.as("external_id"),
      segment: segmentAssignments.segment,
      values: segmentAssignments.values,
      x: segmentAssignments.x,
      y: segmentAssignments.y,
      rank: sql<number>`row_number() over (order by ${customers.id})`.as("rank"),
    })
    .from(segmentAssignments)
    .innerJoin(customers, joinCustomer)
    .where(where)
    .as("ranked");
  const points = scope.db
    .select()
    .from(ranked)
    .where(sql`(${ranked.rank} - 1) % ${step} = 0`)
    .all() as (ScatterPoint & { rank: number })[];
  return { total, step, points: points.map(({ rank: _rank, ...point }) => point) };
}

/** Product categories seen in the workspace's transactions (for the interest filter). */
export function transactionCategories(scope: WorkspaceScope, limit = 200): string[] {
  return scope.db
    .selectDistinct({ category: transactions.category })
    .from(transactions)
    .where(scope.where(transactions, isNotNull(transactions.category)))
    .orderBy(asc(transactions.category))
    .limit(limit)
    .all()
    .map((row) => row.category as string);
}
