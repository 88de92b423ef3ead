/** Calendar periods of a day (YYYY-MM-DD, UTC): ISO week and month, as keys and start days. */

export type Granularity = "day" | "week" | "month";

const DAY_MS = 86_400_000;

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** ISO 8601 week of a day: "2024-W09". The week belongs to the year of its Thursday. */
export function isoWeek(date: string): string {
  const day = utcDay(date);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((thursday.getTime() - 3 * DAY_MS - firstMonday) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of the day's ISO week, YYYY-MM-DD. */
export function weekStart(date: string): string {
  const day = utcDay(date);
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The period key of a day: the day itself, its ISO week, or YYYY-MM. */
export function periodKey(date: string, granularity: Granularity): string {
  if (granularity === "day") return date;
  if (granularity === "week") return isoWeek(date);
  return date.slice(0, 7);
}

/** The first day of the day's period, for plotting periods on a time axis. */
export function periodStart(date: string, granularity: Granularity): string {
  if (granularity === "day") return date;
  if (granularity === "week") return weekStart(date);
  return `${date.slice(0, 7)}-01`;
}
