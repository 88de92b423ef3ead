/**
 * Reading observations back: whole series, and the latest value of each metric. Every
 * query is filtered on the workspace (scope.where, or workspace_id bound in raw SQL).
 * Each row carries where it came from (source name, page URL, fetch time), because every
 * figure on the pages is labelled with its source and fetch date.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { observations, sources } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";

export interface ObservationRow {
  entity: string;
  metric: string;
  period: string;
  value: number | null;
  textValue: string | null;
  url: string | null;
  fetchedAt: Date;
  /** The source that wrote it; null for uploads. */
  sourceId: number | null;
  sourceName: string | null;
  /** The adapter of the source ("telegram", "video"…); null for uploads. */
  sourceAdapter: string | null;
}

export interface SeriesQuery {
  entityType: string;
  entities?: readonly string[];
  metrics?: readonly string[];
  /** A metric name prefix such as "traffic_share." (instead of `metrics`). */
  metricPrefix?: string;
}

/** Every matching observation, oldest period first. */
export function observationRows(scope: WorkspaceScope, query: SeriesQuery): ObservationRow[] {
  if (query.entities?.length === 0 || query.metrics?.length === 0) return [];
  return scope.db
    .select({
      entity: observations.entity,
      metric: observations.metric,
      period: observations.period,
      value: observations.value,
      textValue: observations.textValue,
      url: observations.url,
      fetchedAt: observations.fetchedAt,
      sourceId: observations.sourceId,
      sourceName: sources.name,
      sourceAdapter: sources.adapter,
    })
    .from(observations)
    .leftJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      scope.where(
        observations,
        eq(observations.entityType, query.entityType),
        query.entities ? inArray(observations.entity, [...query.entities]) : undefined,
        query.metrics ? inArray(observations.metric, [...query.metrics]) : undefined,
        query.metricPrefix
          ? sql`substr(${observations.metric}, 1, ${query.metricPrefix.length}) = ${query.metricPrefix}`
          : undefined,
      ),
    )
    .orderBy(asc(observations.period), asc(observations.fetchedAt))
    .all();
}

/**
 * The latest observation of each (entity, metric): latest period, then latest fetch.
 * A window function keeps this one pass over the series index however long the history.
 */
export function latestObservations(
  scope: WorkspaceScope,
  entityType: string,
  entities?: readonly string[],
): ObservationRow[] {
  if (entities?.length === 0) return [];
  const entityFilter = entities
    ? sql`and o.entity in (${sql.join(
        entities.map((e) => sql`${e}`),
        sql`, `,
      )})`
    : sql``;
  const rows = scope.db.all<{
    entity: string;
    metric: string;
    period: string;
    value: number | null;
    text_value: string | null;
    url: string | null;
    fetched_at: number;
    source_id: number | null;
    source_name: string | null;
    source_adapter: string | null;
  }>(sql`
    select entity, metric, period, value, text_value, url, fetched_at, source_id, source_name,
           source_adapter from (
      select o.entity, o.metric, o.period, o.value, o.text_value, o.url, o.fetched_at,
             o.source_id, s.name as source_name, s.adapter as source_adapter,
             row_number() over (
               partition by o.entity, o.metric order by o.period desc, o.fetched_at desc
             ) as rank
      from observations o left join sources s on s.id = o.source_id
      where ${scope.owns("o")} and o.entity_type = ${entityType} ${entityFilter}
    ) where rank = 1
    order by entity, metric`);
  return rows.map((r) => ({
    entity: r.entity,
    metric: r.metric,
    period: r.period,
    value: r.value,
    textValue: r.text_value,
    url: r.url,
    fetchedAt: new Date(r.fetched_at),
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceAdapter: r.source_adapter,
  }));
}

/** latestObservations grouped: entity → metric → row. */
export function latestByEntity(rows: readonly ObservationRow[]) {
  const map = new Map<string, Map<string, ObservationRow>>();
  for (const row of rows) {
    const metrics = map.get(row.entity) ?? new Map<string, ObservationRow>();
    metrics.set(row.metric, row);
    map.set(row.entity, metrics);
  }
  return map;
}

/** Distinct entities of a type that have a given metric, e.g. sites with "visits". */
export function entitiesWith(scope: WorkspaceScope, entityType: string, metric: string): string[] {
  return scope.db
    .selectDistinct({ entity: observations.entity })
    .from(observations)
    .where(
      scope.where(
        observations,
        and(eq(observations.entityType, entityType), eq(observations.metric, metric)),
      ),
    )
    .orderBy(asc(observations.entity))
    .all()
    .map((r) => r.entity);
}
