import { useTranslation } from "react-i18next";
import type { OfferReason } from "~/analytics/next-best-offer";
import { formatDay, formatInteger, formatMoney, formatPercentage } from "~/format";
import { OFFER_HORIZON_DAYS } from "~/notifications/offer-horizon";
import { offerReasonText } from "../notifications/offer-reason";
import { segmentName } from "../segments/segment-names";

/** The customer's top offers by expected value, from the latest run that ranked them. */
export function NextBestOffers(props: {
  offers: {
    runId: number;
    segment: string;
    rank: number;
    category: string;
    propensity: number;
    value: number;
    expectedValue: number;
    reason: OfferReason;
    asOf: string;
  }[];
  currency: string | null;
}) {
  const { offers, currency } = props;
  const { t } = useTranslation("notifications");
  const first = offers[0];
  return (
    <section aria-label={t("customer.title")}>
      <h2>{t("customer.title")}</h2>
      {!first ? (
        <p className="muted">{t("customer.none")}</p>
      ) : (
        <>
          <p className="muted small">
            {t("customer.fromRun", {
              run: first.runId,
              segment: segmentName(t, first.segment),
              date: formatDay(first.asOf),
              days: formatInteger(OFFER_HORIZON_DAYS),
            })}
          </p>
          <table className="data" aria-label={t("customer.title")}>
            <thead>
              <tr>
                <th>{t("offers.rank")}</th>
                <th>{t("offers.offer")}</th>
                <th className="num">{t("offers.expectedValue")}</th>
                <th className="num">{t("offers.propensity")}</th>
                <th className="num">{t("offers.value")}</th>
                <th>{t("offers.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.rank}>
                  <td>{formatInteger(o.rank)}</td>
                  <td>{o.category}</td>
                  <td className="num" data-testid="offer-expected-value">
                    {formatMoney(o.expectedValue, currency)}
                  </td>
                  <td className="num">{formatPercentage(o.propensity)}</td>
                  <td className="num">{formatMoney(o.value, currency)}</td>
                  <td className="small">{offerReasonText(t, o)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
