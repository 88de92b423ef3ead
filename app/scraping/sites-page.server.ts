/**
 * Everything the Sites page shows, from its search parameters (`site`, repeated): the route's
 * loader and a saved "sites" report both call this.
 */
import type { WorkspaceScope } from "#db/scoped";
import { MAX_COMPARED_SITES } from "./limits";
import { customFigures, listSites, siteSeries, siteSummaries } from "./site-queries.server";

function serialise<T extends { fetchedAt: Date }>(value: T | null) {
  return value && { ...value, fetchedAt: value.fetchedAt.toISOString() };
}

export function sitesPage(scope: WorkspaceScope, asked: string[]) {
  const sites = listSites(scope);
  const known = asked.filter((s) => sites.includes(s));
  const chosen = (known.length > 0 ? known : sites).slice(0, MAX_COMPARED_SITES);
  const summaries = siteSummaries(scope, chosen).map((s) => ({
    ...s,
    bounceRate: serialise(s.bounceRate),
    avgVisitDuration: serialise(s.avgVisitDuration),
    pagesPerVisit: serialise(s.pagesPerVisit),
    lastVisits: serialise(s.lastVisits),
    sharesFrom: serialise(s.sharesFrom),
  }));
  const trafficKeys = [...new Set(summaries.flatMap((s) => s.trafficSources.map((t) => t.key)))];
  const mix = summaries.map((s) => ({
    label: s.site,
    ...Object.fromEntries(s.trafficSources.map((t) => [t.key, t.share])),
  }));
  const custom = customFigures(scope).map((r) => ({ ...r, fetchedAt: r.fetchedAt.toISOString() }));
  return {
    sites,
    chosen,
    summaries,
    visits: siteSeries(scope, chosen, "visits"),
    trafficKeys,
    mix,
    custom,
  };
}

export type SitesPage = ReturnType<typeof sitesPage>;
