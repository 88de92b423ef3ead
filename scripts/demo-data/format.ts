/**
 * Dates are whole days since 1970-01-01 (UTC) throughout the generator, so no local time
 * zone or daylight-saving rule can change the output. Turkey keeps UTC+3 all year.
 */
const MS_PER_DAY = 86_400_000;
export const TURKEY_OFFSET = "+03:00";

export function dayOf(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error(`not an ISO date: ${isoDate}`);
  }
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function parts(day: number): { year: number; month: number; date: number } {
  const moment = new Date(day * MS_PER_DAY);
  return {
    year: moment.getUTCFullYear(),
    month: moment.getUTCMonth() + 1,
    date: moment.getUTCDate(),
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** 2025-03-14 */
export function isoDate(day: number): string {
  const { year, month, date } = parts(day);
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** 14.03.2025, as Turkish branch systems print dates. */
export function turkishDate(day: number): string {
  const { year, month, date } = parts(day);
  return `${pad(date)}.${pad(month)}.${year}`;
}

/** 2025-03-14T18:32:05+03:00 */
export function isoDateTime(day: number, secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  const seconds = secondOfDay % 60;
  return `${isoDate(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${TURKEY_OFFSET}`;
}

export function monthOf(day: number): number {
  return parts(day).month;
}

export function yearOf(day: number): number {
  return parts(day).year;
}

export function dayOfMonth(day: number): number {
  return parts(day).date;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Amount in kuruş (1/100 TRY) as "-1234.50": integer arithmetic keeps sums exact. */
export function moneyFromKurus(kurus: number): string {
  const sign = kurus < 0 ? "-" : "";
  const absolute = Math.abs(kurus);
  return `${sign}${Math.floor(absolute / 100)}.${pad(absolute % 100)}`;
}

/** 12.345,67: Turkish thousands dot and decimal comma, written by hand so ICU data never matters. */
export function turkishNumber(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value < 0 ? "-" : "";
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}

/** 4:07 -> "04:07" (mm:ss), for average visit durations. */
export function minutesSeconds(totalSeconds: number): string {
  const rounded = Math.round(totalSeconds);
  return `${pad(Math.floor(rounded / 60))}:${pad(rounded % 60)}`;
}
