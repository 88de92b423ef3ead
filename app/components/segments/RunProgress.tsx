import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

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
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const percent = Math.max(0, Math.min(100, Math.round(Number(progress?.percent ?? 0))));
  const message = typeof progress?.message === "string" ? progress.message : null;
  return (
    <section aria-label="Analysis progress">
      <h2>{status === "queued" ? "Waiting for the worker…" : "Running…"}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">
        {percent}%{message ? ` · ${message}` : ""}. This page updates by itself; you can leave and
        come back.
      </p>
    </section>
  );
}
