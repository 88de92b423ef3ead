import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttledProgress, withDerivedFigures } from "#jobs/progress";
import type { JobProgress } from "#jobs/registry";

describe("withDerivedFigures", () => {
  it("derives percent from rows/total and rate from rows per second", () => {
    // 250 of 1000 rows in 2 s: 25 %, 125 rows/s
    expect(withDerivedFigures({ rows: 250, total: 1_000 }, 2_000)).toEqual({
      rows: 250,
      total: 1_000,
      percent: 25,
      rate: 125,
    });
    // 1 of 3 rows in 3 s: 33.3 %, 0.3 rows/s (one decimal)
    expect(withDerivedFigures({ rows: 1, total: 3 }, 3_000)).toMatchObject({
      percent: 33.3,
      rate: 0.3,
    });
  });

  it("keeps figures the handler gave and derives nothing it cannot", () => {
    expect(withDerivedFigures({ rows: 5, total: 10, percent: 1, rate: 2 }, 1_000)).toMatchObject({
      percent: 1,
      rate: 2,
    });
    expect(withDerivedFigures({ rows: 5 }, 0)).toEqual({ rows: 5 });
    expect(withDerivedFigures({ message: "fetching" }, 1_000)).toEqual({ message: "fetching" });
  });
});

describe("throttledProgress", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it("writes the first report at once, then at most once per interval with the latest figures", () => {
    const writes: JobProgress[] = [];
    const progress = throttledProgress((figures) => writes.push(figures), 1_000, 0);
    for (let rows = 1; rows <= 100; rows++) progress.report({ rows });
    expect(writes.map((w) => w.rows)).toEqual([1]);

    vi.advanceTimersByTime(999);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    // The trailing write carries the newest figures, rate measured at report time (t = 0).
    expect(writes.map((w) => w.rows)).toEqual([1, 100]);

    vi.advanceTimersByTime(500);
    progress.report({ rows: 150 });
    progress.flush();
    expect(writes.map((w) => w.rows)).toEqual([1, 100, 150]);
    expect(writes[2]?.rate).toBe(100); // 150 rows at t = 1.5 s
    vi.advanceTimersByTime(5_000);
    expect(writes).toHaveLength(3);
  });

  it("stop drops a pending report", () => {
    const writes: JobProgress[] = [];
    const progress = throttledProgress((figures) => writes.push(figures), 1_000, 0);
    progress.report({ rows: 1 });
    progress.report({ rows: 2 });
    progress.stop();
    vi.advanceTimersByTime(2_000);
    progress.flush();
    expect(writes.map((w) => w.rows)).toEqual([1]);
  });
});
