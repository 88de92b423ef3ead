import { useTranslation } from "react-i18next";
import type { OfferReason } from "~/analytics/next-best-offer";
import { customerLabel } from "~/components/customer-label";
import { formatDay, formatInteger, formatMoney, formatPercentage } from "~/format";
import { offerReasonText } from "./offer-reason";

export interface OfferRow {
  customerId: number;
  customer: string | null;
  name?: string | null;
  segment: string;
  rank: number;
  category: string;
  propensity: number;
  value: number;
  expectedValue: number;
  reason: OfferReason;
  asOf: string;
}

/** A segment's members' next best offers, one row per offer, with a CSV link. */
export function OffersTable(props: {
  offers: OfferRow[];
  shownCustomers: number;
  horizonDays: number;
  currency: string | null;
  csvHref: string;
  customersPath: string;
}) {
  const { offers, currency } = props;
  const { t } = useTranslation("notifications");
  const asOf = offers[0]?.asOf ?? null;
  return (
    <section aria-label={t("offers.title")}>
      <h2>{t("offers.title")}</h2>
      <p className="muted small">
        {t("offers.intro", { days: formatInteger(props.horizonDays), date: formatDay(asOf) })}
      </p>
      {offers.length === 0 ? (
        <p className="muted">{t("offers.none")}</p>
      ) : (
        <>
          <div className="scroll-x">
            <table className="data" aria-label={t("offers.title")}>
              <thead>
                <tr>
                  <th>{t("offers.customer")}</th>
                  <th>{t("offers.rank")}</th>
                  <th>{t("offers.offer")}</th>
                  <th className="num">{t("offers.propensity")}</th>
                  <th className="num">{t("offers.value")}</th>
                  <th className="num">{t("offers.expectedValue")}</th>
                  <th>{t("offers.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {offers.map((o) => (
                  <tr key={`${o.customerId}-${o.rank}`}>
                    <td>
                      {o.rank === 1 ? (
                        <a href={`${props.customersPath}/${o.customerId}`}>
                          {customerLabel({ name: o.name, externalId: o.customer }) ??
                            t("common:customer.unnamed")}
                        </a>
                      ) : null}
                    </td>
                    <td>{formatInteger(o.rank)}</td>
                    <td>{o.category}</td>
                    <td className="num">{formatPercentage(o.propensity)}</td>
                    <td className="num">{formatMoney(o.value, currency)}</td>
                    <td className="num">{formatMoney(o.expectedValue, currency)}</td>
                    <td className="small">{offerReasonText(t, o)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">
            {t("offers.shown", { n: formatInteger(props.shownCustomers) })}
          </p>
        </>
      )}
      <p>
        <a href={props.csvHref} download>
          {t("offers.csv")}
        </a>
      </p>
    </section>
  );
}
