import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CurrencyNote } from "~/components/CurrencyNote";
import { formatChange } from "~/components/segments/numbers";
import type { RevenueTrend } from "~/dashboard/revenue-trend.server";
import { formatMoney } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

export function RevenueCard({ trend }: { trend: RevenueTrend }) {
  const { t } = useTranslation("dashboard");
  const currency = trend.money.currency;
  const sales = (count: number) => t("revenue.sales", { count });
  const daysAgo = (days: number) =>
    days <= 0
      ? t("revenue.today")
      : days === 1
        ? t("revenue.yesterday")
        : t("revenue.daysAgo", { count: days });
  const excluded =
    trend.excludedSales > 0 ? (
      <p className="muted small" data-testid="revenue-excluded">
        {t("revenue.excluded", { count: trend.excludedSales })}
      </p>
    ) : null;
  return (
    <DashboardCard
      title={t("revenue.title")}
      to="data"
      linkText={t("revenue.link")}
      testId="card-revenue"
    >
      {trend.status === "no-sales" ? (
        <>
          <p className="muted">
            <Trans t={t} i18nKey="revenue.none" components={{ data: <Link to="data" /> }} />
          </p>
          {excluded}
        </>
      ) : (
        <>
          <BigFigure testId="revenue-current">
            {formatMoney(trend.current.revenue, currency)}
          </BigFigure>
          <p data-testid="revenue-change">
            {trend.change === null ? (
              <>
                —{" "}
                <span className="muted small">
                  ({t(`revenue.reasons.${trend.changeReason ?? "no-previous-sales"}`)})
                </span>
              </>
            ) : (
              <Trans
                t={t}
                i18nKey="revenue.against"
                values={{
                  change: formatChange(trend.change),
                  previous: formatMoney(trend.previous.revenue, currency),
                }}
                components={{ strong: <strong /> }}
              />
            )}
          </p>
          <p className="muted small" data-testid="revenue-windows">
            {t("revenue.windows", {
              from: trend.current.from,
              to: trend.current.to,
              sales: sales(trend.current.sales),
              previousFrom: trend.previous.from,
              previousTo: trend.previous.to,
              previousSales: sales(trend.previous.sales),
              latest: trend.latestSale,
              ago: daysAgo(trend.daysSinceLatestSale),
            })}
          </p>
          {excluded}
          <CurrencyNote money={trend.money} />
        </>
      )}
    </DashboardCard>
  );
}
