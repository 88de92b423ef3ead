import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { describeCurrencyMix } from "~/format";

/** Beside totals of sales: says when they add amounts of several currencies unconverted. */
export function CurrencyNote({ money }: { money: ReportingCurrency }) {
  if (money.mixed.length === 0) return null;
  return (
    <p className="muted small" data-testid="currency-note">
      {describeCurrencyMix(money.mixed)}
    </p>
  );
}
