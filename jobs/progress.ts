/**
 * Progress from a handler, throttled before it reaches the database: a loader may report
 * after every row, but one write per interval is plenty for a progress bar and keeps the
 * single SQLite writer free for real work. The latest figures are never lost: a report
 * that arrives too soon is written when the interval ends (or on flush).
 */
import type { JobProgress } from "./registry";

/** Fills in percent and rate when the handler gave only rows (and total). */
export function withDerivedFigures(update: JobProgress, elapsedMs: number): JobProgress {
  const figures = { ...update };
  const { rows, total } = update;
  if (figures.percent === undefined && rows !== undefined && total) {
    figures.percent = Math.round((rows / total) * 1000) / 10;
  }
  if (figures.rate === undefined && rows !== undefined && elapsedMs > 0) {
    figures.rate = Math.round((rows / elapsedMs) * 10_000) / 10;
  }
  return figures;
}

export interface ThrottledProgress {
  report(update: JobProgress): void;
  /** Writes a pending report now. */
  flush(): void;
  /** Drops a pending report and its timer. */
  stop(): void;
}

export function throttledProgress(
  write: (progress: JobProgress) => void,
  intervalMs: number,
  startedAt = Date.now(),
): ThrottledProgress {
  let pending: JobProgress | undefined;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  const flush = () => {
    const progress = pending;
    stop();
    if (!progress) return;
    lastWriteAt = Date.now();
    write(progress);
  };

  return {
    report(update) {
      pending = withDerivedFigures(update, Date.now() - startedAt);
      const waitMs = lastWriteAt + intervalMs - Date.now();
      if (waitMs <= 0) flush();
      else timer ??= setTimeout(flush, waitMs);
    },
    flush,
    stop,
  };
}
