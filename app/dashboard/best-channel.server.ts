/**
 * "Best channel by ROI": of the channels on the Campaigns page with its default range (all
 * campaign days), the one with the highest ROI, with its 80 % block-bootstrap interval and
 * the runner-up, so the card can say when the two intervals overlap (the lead may be luck).
 * The figures are the Campaigns page's own (campaigns/roi-report.server.ts); rows without a
 * channel and channels whose ROI has no value (zero spend, revenue missing) are not ranked.
 * Ties go to the larger spend, then to the name.
 *
 * The bootstrap redraws every channel's days 1,000 times, so the answer is kept per workspace
 * until its files change (campaigns only arrive and leave with a dataset).
 */
import type { GroupFigures } from "~/analytics/campaign-report";
import { campaignDateSpan } from "~/campaigns/campaign-rows.server";
import { roiReport } from "~/campaigns/roi-report.server";
import type { WorkspaceScope } from "~/db.server";
import {
  createWorkspaceCache,
  type WorkspaceDataMarks,
  workspaceDataMarks,
} from "~/workspace-cache.server";

export interface ChannelRoi {
  channel: string;
  roi: number;
  /** 80 % interval of the ROI, or null with `intervalReason`. */
  interval: { low: number; high: number } | null;
  intervalReason: string | null;
  spend: number | null;
  revenue: number | null;
}

export type BestChannel =
  | { status: "no-campaigns" }
  /** Campaign rows exist, but none names a channel. */
  | { status: "no-channel" }
  /** Channels exist, but none has an ROI (why: the first channel's reason). */
  | { status: "no-roi"; reason: string }
  | {
      status: "ok";
      best: ChannelRoi;
      runnerUp: ChannelRoi | null;
      /** Channels with an ROI that were compared. */
      ranked: number;
      /** The daily rows' first and last day, when there are daily rows. */
      span: { first: string; last: string } | null;
    };

function channelRoi(group: GroupFigures): ChannelRoi | null {
  const roi = group.ratios.roi.value;
  if (roi === null) return null;
  const intervals = group.intervals;
  let interval: ChannelRoi["interval"] = null;
  let intervalReason: string | null = null;
  if (!("ratios" in intervals)) intervalReason = intervals.reason;
  else if (intervals.ratios.roi.low === null) intervalReason = intervals.ratios.roi.reason;
  else interval = { low: intervals.ratios.roi.low, high: intervals.ratios.roi.high };
  return {
    channel: group.label,
    roi,
    interval,
    intervalReason,
    spend: group.totals.sums.spend,
    revenue: group.totals.sums.revenue,
  };
}

function rankChannels(scope: WorkspaceScope): BestChannel {
  const { report, rowsRead } = roiReport(scope, {}, "channel");
  if (rowsRead === 0) return { status: "no-campaigns" };
  const named = report.groups.filter((g) => g.key !== "");
  const ranked = named
    .map(channelRoi)
    .filter((c): c is ChannelRoi => c !== null)
    .sort(
      (a, b) =>
        b.roi - a.roi || (b.spend ?? 0) - (a.spend ?? 0) || a.channel.localeCompare(b.channel),
    );
  const best = ranked[0];
  const first = named[0];
  if (!first) return { status: "no-channel" };
  if (!best) return { status: "no-roi", reason: first.ratios.roi.reason ?? "" };
  return {
    status: "ok",
    best,
    runnerUp: ranked[1] ?? null,
    ranked: ranked.length,
    span: campaignDateSpan(scope),
  };
}

const kept = createWorkspaceCache<BestChannel>();

/** `marks`: the workspace's data marks when the caller has read them already. */
export function bestChannelByRoi(
  scope: WorkspaceScope,
  marks: WorkspaceDataMarks = workspaceDataMarks(scope),
): BestChannel {
  return kept.get(scope.workspaceId, marks.datasets, () => rankChannels(scope));
}
