/** The "as of" date of an analysis, as a UTC day number (see analytics/columns.ts). */
import { dayToIsoDate, toUtcDay } from "~/analytics/columns";
import { SegmentInputError } from "./errors";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Day number of an ISO date (YYYY-MM-DD, optionally with a time); undefined passes through. */
export function parseAsOf(asOf: string | undefined): number | undefined {
  if (asOf === undefined || asOf === "") return undefined;
  if (!ISO_DATE.test(asOf)) throw new SegmentInputError(`"${asOf}" is not a date (YYYY-MM-DD)`);
  let day: number | undefined;
  try {
    day = toUtcDay(asOf);
  } catch {
    day = undefined;
  }
  // Date parsing rolls 2025-02-30 over to March; the round trip catches that.
  if (day === undefined || (asOf.length === 10 && dayToIsoDate(day) !== asOf))
    throw new SegmentInputError(`"${asOf}" is not a valid date`);
  return day;
}

/** The documented default reference day: the day after the last transaction (or today). */
export function defaultReferenceDay(day: ArrayLike<number>, today = Date.now()): number {
  if (day.length === 0) return toUtcDay(today);
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < day.length; i++) if ((day[i] as number) > last) last = day[i] as number;
  return last + 1;
}
