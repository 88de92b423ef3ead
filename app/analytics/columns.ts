/**
 * Helpers that turn row-shaped input into the dense integer / day-number columns the
 * analytics functions take, so hot loops index typed arrays instead of hashing strings.
 */

const MS_PER_DAY = 86_400_000;

/** Dense codes for keys: codes[i] = position of values[i] in `keys` (first-seen order). */
export function encodeKeys<K>(values: Iterable<K>): { codes: Int32Array; keys: K[] } {
  const indexOf = new Map<K, number>();
  const keys: K[] = [];
  const codes: number[] = [];
  for (const value of values) {
    let code = indexOf.get(value);
    if (code === undefined) {
      code = keys.length;
      indexOf.set(value, code);
      keys.push(value);
    }
    codes.push(code);
  }
  return { codes: Int32Array.from(codes), keys };
}

/**
 * UTC day number = ⌊epoch milliseconds / 86 400 000⌋ (days since 1970-01-01).
 * Accepts a Date, epoch milliseconds or an ISO date / date-time string.
 */
export function toUtcDay(date: Date | number | string): number {
  const ms = typeof date === "number" ? date : new Date(date).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid date: ${String(date)}`);
  return Math.floor(ms / MS_PER_DAY);
}

/** ISO calendar date (YYYY-MM-DD, UTC) of a day number. */
export function dayToIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
