import { useTranslation } from "react-i18next";
import { ProgressBar, useRevalidateWhile } from "~/components/live";
import { formatPercentage } from "~/format";

/**
 * A queued or running analysis: the worker's progress, refreshed every second. The state
 * lives in the database, so a reload (or another tab) shows the same progress.
 */
export function RunProgress({
  status,
  progress,
}: {
  status: string;
  progress: Record<string, unknown> | null;
}) {
  const { t } = useTranslation("segments");
  useRevalidateWhile(true);
  const percent = Math.max(0, Math.min(100, Math.round(Number(progress?.percent ?? 0))));
  const message = typeof progress?.message === "string" ? progress.message : null;
  return (
    <section aria-label={t("runs.progress")}>
      <h2>{status === "queued" ? t("runs.waiting") : t("runs.running")}</h2>
      <ProgressBar percent={percent} />
      <p className="muted small">
        {formatPercentage(percent / 100, 0)}
        {message ? ` · ${message}` : ""}. {t("runs.progressNote")}
      </p>
    </section>
  );
}
