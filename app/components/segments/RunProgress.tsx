import { ProgressBar, useRevalidateWhile } from "~/components/live";

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
  useRevalidateWhile(true);
  const percent = Math.max(0, Math.min(100, Math.round(Number(progress?.percent ?? 0))));
  const message = typeof progress?.message === "string" ? progress.message : null;
  return (
    <section aria-label="Analysis progress">
      <h2>{status === "queued" ? "Waiting for the worker…" : "Running…"}</h2>
      <ProgressBar percent={percent} />
      <p className="muted small">
        {percent}%{message ? ` · ${message}` : ""}. This page updates by itself; you can leave and
        come back.
      </p>
    </section>
  );
}
