import { useTranslation } from "react-i18next";
import { useRevalidateWhile } from "~/components/live";

/**
 * A run's tab whose figures the queue has not stored yet (the run has just finished, or the
 * Products tab was asked for other thresholds): the page checks again by itself.
 */
export function ComputingNotice() {
  const { t } = useTranslation("segments");
  useRevalidateWhile(true, 2000);
  return (
    <p className="notice" role="status">
      {t("views.computing")}
    </p>
  );
}

/** The figures shown are from before the latest data change; the queue is updating them. */
export function StaleNotice({ stale }: { stale: boolean }) {
  const { t } = useTranslation("segments");
  useRevalidateWhile(stale, 3000);
  if (!stale) return null;
  return (
    <p className="notice" role="status">
      {t("views.stale")}
    </p>
  );
}

/** The Segments page's feature list is being worked out on the queue; the page checks again. */
export function FeaturesComputingNotice() {
  const { t } = useTranslation("segments");
  useRevalidateWhile(true, 2000);
  return (
    <p className="notice" role="status">
      {t("views.featuresComputing")}
    </p>
  );
}
