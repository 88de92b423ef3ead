import { useTranslation } from "react-i18next";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { currencyMixParts } from "~/format";

/** Beside totals of sales: says when they add amounts of several currencies unconverted. */
export function CurrencyNote({ money }: { money: ReportingCurrency }) {
  const { t } = useTranslation();
  if (money.mixed.length === 0) return null;
  const { named, others } = currencyMixParts(money.mixed);
  return (
    <p className="muted small" data-testid="currency-note">
      {others ? t("currencyMixOthers", { named, others }) : t("currencyMix", { named })}
    </p>
  );
}
