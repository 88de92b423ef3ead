import { useTranslation } from "react-i18next";
import type { CustomerValueFigure } from "~/customers/value-of-customers.server";
import { formatMoney } from "~/format";

/** The customer's predicted value over the model's horizon, and which method gave it. */
export function PredictedValue({
  figure,
  currency,
}: {
  figure: CustomerValueFigure | null;
  currency: string | null;
}) {
  const { t } = useTranslation("value");
  if (!figure) return null;
  return (
    <div className="stats">
      <div>
        <strong data-testid="predicted-value">{formatMoney(figure.value, currency)}</strong>
        <span>
          {t("customer.label", { days: figure.horizonDays })} ·{" "}
          {t("customer.method", { method: t(`metrics.${figure.method}` as "metrics.model") })}
        </span>
      </div>
    </div>
  );
}
