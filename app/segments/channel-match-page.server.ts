/**
 * Everything a segment run's Channels tab shows (segment × channel fit and effectiveness): the
 * route's loader and a saved "channel-match" report both call this.
 */
import type { WorkspaceScope } from "#db/scoped";
import { segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { matchChannels } from "./match-channels.server";
import type { AnalysisRun } from "./runs.server";

export function channelMatchPage(scope: WorkspaceScope, run: AnalysisRun) {
  return {
    runId: run.id,
    match: matchChannels(scope.db, scope.workspaceId, run.id),
    labels: segmentLabels(run),
    // Campaign files have no currency column: their spend is shown in the currency of the
    // workspace's sales (customers/reporting-currency.server.ts).
    money: reportingCurrency(scope),
  };
}

export type ChannelMatchPage = ReturnType<typeof channelMatchPage>;
