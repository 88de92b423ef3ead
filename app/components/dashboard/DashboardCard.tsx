import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * One card of the home dashboard: a title that links to the page explaining the figure, the
 * figure, and what it is computed from.
 */
export function DashboardCard({
  title,
  to,
  linkText,
  testId,
  children,
}: {
  title: string;
  /** The page that explains the figure, relative to the workspace. */
  to: string;
  linkText: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="card dashboard-card" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {children}
      <p className="small dashboard-card-link">
        <Link to={to}>{linkText} →</Link>
      </p>
    </section>
  );
}

/** The card's main figure, large. */
export function BigFigure({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="big-figure" data-testid={testId}>
      {children}
    </p>
  );
}
