/**
 * The pages a report can be saved from. Client-safe (no server code): the Reports page, the
 * save form and the report body read these names; app/reports/kinds.server.ts builds them.
 */
export const REPORT_KINDS = [
  "campaign-roi",
  "offer-cost",
  "channels",
  "sites",
  "trends",
  "forecast",
  "segment-run",
  "channel-match",
  "product-match",
] as const;
export type ReportKindId = (typeof REPORT_KINDS)[number];

export const reportKindLabels: Record<ReportKindId, string> = {
  "campaign-roi": "Campaign ROI",
  "offer-cost": "Offer cost",

  channels: "Channels",
  sites: "Sites",
  trends: "Trends",
  forecast: "Forecast",
  "segment-run": "Segment run",
  "channel-match": "Segment channels",
  "product-match": "Segment products",
};

export function isReportKind(value: unknown): value is ReportKindId {
  return typeof value === "string" && (REPORT_KINDS as readonly string[]).includes(value);
}
