/** How each campaign ratio is written: money per unit, percentages, or a plain multiple. */
import type { RatioName } from "~/analytics/campaign-metrics";
import { formatDecimal, formatPercent } from "~/components/segments/numbers";
import { formatMoney } from "~/format";

export const RATIO_LABELS: Record<RatioName, string> = {
  roi: "ROI",
  roas: "ROAS",
  cpa: "CPA",
  cpc: "CPC",
  cpm: "CPM",
  ctr: "CTR",
  cvr: "Conv. rate",
};

export const RATIO_TITLES: Record<RatioName, string> = {
  roi: "(revenue − spend) / spend",
  roas: "revenue / spend",
  cpa: "spend / conversions",
  cpc: "spend / clicks",
  cpm: "1000 × spend / impressions",
  ctr: "clicks / impressions",
  cvr: "conversions / clicks",
};

export function formatRatio(name: RatioName, value: number | null, currency: string | null) {
  if (value === null) return "—";
  switch (name) {
    case "roi":
    case "ctr":
    case "cvr":
      return formatPercent(value, name === "roi" ? 0 : 2);
    case "roas":
      return `${formatDecimal(value, 2)}×`;
    default:
      return formatMoney(value, currency);
  }
}
