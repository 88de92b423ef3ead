import { Link } from "@remix-run/react";
import { CurrencyNote } from "~/components/CurrencyNote";
import { formatChange } from "~/components/segments/numbers";
import type { ChangeReason, RevenueTrend } from "~/dashboard/revenue-trend.server";
import { formatInteger, formatMoney } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

const CHANGE_REASONS: Record<ChangeReason, string> = {
  "no-previous-sales": "no sales in the 30 days before",
  "previous-not-positive": "returns outweighed sales in the 30 days before",
};

const sales = (n: number) => `${formatInteger(n)} ${n === 1 ? "sale" : "sales"}`;

function daysAgo(days: number): string {
  if (days <= 0) return "today";
  return days === 1 ? "yesterday" : `${formatInteger(days)} days ago`;
}

export function RevenueCard({ trend }: { trend: RevenueTrend }) {
  const currency = trend.money.currency;
  const excluded =
    trend.excludedSales > 0 ? (
      <p className="muted small" data-testid="revenue-excluded">
        {trend.excludedSales === 1
          ? "1 sale of a customer the legal basis leaves out is not counted."
          : `${formatInteger(trend.excludedSales)} sales of customers the legal basis leaves out are not counted.`}
      </p>
    ) : null;
  return (
    <DashboardCard
      title="Revenue, last 30 days"
      to="data"
      linkText="Sales files on the Data page"
      testId="card-revenue"
    >
      {trend.status === "no-sales" ? (
        <>
          <p className="muted">
            No sales to count yet. Upload a transactions file on the <Link to="data">Data</Link>{" "}
            page.
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
                  ({CHANGE_REASONS[trend.changeReason ?? "no-previous-sales"]})
                </span>
              </>
            ) : (
              <>
                <strong>{formatChange(trend.change)}</strong> against{" "}
                {formatMoney(trend.previous.revenue, currency)} in the 30 days before
              </>
            )}
          </p>
          <p className="muted small" data-testid="revenue-windows">
            {trend.current.from} to {trend.current.to} ({sales(trend.current.sales)}) against{" "}
            {trend.previous.from} to {trend.previous.to} ({sales(trend.previous.sales)}). Ending on
            the latest sale in your data ({trend.latestSale}, {daysAgo(trend.daysSinceLatestSale)}),
            not today. Net of returns; UTC days.
          </p>
          {excluded}
          <CurrencyNote money={trend.money} />
        </>
      )}
    </DashboardCard>
  );
}
