/**
 * Fitted response curves per channel, stored as an analysis_runs row of kind
 * "response-curves" (result = the fits as JSON; no table of their own is needed). A stored
 * fit is used only while the channel's history still has the signature it was fitted on;
 * otherwise the curves are fitted again on demand, so a page never plans on stale curves
 * even before the refit job (jobs/handlers/response-curves.ts) has run.
 */

import { and, desc, eq } from "drizzle-orm";
import { analysisRuns } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { ChannelModel, FittedOutcome } from "~/analytics/campaign-forecast";
import { bootstrapCurves, residualsOf } from "~/analytics/curve-bootstrap";
import { fitResponseCurve, type ResponseFit } from "~/analytics/response-fit";
import { message } from "~/i18n/message-code";
import { type ChannelHistory, readChannelHistories } from "./channel-history.server";

export const RESPONSE_CURVES_KIND = "response-curves";
export type Outcome = "conversions" | "revenue";

export interface ChannelCurves {
  channel: string;
  /** Days, totals and row count the fit saw; a different signature means refit. */
  signature: string;
  spread_campaigns: number;
  conversions: ResponseFit & { draws: FittedOutcome["draws"] };
  revenue: ResponseFit & { draws: FittedOutcome["draws"] };
}

export interface CurveSet {
  run_id: number | null;
  fitted_at: string;
  channels: ChannelCurves[];
}

export class UnknownChannelError extends Error {}

export function historySignature(h: ChannelHistory): string {
  const total = (values: Float64Array) => values.reduce((s, v) => s + v, 0).toFixed(4);
  return [h.dates[0], h.dates.length, total(h.spend), total(h.conversions), total(h.revenue)].join(
    "|",
  );
}

export function fitChannel(history: ChannelHistory): ChannelCurves {
  const fitOutcome = (outcome: Outcome) => {
    const fit = fitResponseCurve({
      dates: history.dates,
      spend: history.spend,
      outcome: history[outcome],
    });
    const draws = fit.params ? bootstrapCurves(history.spend, history[outcome], fit.params) : [];
    return { ...fit, draws };
  };
  return {
    channel: history.channel,
    signature: historySignature(history),
    spread_campaigns: history.spreadCampaigns,
    conversions: fitOutcome("conversions"),
    revenue: fitOutcome("revenue"),
  };
}

/** Fits every channel (or one) now and stores the set as a new run. */
export function refitCurves(scope: WorkspaceScope, channel?: string): CurveSet {
  const histories = readChannelHistories(scope);
  if (channel !== undefined && !histories.has(channel)) throw unknownChannel(channel, histories);
  const previous = latestStored(scope);
  const fitted = [...histories.values()]
    .filter((h) => channel === undefined || h.channel === channel)
    .map(fitChannel);
  // Refitting one channel keeps the others' stored fits.
  const kept = (previous?.channels ?? []).filter(
    (c) => channel !== undefined && c.channel !== channel && histories.has(c.channel),
  );
  const channels = [...kept, ...fitted].sort((a, b) =>
    a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0,
  );
  return store(scope, channels);
}

function store(scope: WorkspaceScope, channels: ChannelCurves[]): CurveSet {
  const fittedAt = new Date();
  const run = scope.insert(analysisRuns, {
    kind: RESPONSE_CURVES_KIND,
    name: "Response curves",
    status: "succeeded",
    params: {},
    result: { channels } as unknown as Record<string, unknown>,
    finishedAt: fittedAt,
  });
  return { run_id: run.id, fitted_at: fittedAt.toISOString(), channels };
}

function latestStored(scope: WorkspaceScope): CurveSet | null {
  const run = scope.db
    .select()
    .from(analysisRuns)
    .where(
      scope.where(
        analysisRuns,
        and(eq(analysisRuns.kind, RESPONSE_CURVES_KIND), eq(analysisRuns.status, "succeeded")),
      ),
    )
    .orderBy(desc(analysisRuns.id))
    .limit(1)
    .get();
  if (!run?.result) return null;
  const { channels } = run.result as unknown as { channels: ChannelCurves[] };
  return {
    run_id: run.id,
    fitted_at: (run.finishedAt ?? run.createdAt).toISOString(),
    channels,
  };
}

/** The stored curves when they match today's data, else a fresh fit (stored too). */
export function currentCurves(scope: WorkspaceScope): {
  curves: CurveSet;
  histories: Map<string, ChannelHistory>;
} {
  const histories = readChannelHistories(scope);
  const stored = latestStored(scope);
  const fresh =
    stored !== null &&
    stored.channels.length === histories.size &&
    stored.channels.every((c) => {
      const h = histories.get(c.channel);
      return h !== undefined && historySignature(h) === c.signature;
    });
  if (fresh && stored) return { curves: stored, histories };
  // Nothing to fit: answer without storing an empty run on every page view.
  if (histories.size === 0)
    return {
      curves: { run_id: null, fitted_at: new Date().toISOString(), channels: [] },
      histories,
    };
  return { curves: refitCurves(scope), histories };
}

export interface ChannelModels {
  curves: CurveSet;
  histories: Map<string, ChannelHistory>;
  models: ChannelModel[];
  /** Channels without a usable curve, and why. */
  skipped: { channel: string; reasons: string[] }[];
}

export function channelModels(scope: WorkspaceScope): ChannelModels {
  const { curves, histories } = currentCurves(scope);
  const models: ChannelModel[] = [];
  const skipped: ChannelModels["skipped"] = [];
  for (const c of curves.channels) {
    const h = histories.get(c.channel) as ChannelHistory;
    if (
      !c.conversions.params ||
      !c.revenue.params ||
      !c.conversions.quality ||
      !c.revenue.quality
    ) {
      skipped.push({
        channel: c.channel,
        reasons: [...c.conversions.reasons, ...c.revenue.reasons],
      });
      continue;
    }
    const outcome = (o: Outcome): FittedOutcome => ({
      status: c[o].status,
      reasons: c[o].reasons,
      params: c[o].params as NonNullable<ResponseFit["params"]>,
      quality: c[o].quality as NonNullable<ResponseFit["quality"]>,
      draws: c[o].draws,
    });
    models.push({
      channel: c.channel,
      dates: h.dates,
      spend: h.spend,
      impressions: h.impressions,
      clicks: h.clicks,
      residuals: {
        conversions: residualsOf(h.spend, h.conversions, c.conversions.params),
        revenue: residualsOf(h.spend, h.revenue, c.revenue.params),
      },
      conversions: outcome("conversions"),
      revenue: outcome("revenue"),
    });
  }
  return { curves, histories, models, skipped };
}

export function unknownChannel(name: string, histories: Map<string, unknown>): UnknownChannelError {
  const known = [...histories.keys()];
  return new UnknownChannelError(
    known.length
      ? message("messages:forecast.unknownChannel", { name, known: known.join(", ") })
      : message("messages:forecast.unknownChannelNoCampaigns", { name }),
  );
}
