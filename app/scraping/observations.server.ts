/**
 * Writing observations. A scraped point is keyed by (workspace, source, entity, metric,
 * period), so running a source again for the same period updates its points instead of
 * adding new ones.
 *
 * Uploaded points (a trends CSV) have no source. SQLite's unique index treats NULLs as
 * distinct, so ON CONFLICT would never fire for them; they are replaced by deleting the
 * same (entity, metric, period) first, inside the same transaction.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { observations } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { Observation } from "#scrapers/sources/index";

/** Rows per INSERT: 9 columns × 200 stays far below SQLite's bound-parameter limit. */
const CHUNK = 200;

function rowsOf(scope: WorkspaceScope, sourceId: number | null, list: Observation[], at: Date) {
  return list.map((o) => ({
    workspaceId: scope.workspaceId,
    sourceId,
    entityType: o.entityType,
    entity: o.entity,
    metric: o.metric,
    period: o.period,
    value: o.value,
    textValue: o.textValue ?? null,
    url: o.url,
    fetchedAt: at,
  }));
}

/** Upserts a source's observations; returns how many were written (inserted or updated). */
export function upsertObservations(
  scope: WorkspaceScope,
  sourceId: number,
  list: Observation[],
  fetchedAt: Date,
): number {
  const rows = rowsOf(scope, sourceId, list, fetchedAt);
  scope.db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      tx.insert(observations)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [
            observations.workspaceId,
            observations.sourceId,
            observations.entity,
            observations.metric,
            observations.period,
          ],
          set: {
            entityType: sql`excluded.entity_type`,
            value: sql`excluded.value`,
            textValue: sql`excluded.text_value`,
            url: sql`excluded.url`,
            fetchedAt: sql`excluded.fetched_at`,
          },
        })
        .run();
    }
  });
  return rows.length;
}

/** Stores uploaded (source-less) observations, replacing earlier uploads of the same points. */
export function replaceUploadedObservations(
  scope: WorkspaceScope,
  list: Observation[],
  uploadedAt: Date,
): number {
  const rows = rowsOf(scope, null, list, uploadedAt);
  scope.db.transaction((tx) => {
    for (const row of rows) {
      tx.delete(observations)
        .where(
          scope.where(
            observations,
            isNull(observations.sourceId),
            eq(observations.entity, row.entity),
            eq(observations.metric, row.metric),
            eq(observations.period, row.period),
          ),
        )
        .run();
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      tx.insert(observations)
        .values(rows.slice(i, i + CHUNK))
        .run();
    }
  });
  return rows.length;
}

export function countObservations(scope: WorkspaceScope, sourceId?: number): number {
  const row = scope.db
    .select({ n: sql<number>`count(*)` })
    .from(observations)
    .where(
      scope.where(
        observations,
        sourceId === undefined ? undefined : and(eq(observations.sourceId, sourceId)),
      ),
    )
    .get();
  return row?.n ?? 0;
}
