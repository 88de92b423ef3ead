/**
 * When a delivery is next due: the first time strictly after `after` that its croner pattern
 * fires in the workspace's time zone (so "Monday 09:00" follows Istanbul's clock, and a
 * zone with summer time keeps 09:00 local across the change).
 */
import { Cron } from "croner";

export function nextDeliveryRun(cron: string, timeZone: string, after: Date): Date | null {
  // No callback: croner only evaluates the pattern and never starts a timer.
  return new Cron(cron, { timezone: timeZone, mode: "5-part" }).nextRun(after);
}
