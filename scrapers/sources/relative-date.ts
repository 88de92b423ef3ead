/**
 * "3 days ago", "Streamed 1 month ago", "2 hours ago" → the UTC day it points at. Pure.
 *
 * Why a day and not an instant: video sites round relative dates ("1 month ago" covers
 * thirty days), so anything finer than a day would claim precision the page does not have.
 * Months and years step back on the calendar (21 Nov − 1 month = 21 Oct), weeks as 7 days.
 */
import { dayOf } from "./periods";

const UNIT_PATTERNS: Array<
  [RegExp, "second" | "minute" | "hour" | "day" | "week" | "month" | "year"]
> = [
  [/^(?:seconds?|secs?|s)$/, "second"],
  [/^(?:minutes?|mins?)$/, "minute"],
  [/^(?:hours?|hrs?|h)$/, "hour"],
  [/^days?$/, "day"],
  [/^weeks?$/, "week"],
  [/^months?$/, "month"],
  [/^years?$/, "year"],
];

const MS = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** The UTC day ("2026-11-19") that `text` refers to, counted back from `now`, or undefined. */
export function resolveRelativeDate(text: string, now: Date): string | undefined {
  const normal = text
    .trim()
    .toLowerCase()
    .replace(/^(?:streamed|premiered|updated)\s+/, "");
  if (normal === "today" || normal === "just now") return dayOf(now);
  if (normal === "yesterday") return dayOf(new Date(now.getTime() - MS.day));
  const match = /^(\d+|an?|one)\s+([a-z]+)\s+ago$/.exec(normal);
  if (!match) return undefined;
  const [, amountText = "", unitText = ""] = match;
  const amount = /^\d+$/.test(amountText) ? Number(amountText) : 1;
  const unit = UNIT_PATTERNS.find(([pattern]) => pattern.test(unitText))?.[1];
  if (!unit) return undefined;
  if (unit === "month" || unit === "year") {
    const date = new Date(now.getTime());
    const months = unit === "month" ? amount : amount * 12;
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() - months);
    // 31 March − 1 month is the last day of February, not 3 March.
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
    date.setUTCDate(Math.min(day, lastDay.getUTCDate()));
    return dayOf(date);
  }
  return dayOf(new Date(now.getTime() - amount * MS[unit]));
}
