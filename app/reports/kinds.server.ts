/** Every kind of report, by id. Adding a kind: a module under ./kinds and a line here. */
import { campaignRoiReport } from "./kinds/campaign-roi.server";
import { channelMatchReport } from "./kinds/channel-match.server";
import { channelsReport } from "./kinds/channels.server";
import { forecastReport } from "./kinds/forecast.server";
import { offerCostReport } from "./kinds/offer-cost.server";
import { productMatchReport } from "./kinds/product-match.server";
import type { ReportKind } from "./kinds/report-kind.server";
import { segmentRunReport } from "./kinds/segment-run.server";
import { sitesReport } from "./kinds/sites.server";
import { trendsReport } from "./kinds/trends.server";
import type { ReportKindId } from "./report-kinds";

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own data type; callers pass it through opaquely.
export const reportKinds: Record<ReportKindId, ReportKind<any>> = {
  "campaign-roi": campaignRoiReport,
  "offer-cost": offerCostReport,

  channels: channelsReport,
  sites: sitesReport,
  trends: trendsReport,
  forecast: forecastReport,
  "segment-run": segmentRunReport,
  "channel-match": channelMatchReport,
  "product-match": productMatchReport,
};
