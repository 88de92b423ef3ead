/** Why an offer is suggested, in the reader's language (reasons are stored as data). */
import type { TFunction } from "i18next";
import type { OfferReason } from "~/analytics/next-best-offer";
import { formatInteger, formatPercentage } from "~/format";
import { segmentName } from "../segments/segment-names";

export function offerReasonText(
  t: TFunction,
  offer: { category: string; segment: string; reason: OfferReason },
): string {
  const { reason } = offer;
  return reason.kind === "repeat"
    ? t("notifications:offers.repeat", {
        category: offer.category,
        every: formatInteger(reason.everyDays),
        ago: formatInteger(reason.lastDaysAgo),
      })
    : t("notifications:offers.segmentShare", {
        share: formatPercentage(reason.share),
        segment: segmentName(t, offer.segment),
        category: offer.category,
      });
}
