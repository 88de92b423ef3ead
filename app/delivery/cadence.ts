/**
 * A delivery's schedule as a marketer picks it (weekly on a weekday, or monthly on a day of
 * the month, at a full hour) and as it is stored: a 5-part croner pattern read in the
 * workspace's time zone. Client-safe: the page describes cadences with it.
 *
 * Why days 1–28 only: every month has them, so "monthly on the 31st" never silently skips
 * February.
 */

import { z } from "zod";
import { message } from "~/i18n/message";

export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

const Hour = z.coerce
  .number({ message: message("messages:delivery.chooseHour") })
  .int(message("messages:delivery.chooseFullHour"))
  .min(0, message("messages:delivery.chooseHour"))
  .max(23, message("messages:delivery.chooseHour"));

export const CadenceSchema = z.discriminatedUnion("cadence", [
  z.object({
    cadence: z.literal("weekly"),
    weekday: z.coerce
      .number({ message: message("messages:delivery.chooseWeekday") })
      .int(message("messages:delivery.chooseWeekday"))
      .min(0, message("messages:delivery.chooseWeekday"))
      .max(6, message("messages:delivery.chooseWeekday")),
    hour: Hour,
  }),
  z.object({
    cadence: z.literal("monthly"),
    day: z.coerce
      .number({ message: message("messages:delivery.chooseMonthDay") })
      .int(message("messages:delivery.chooseMonthDay"))
      .min(1, message("messages:delivery.chooseMonthDay"))
      .max(28, message("messages:delivery.chooseMonthDay")),
    hour: Hour,
  }),
]);

export type Cadence = z.output<typeof CadenceSchema>;

/** The croner pattern (minute hour day-of-month month day-of-week). */
export function cronOfCadence(cadence: Cadence): string {
  return cadence.cadence === "weekly"
    ? `0 ${cadence.hour} * * ${cadence.weekday}`
    : `0 ${cadence.hour} ${cadence.day} * *`;
}

const WEEKLY = /^0 (\d{1,2}) \* \* ([0-6])$/;
const MONTHLY = /^0 (\d{1,2}) (\d{1,2}) \* \*$/;

/** The cadence a stored pattern was made from, or null for a pattern this module did not make. */
export function cadenceOfCron(cron: string): Cadence | null {
  const weekly = WEEKLY.exec(cron);
  if (weekly) return { cadence: "weekly", hour: Number(weekly[1]), weekday: Number(weekly[2]) };
  const monthly = MONTHLY.exec(cron);
  if (monthly) return { cadence: "monthly", hour: Number(monthly[1]), day: Number(monthly[2]) };
  return null;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** English ordinal suffix category of a day of the month (1st, 2nd, 3rd, 4th, 11th…). */
const ordinalCategory = new Intl.PluralRules("en", { type: "ordinal" });

/**
 * "Every Monday at 09:00" / "Monthly on the 1st at 08:00" (in the workspace's time zone), as
 * a catalogue message (~/i18n/message) the page shows in the reader's language. The monthly
 * key is chosen by the English ordinal suffix; the other languages word every suffix alike.
 */
export function cadenceMessage(cron: string, timeZone: string): string {
  const cadence = cadenceOfCron(cron);
  if (!cadence) return message("reports:cadence.custom", { cron, timeZone });
  const time = `${twoDigits(cadence.hour)}:00`;
  return cadence.cadence === "weekly"
    ? message(`reports:cadence.weekly.${cadence.weekday}`, { time, timeZone })
    : message(`reports:cadence.monthly.${ordinalCategory.select(cadence.day)}`, {
        day: cadence.day,
        time,
        timeZone,
      });
}
