/**
 * The Sites page: visits per month, engagement (bounce rate, visit duration, pages per
 * visit), the traffic-source mix and the country split of each followed site, each with
 * the source and fetch date it came from.
 */
import { eq } from "drizzle-orm";
import { sources } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { ChartSeries } from "./channel-queries.server";
import { MAX_COMPARED_SITES } from "./limits";
import { customMetricKinds, type MetricKind, metricKindOf } from "./metric-kinds";
import {
  entitiesWith,
  latestByEntity,
  latestObservations,
  type ObservationRow,
  observationRows,
} from "./observation-queries.server";
import { latestPerPeriod, periodDate } from "./series";

export interface Provenance {
  sourceName: string | null;
  url: string | null;
  fetchedAt: Date;
  period: string;
}

export interface Figure extends Provenance {
  value: number;
}

export interface Share {
  key: string;
  share: number;
}

export interface SiteSummary {
  site: string;
  bounceRate: Figure | null;
  avgVisitDuration: Figure | null;
  pagesPerVisit: Figure | null;
  lastVisits: Figure | null;
  trafficSources: Share[];
  countries: Share[];
  /** Where the shares came from (the latest fetch of them). */
  sharesFrom: Provenance | null;
}

function figure(row: ObservationRow | undefined): Figure | null {
  if (!row || row.value === null) return null;
  const { sourceName, url, fetchedAt, period, value } = row;
  return { sourceName, url, fetchedAt, period, value };
}

/** Shares from metrics "traffic_share.search" etc.; only those of the latest period. */
function sharesOf(metrics: Map<string, ObservationRow>, prefix: string): ObservationRow[] {
  const rows = [...metrics.values()].filter((r) => r.metric.startsWith(prefix) && r.value !== null);
  const latest = rows.reduce((p, r) => (r.period > p ? r.period : p), "");
  return rows.filter((r) => r.period === latest);
}

export function listSites(scope: WorkspaceScope): string[] {
  return entitiesWith(scope, "site", "visits");
}

export function siteSummaries(scope: WorkspaceScope, sites: readonly string[]): SiteSummary[] {
  const latest = latestByEntity(latestObservations(scope, "site", sites));
  return sites.map((site) => {
    const metrics = latest.get(site) ?? new Map<string, ObservationRow>();
    const traffic = sharesOf(metrics, "traffic_share.");
    const countries = sharesOf(metrics, "country_share.");
    const toShares = (rows: ObservationRow[]) =>
      rows
        .map((r) => ({ key: r.metric.slice(r.metric.indexOf(".") + 1), share: r.value ?? 0 }))
        .sort((a, b) => b.share - a.share);
    const from = figure(traffic[0] ?? countries[0]);
    return {
      site,
      bounceRate: figure(metrics.get("bounce_rate")),
      avgVisitDuration: figure(metrics.get("avg_visit_duration")),
      pagesPerVisit: figure(metrics.get("pages_per_visit")),
      lastVisits: figure(metrics.get("visits")),
      trafficSources: toShares(traffic),
      countries: toShares(countries),
      sharesFrom: from && { ...from },
    };
  });
}

/** One line per site of a monthly metric (visits, bounce_rate…). */
export function siteSeries(
  scope: WorkspaceScope,
  sites: readonly string[],
  metric: string,
): ChartSeries[] {
  const chosen = sites.slice(0, MAX_COMPARED_SITES);
  const rows = observationRows(scope, { entityType: "site", entities: chosen, metrics: [metric] });
  return chosen.map((site) => ({
    id: site,
    data: latestPerPeriod(rows.filter((r) => r.entity === site && r.value !== null)).map((r) => ({
      x: periodDate(r.period),
      y: r.value,
    })),
  }));
}

export interface CustomFigure extends ObservationRow {
  /** How to show the value (a percent, a duration…); null: a plain number. */
  kind: MetricKind | null;
}

/** Latest figures of custom sources (entity type "site" without visits), for a plain table. */
export function customFigures(scope: WorkspaceScope): CustomFigure[] {
  const withVisits = new Set(listSites(scope));
  const kinds = customMetricKinds(scope.select(sources, eq(sources.adapter, "custom")));
  return latestObservations(scope, "site")
    .filter((r) => !withVisits.has(r.entity))
    .map((r) => ({ ...r, kind: metricKindOf(r, kinds) }));
}
