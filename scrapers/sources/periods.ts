/**
 * Period labels for observations. Pure.
 *
 * Why UTC: a workspace's time zone is not known to the scraper, and the same fetch must
 * land on the same day whichever worker ran it.
 */

/** "2026-11-21" for any instant on that UTC day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2026-11" for any instant in that UTC month. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** A canonical ISO instant ("2026-11-21T06:30:00.000Z") or undefined for unreadable text. */
export function instantOf(text: string): string | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Rounds away binary noise (41.2 / 100 = 0.41200000000000003) to 12 significant digits. */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
