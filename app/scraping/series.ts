/**
 * Arithmetic on observation series for the Channels, Sites and Trends pages. Pure.
 */

export interface Point {
  period: string;
  value: number;
}

/** Milliseconds in a day, for ISO-week arithmetic. */
const DAY_MS = 86_400_000;

/**
 * A period as the date a time axis can place: "2026-11-21" as is, "2026-11" → its first
 * day, "2026-W47" → the Monday of that ISO week, an instant → its UTC day.
 */
export function periodDate(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    // ISO week 1 is the week with 4 January in it; weeks start on Monday.
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return new Date(mondayOfWeek1 + (Number(week[2]) - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  }
  return period.slice(0, 10);
}

/**
 * Trailing moving average over `window` points: point i averages points i−window+1 … i.
 * The first window−1 points have no full window and get null (a shorter average would
 * swing more than the rest of the line and mislead).
 */
export function movingAverage(values: readonly number[], window: number): (number | null)[] {
  if (!Number.isInteger(window) || window < 1) throw new RangeError("window must be ≥ 1");
  let sum = 0;
  return values.map((value, i) => {
    sum += value;
    if (i >= window) sum -= values[i - window] ?? 0;
    return i >= window - 1 ? sum / window : null;
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Growth over the period shown, as a fraction (0.25 = +25 %): the mean of the last `edge`
 * points against the mean of the first `edge` points. Averaging a few points at each end
 * keeps one noisy week from deciding the figure. `edge` shrinks to half the series for
 * short series; undefined when there are fewer than 2 points or the start is 0.
 */
export function growthOverPeriod(values: readonly number[], edge = 4): number | undefined {
  if (values.length < 2) return undefined;
  const k = Math.max(1, Math.min(edge, Math.floor(values.length / 2)));
  const start = mean(values.slice(0, k));
  const end = mean(values.slice(-k));
  if (start === 0) return undefined;
  return (end - start) / start;
}

/** Of several values for the same period (several sources or fetches), the latest fetched. */
export function latestPerPeriod<T extends { period: string; fetchedAt: Date | number }>(
  rows: readonly T[],
): T[] {
  const byPeriod = new Map<string, T>();
  for (const row of rows) {
    const seen = byPeriod.get(row.period);
    if (!seen || new Date(row.fetchedAt).getTime() >= new Date(seen.fetchedAt).getTime()) {
      byPeriod.set(row.period, row);
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}
