import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Re-runs the page's loaders every `intervalMs` while `active`: background work (imports,
 * analyses, scrapes) keeps its state in the database, so polling shows it and a reload
 * shows the same thing.
 */
export function useRevalidateWhile(active: boolean, intervalMs = 1000): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, revalidator]);
}

/** A job's progress, 0–100 (values outside are clamped). */
export function ProgressBar({ percent }: { percent: number }) {
  const shown = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuenow={shown}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div style={{ width: `${shown}%` }} />
    </div>
  );
}
