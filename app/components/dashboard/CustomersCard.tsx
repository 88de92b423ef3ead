import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { CustomersAnalysed } from "~/dashboard/customers-analysed.server";
import { formatInteger } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

export function CustomersCard({ figures }: { figures: CustomersAnalysed }) {
  const { t } = useTranslation("dashboard");
  // The same two reasons as exclusionWording (~/customers/processing-basis), translated.
  const why = figures.basis === "consent" ? "consent" : "objected";
  return (
    <DashboardCard
      title={t("customers.title")}
      to="customers"
      linkText={t("customers.link")}
      testId="card-customers"
    >
      {figures.total === 0 ? (
        <p className="muted">
          <Trans t={t} i18nKey="customers.none" components={{ data: <Link to="data" /> }} />
        </p>
      ) : (
        <>
          <BigFigure testId="customers-analysed">{formatInteger(figures.analysed)}</BigFigure>
          <p data-testid="customers-excluded">
            {t("customers.excluded", {
              total: formatInteger(figures.total),
              excluded: formatInteger(figures.excluded),
              why: t(`customers.why.${why}`),
            })}
          </p>
          <p className="muted small">
            {t("customers.basis", { basis: t(`workspace:settings.bases.${figures.basis}`) })}{" "}
            <Link to="settings#processing-basis">{t("customers.change")}</Link>
          </p>
        </>
      )}
    </DashboardCard>
  );
}
