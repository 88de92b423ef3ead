/**
 * A report's page content, read-only: the same view (charts, tables, tooltips) the page it was
 * saved from renders, fed with the report's data instead of the page's loader.
 */
import { useTranslation } from "react-i18next";
import { CampaignRoiView } from "~/components/campaigns/CampaignRoiView";
import { ForecastView } from "~/components/forecast/ForecastView";
import { OfferCostReportView } from "~/components/forecast/OfferCostPanel";
import { ChannelsView } from "~/components/scraping/ChannelsView";
import { SitesView } from "~/components/scraping/SitesView";
import { TrendsView } from "~/components/scraping/TrendsView";
import { SegmentChannelsView } from "~/components/segments/SegmentChannelsView";
import { SegmentProductsView } from "~/components/segments/SegmentProductsView";
import { SegmentRunView } from "~/components/segments/SegmentRunView";
import type { ReportView } from "~/reports/report-view.server";

/** A live report of a run that was deleted since (or never finished). */
function MissingRun() {
  const { t } = useTranslation("reports");
  return <p className="notice warning">{t("body.missingRun")}</p>;
}

const isMissingRun = (data: unknown) => (data as { state?: string } | null)?.state === "missing";

type Props = { view: Pick<ReportView, "kind" | "data"> };

export function ReportBody({ view }: Props) {
  switch (view.kind) {
    case "campaign-roi":
      return (
        <CampaignRoiView
          data={view.data as Parameters<typeof CampaignRoiView>[0]["data"]}
          interactive={false}
        />
      );
    case "offer-cost":
      return (
        <OfferCostReportView
          data={view.data as Parameters<typeof OfferCostReportView>[0]["data"]}
        />
      );
    case "channels":
      return (
        <ChannelsView
          data={view.data as Parameters<typeof ChannelsView>[0]["data"]}
          interactive={false}
        />
      );
    case "sites":
      return (
        <SitesView
          data={view.data as Parameters<typeof SitesView>[0]["data"]}
          interactive={false}
        />
      );
    case "trends":
      return (
        <TrendsView
          data={view.data as Parameters<typeof TrendsView>[0]["data"]}
          interactive={false}
        />
      );
    case "forecast":
      return (
        <ForecastView
          data={view.data as Parameters<typeof ForecastView>[0]["data"]}
          interactive={false}
        />
      );
    case "segment-run":
      return (
        <SegmentRunView
          data={view.data as Parameters<typeof SegmentRunView>[0]["data"]}
          interactive={false}
        />
      );
    case "channel-match":
      return isMissingRun(view.data) ? (
        <MissingRun />
      ) : (
        <SegmentChannelsView
          data={view.data as Parameters<typeof SegmentChannelsView>[0]["data"]}
          interactive={false}
        />
      );
    case "product-match":
      return isMissingRun(view.data) ? (
        <MissingRun />
      ) : (
        <SegmentProductsView
          data={view.data as Parameters<typeof SegmentProductsView>[0]["data"]}
          interactive={false}
        />
      );
  }
}
