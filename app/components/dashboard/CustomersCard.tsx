import { Link } from "@remix-run/react";
import { BASIS_LABELS, exclusionWording } from "~/customers/processing-basis";
import type { CustomersAnalysed } from "~/dashboard/customers-analysed.server";
import { formatInteger } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

export function CustomersCard({ figures }: { figures: CustomersAnalysed }) {
  return (
    <DashboardCard
      title="Customers analysed"
      to="customers"
      linkText="Customers"
      testId="card-customers"
    >
      {figures.total === 0 ? (
        <p className="muted">
          No customers yet. Upload a customers or transactions file on the{" "}
          <Link to="data">Data</Link> page.
        </p>
      ) : (
        <>
          <BigFigure testId="customers-analysed">{formatInteger(figures.analysed)}</BigFigure>
          <p data-testid="customers-excluded">
            of {formatInteger(figures.total)}; {formatInteger(figures.excluded)} excluded{" "}
            {exclusionWording(figures.basis)}.
          </p>
          <p className="muted small">
            Legal basis: {BASIS_LABELS[figures.basis]}.{" "}
            <Link to="settings#processing-basis">Change it in Settings</Link>
          </p>
        </>
      )}
    </DashboardCard>
  );
}
