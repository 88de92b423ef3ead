import { useTranslation } from "react-i18next";
import { formatInteger } from "~/format";

/** Customers the legal basis leaves out of the value model: a notice, not a success line. */
export function ValueExcludedNote({ count }: { count: number }) {
  const { t } = useTranslation("value");
  if (!(count > 0)) return null;
  return (
    <p className="notice warning small" role="note" data-testid="value-excluded">
      {t("excluded", { n: formatInteger(count) })}
    </p>
  );
}
