/**
 * Everything a segment run's Channels tab shows (segment × channel fit and effectiveness): the
 * route's loader and a saved "channel-match" report both call this.
 */
import type { WorkspaceScope } from "#db/scoped";
import { segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { type ChannelMatch, matchChannels } from "./match-channels.server";
import { type ChannelsView, type ComputingView, readRunView } from "./run-views.server";
import type { AnalysisRun } from "./runs.server";

/** The tab worked out now (a report being saved). */
export function channelMatchPage(scope: WorkspaceScope, run: AnalysisRun) {
  return pageOf(scope, run, matchChannels(scope, run.id), false);
}

/**
 * The tab as the page shows it: the match stored when the run was computed, never computed
 * here ("computing" until the queue has stored it; `stale` while it refreshes a change).
 */
export function storedChannelMatchPage(
  scope: WorkspaceScope,
  run: AnalysisRun,
): ChannelMatchPage | ComputingView {
  const view = readRunView<ChannelsView>(scope, run, { view: "channels" });
  if (view.state === "computing") return { state: "computing", runId: run.id };
  return pageOf(scope, run, view.payload, view.stale);
}

function pageOf(scope: WorkspaceScope, run: AnalysisRun, match: ChannelsView, stale: boolean) {
  return {
    state: "ready" as const,
    runId: run.id,
    stale,
    match,
    labels: segmentLabels(run),
    // Campaign files have no currency column: their spend is shown in the currency of the
    // workspace's sales (customers/reporting-currency.server.ts).
    money: reportingCurrency(scope),
  };
}

export type ChannelMatchPage = ReturnType<typeof pageOf>;
export type { ChannelMatch };
